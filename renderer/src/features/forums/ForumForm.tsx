import { CheckedForm } from '../../app/CheckedForm';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changedFields } from '../../app/changed-fields';
import type { Forum } from '../../../../electron/common/domain/forum-schema';
import type { ForumCreate } from '../../../../electron/common/domain/notebook-schema';
import { CountryField, countryCheck } from '../../app/CountryField';
import { DateField } from '../../app/DateField';
import { Field } from '../../app/Field';
import { FormFooter } from '../../app/FormFooter';
import { TimeZoneField, isKnownZone } from '../../app/TimeZoneField';
import type { FormChecks } from '../../app/form-problems';
import { systemTimeZone } from '../../app/time-zones';
import { useFormProblems } from '../../app/use-form-problems';
import { useUnsavedChanges } from '../../app/use-unsaved-changes';
import { useFormat } from '../../app/use-format';
import { useAppStore } from '../../store/app-store';

const blank = (): ForumCreate => ({
  name: { id: '', en: '' },
  acronym: '',
  edition: '',
  city: '',
  country: '',
  venue: '',
  startDate: null,
  endDate: null,
  // This computer's zone: a delegation usually sets up the forum where it will be held.
  timeZone: systemTimeZone(),
  theme: { id: '', en: '' },
  hostOrganisation: { id: '', en: '' },
});

const fromForum = (forum: Forum): ForumCreate => ({
  name: { ...forum.name },
  acronym: forum.acronym,
  edition: forum.edition,
  city: forum.city,
  country: forum.country,
  venue: forum.venue,
  startDate: forum.startDate,
  endDate: forum.endDate,
  timeZone: forum.timeZone,
  theme: { ...forum.theme },
  hostOrganisation: { ...forum.hostOrganisation },
});

interface ForumFormProps {
  forum?: Forum;
  /** Throws when the host refuses: the form stays, with what was typed, and says why. */
  /** `changed`: the fields changed since the form opened (all of them for a new one). */
  onSubmit: (input: ForumCreate, changed: Partial<ForumCreate>) => Promise<void>;
  onCancel: () => void;
}

export function ForumForm({ forum, onSubmit, onCancel }: ForumFormProps) {
  const { t } = useTranslation('notebook');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const language = useAppStore((s) => s.language);
  const [initial] = useState<ForumCreate>(() => (forum ? fromForum(forum) : blank()));
  const [value, setValue] = useState<ForumCreate>(initial);
  const [partial, setPartial] = useState({ startDate: false, endDate: false });
  const set = (patch: Partial<ForumCreate>) => setValue((v) => ({ ...v, ...patch }));

  const country = value.country.trim();
  const checks: FormChecks = {
    'name.id': {
      error: !value.name.id.trim() && !value.name.en.trim() ? t('forumForm.needName') : null,
    },
    country: countryCheck(value.country, initial.country, tc),
    timeZone: {
      error:
        isKnownZone(language, value.timeZone) || value.timeZone === initial.timeZone
          ? null
          : tc('forms.zonePick'),
    },
    startDate: { error: partial.startDate ? tc('forms.dateIncomplete') : null },
    endDate: {
      error: partial.endDate
        ? tc('forms.dateIncomplete')
        : value.startDate && value.endDate && value.endDate < value.startDate
          ? tc('forms.endBeforeStart', { start: format.date(value.startDate) })
          : null,
    },
  };
  const problems = useFormProblems(checks, value);
  const { formRef, leave } = useUnsavedChanges(value, problems.sending);

  async function submit(event: FormEvent<HTMLFormElement>) {
    const input = { ...value, country };
    await problems.submit(event, () => onSubmit(input, changedFields(initial, input)));
  }

  return (
    <CheckedForm problems={problems} onSubmit={submit} formRef={formRef}>
      <div className="form-grid">
        <Field
          label={t('forumForm.nameId')}
          lang="id"
          value={value.name.id}
          onChange={(id) => set({ name: { ...value.name, id } })}
          autoFocus
          {...problems.field('name.id')}
        />
        <Field
          label={t('forumForm.nameEn')}
          lang="en"
          value={value.name.en}
          onChange={(en) => set({ name: { ...value.name, en } })}
          {...problems.field('name.en')}
        />
        <Field
          label={t('forumForm.acronym')}
          value={value.acronym}
          onChange={(acronym) => set({ acronym })}
          {...problems.field('acronym')}
        />
        <Field
          label={t('forumForm.edition')}
          value={value.edition ?? ''}
          onChange={(edition) => set({ edition })}
          {...problems.field('edition')}
        />
        <Field
          label={t('forumForm.city')}
          value={value.city}
          onChange={(city) => set({ city })}
          {...problems.field('city')}
        />
        <CountryField
          label={t('forumForm.country')}
          value={value.country}
          onChange={(next) => set({ country: next })}
          {...problems.field('country')}
        />
        <Field
          label={t('forumForm.venue')}
          value={value.venue}
          onChange={(venue) => set({ venue })}
          {...problems.field('venue')}
        />
        <TimeZoneField
          label={t('forumForm.timeZone')}
          help={t('forumForm.timeZoneHelp')}
          value={value.timeZone}
          onChange={(timeZone) => set({ timeZone })}
          {...problems.field('timeZone')}
        />
        <DateField
          label={t('forumForm.startDate')}
          value={value.startDate}
          onChange={(startDate) => set({ startDate })}
          onPartial={(p) => setPartial((s) => ({ ...s, startDate: p }))}
          {...problems.field('startDate')}
        />
        <DateField
          label={t('forumForm.endDate')}
          value={value.endDate}
          onChange={(endDate) => set({ endDate })}
          onPartial={(p) => setPartial((s) => ({ ...s, endDate: p }))}
          {...problems.field('endDate')}
        />
        <Field
          label={t('forumForm.themeId')}
          lang="id"
          multiline
          value={value.theme.id}
          onChange={(id) => set({ theme: { ...value.theme, id } })}
          {...problems.field('theme.id')}
        />
        <Field
          label={t('forumForm.themeEn')}
          lang="en"
          multiline
          value={value.theme.en}
          onChange={(en) => set({ theme: { ...value.theme, en } })}
          {...problems.field('theme.en')}
        />
        <Field
          label={t('forumForm.hostId')}
          lang="id"
          value={value.hostOrganisation.id}
          onChange={(id) => set({ hostOrganisation: { ...value.hostOrganisation, id } })}
          {...problems.field('hostOrganisation.id')}
        />
        <Field
          label={t('forumForm.hostEn')}
          lang="en"
          value={value.hostOrganisation.en}
          onChange={(en) => set({ hostOrganisation: { ...value.hostOrganisation, en } })}
          {...problems.field('hostOrganisation.en')}
        />
      </div>
      <FormFooter
        problem={problems.footer}
        busy={problems.busy}
        cancelLabel={t('forumForm.cancel')}
        submitLabel={forum ? t('forumForm.save') : t('forumForm.create')}
        onCancel={() => void leave(onCancel)}
      />
    </CheckedForm>
  );
}
