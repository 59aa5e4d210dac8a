import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Forum } from '../../../../electron/common/domain/forum-schema';
import type { ForumCreate } from '../../../../electron/common/domain/notebook-schema';
import { Field } from '../../app/Field';
import { FormFooter } from '../../app/FormFooter';

const blank: ForumCreate = {
  name: { id: '', en: '' },
  acronym: '',
  edition: '',
  city: '',
  country: '',
  venue: '',
  startDate: null,
  endDate: null,
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  theme: { id: '', en: '' },
  hostOrganisation: { id: '', en: '' },
};

const zones =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

interface ForumFormProps {
  forum?: Forum;
  onSubmit: (input: ForumCreate) => Promise<void>;
  onCancel: () => void;
}

export function ForumForm({ forum, onSubmit, onCancel }: ForumFormProps) {
  const { t } = useTranslation('notebook');
  const [value, setValue] = useState<ForumCreate>(() =>
    forum
      ? {
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
        }
      : blank,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<ForumCreate>) => setValue((v) => ({ ...v, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!value.name.id.trim() && !value.name.en.trim()) return setProblem(t('forumForm.needName'));
    await onSubmit({ ...value, country: value.country.trim().toUpperCase() });
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        <Field
          label={t('forumForm.nameId')}
          lang="id"
          value={value.name.id}
          onChange={(id) => set({ name: { ...value.name, id } })}
          autoFocus
        />
        <Field
          label={t('forumForm.nameEn')}
          lang="en"
          value={value.name.en}
          onChange={(en) => set({ name: { ...value.name, en } })}
        />
        <Field
          label={t('forumForm.acronym')}
          value={value.acronym}
          onChange={(acronym) => set({ acronym })}
        />
        <Field
          label={t('forumForm.edition')}
          value={value.edition ?? ''}
          onChange={(edition) => set({ edition })}
        />
        <Field label={t('forumForm.city')} value={value.city} onChange={(city) => set({ city })} />
        <Field
          label={t('forumForm.country')}
          help={t('forumForm.countryHelp')}
          value={value.country}
          maxLength={2}
          onChange={(country) => set({ country })}
        />
        <Field
          label={t('forumForm.venue')}
          value={value.venue}
          onChange={(venue) => set({ venue })}
        />
        <Field
          label={t('forumForm.timeZone')}
          help={t('forumForm.timeZoneHelp')}
          value={value.timeZone}
          onChange={(timeZone) => set({ timeZone })}
          list="time-zones"
        />
        <Field
          label={t('forumForm.startDate')}
          type="date"
          value={value.startDate ?? ''}
          onChange={(d) => set({ startDate: d || null })}
        />
        <Field
          label={t('forumForm.endDate')}
          type="date"
          value={value.endDate ?? ''}
          onChange={(d) => set({ endDate: d || null })}
        />
        <Field
          label={t('forumForm.themeId')}
          lang="id"
          multiline
          value={value.theme.id}
          onChange={(id) => set({ theme: { ...value.theme, id } })}
        />
        <Field
          label={t('forumForm.themeEn')}
          lang="en"
          multiline
          value={value.theme.en}
          onChange={(en) => set({ theme: { ...value.theme, en } })}
        />
        <Field
          label={t('forumForm.hostId')}
          lang="id"
          value={value.hostOrganisation.id}
          onChange={(id) => set({ hostOrganisation: { ...value.hostOrganisation, id } })}
        />
        <Field
          label={t('forumForm.hostEn')}
          lang="en"
          value={value.hostOrganisation.en}
          onChange={(en) => set({ hostOrganisation: { ...value.hostOrganisation, en } })}
        />
      </div>
      <datalist id="time-zones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <FormFooter
        problem={problem}
        cancelLabel={t('forumForm.cancel')}
        submitLabel={forum ? t('forumForm.save') : t('forumForm.create')}
        onCancel={onCancel}
      />
    </form>
  );
}
