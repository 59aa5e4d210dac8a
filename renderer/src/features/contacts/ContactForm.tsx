import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactFields } from '../../../../electron/common/domain/workspace-schema';
import { CountryField } from '../../app/CountryField';
import { Field } from '../../app/Field';
import { isCountryCode } from '../../app/countries';
import { doubtfulEmail, doubtfulPhone } from '../../app/contact-checks';
import type { FormChecks } from '../../app/form-problems';
import { useFormProblems } from '../../app/use-form-problems';
import { useUnsavedChanges } from '../../app/use-unsaved-changes';
import { useBilingual } from '../../app/use-bilingual';
import { useAppStore } from '../../store/app-store';

export type ContactFormValue = ContactFields;

/** One value per line: several e-mails, phones or handles. */
function ListField(props: {
  label: string;
  help: string;
  values: string[];
  onChange: (values: string[]) => void;
  name: string;
  error?: string | null;
  warning?: string | null;
}) {
  const [text, setText] = useState(props.values.join('\n'));
  return (
    <Field
      label={props.label}
      help={props.help}
      name={props.name}
      error={props.error}
      warning={props.warning}
      multiline
      value={text}
      onChange={(next) => {
        setText(next);
        props.onChange(
          next
            .split('\n')
            .map((v) => v.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}

interface Props {
  contact: Contact | null;
  forumId: string | null;
  onSave: (value: ContactFormValue) => Promise<void>;
}

function fieldsOf(contact: Contact): ContactFormValue {
  const { id, createdAt, updatedAt, deletedAt, ...fields } = structuredClone(contact);
  return fields;
}

const blank = (forumId: string | null): ContactFormValue => ({
  name: '',
  nameParts: { family: '', given: '', additional: '', prefix: '', suffix: '' },
  otherNames: [],
  role: { id: '', en: '' },
  orgUnits: { id: [], en: [] },
  addresses: [],
  urls: [],
  honorific: '',
  addressAs: '',
  position: { id: '', en: '' },
  organisation: { id: '', en: '' },
  country: '',
  city: '',
  emails: [],
  phones: [],
  handles: [],
  website: '',
  languages: [],
  photo: null,
  photoUrl: '',
  birthday: '',
  geo: '',
  uid: '',
  met: forumId ? [{ forumId, sessionId: null }] : [],
  tags: [],
  notes: '',
  sensitive: false,
});

export function ContactForm({ contact, forumId, onSave }: Props) {
  const { t } = useTranslation('contacts');
  const { t: tc } = useTranslation();
  const [initial] = useState<ContactFormValue>(() =>
    contact ? fieldsOf(contact) : blank(forumId),
  );
  const [value, setValue] = useState<ContactFormValue>(initial);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<ContactFormValue>) => {
    setSaved(false);
    setValue((v) => ({ ...v, ...patch }));
  };
  const forums = useAppStore((s) => s.forums);
  const text = useBilingual();

  const country = value.country.trim();
  const oddEmail = value.emails.map((e) => e.value).find(doubtfulEmail);
  const oddPhone = value.phones.map((p) => p.value).find(doubtfulPhone);
  // E-mails and phones are only doubted, never refused: a card is worth more than its typo.
  const checks: FormChecks = {
    name: { error: !value.name.trim() ? t('form.needName') : null },
    // What is stored is doubted at once; what is being typed, once the field is left.
    emails: {
      warning: oddEmail ? tc('forms.emailDoubt', { value: oddEmail }) : null,
      warnAtOnce: JSON.stringify(value.emails) === JSON.stringify(initial.emails),
    },
    phones: {
      warning: oddPhone ? tc('forms.phoneDoubt', { value: oddPhone }) : null,
      warnAtOnce: JSON.stringify(value.phones) === JSON.stringify(initial.phones),
    },
    country: {
      error:
        country && !isCountryCode(country) && country !== initial.country
          ? tc('forms.countryPick')
          : null,
      warning:
        country && !isCountryCode(country) && country === initial.country
          ? tc('forms.countryLegacy', { value: country })
          : null,
      warnAtOnce: true,
    },
  };
  const problems = useFormProblems(checks, value);
  const { formRef, saved: markSaved } = useUnsavedChanges(value, problems.sending);

  async function submit(event: FormEvent<HTMLFormElement>) {
    if (await problems.submit(event, () => onSave({ ...value, country }))) {
      setSaved(true);
      markSaved();
    }
  }

  return (
    <form
      ref={formRef}
      className="form"
      noValidate
      onSubmit={(e) => void submit(e)}
      onBlur={problems.onBlur}
    >
      <div className="form-grid">
        <Field
          label={t('form.name')}
          value={value.name}
          onChange={(name) => set({ name })}
          {...problems.field('name')}
        />
        <Field
          label={t('form.honorific')}
          value={value.honorific}
          onChange={(honorific) => set({ honorific })}
        />
        <Field
          label={t('form.addressAs')}
          value={value.addressAs}
          onChange={(addressAs) => set({ addressAs })}
        />
        <Field
          label={t('form.positionId')}
          lang="id"
          value={value.position.id}
          onChange={(id) => set({ position: { ...value.position, id } })}
        />
        <Field
          label={t('form.positionEn')}
          lang="en"
          value={value.position.en}
          onChange={(en) => set({ position: { ...value.position, en } })}
        />
        <Field
          label={t('form.organisationId')}
          lang="id"
          value={value.organisation.id}
          onChange={(id) => set({ organisation: { ...value.organisation, id } })}
        />
        <Field
          label={t('form.organisationEn')}
          lang="en"
          value={value.organisation.en}
          onChange={(en) => set({ organisation: { ...value.organisation, en } })}
        />
        <ListField
          label={t('form.emails')}
          help={t('form.listHelp')}
          values={value.emails.map((e) => e.value)}
          {...problems.field('emails')}
          onChange={(values) =>
            set({ emails: values.map((v, i) => ({ value: v, type: value.emails[i]?.type ?? '' })) })
          }
        />
        <ListField
          label={t('form.phones')}
          help={t('form.listHelp')}
          values={value.phones.map((p) => p.value)}
          {...problems.field('phones')}
          onChange={(values) =>
            set({ phones: values.map((v, i) => ({ value: v, type: value.phones[i]?.type ?? '' })) })
          }
        />
        <ListField
          name="handles"
          label={t('form.handles')}
          help={t('form.handlesHelp')}
          values={value.handles.map((h) => (h.service ? `${h.service}: ${h.value}` : h.value))}
          onChange={(values) =>
            set({
              handles: values.map((v) => {
                const colon = v.indexOf(':');
                return colon > 0
                  ? { service: v.slice(0, colon).trim(), value: v.slice(colon + 1).trim() }
                  : { service: '', value: v };
              }),
            })
          }
        />
        <Field
          label={t('form.languages')}
          help={t('form.commaHelp')}
          value={value.languages.join(', ')}
          onChange={(v) =>
            set({
              languages: v
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean),
            })
          }
        />
        <Field
          label={t('form.tags')}
          help={t('form.commaHelp')}
          value={value.tags.join(', ')}
          onChange={(v) =>
            set({
              tags: v
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean),
            })
          }
        />
        <Field label={t('form.city')} value={value.city} onChange={(city) => set({ city })} />
        <CountryField
          label={t('form.country')}
          value={value.country}
          onChange={(next) => set({ country: next })}
          {...problems.field('country')}
        />
        <Field
          label={t('form.website')}
          value={value.website}
          onChange={(website) => set({ website })}
        />
      </div>
      {value.photo && <img className="contact-photo" src={value.photo} alt={value.name} />}
      <Field
        label={t('form.notes')}
        multiline
        value={value.notes}
        onChange={(notes) => set({ notes })}
      />
      {forums.length > 0 && (
        <fieldset className="choices contact-forums">
          <legend>{t('form.forums')}</legend>
          {forums.map((forum) => (
            <label key={forum.id} className="checkbox">
              <input
                type="checkbox"
                checked={value.met.some((m) => m.forumId === forum.id)}
                onChange={(e) =>
                  set({
                    met: e.target.checked
                      ? [...value.met, { forumId: forum.id, sessionId: null }]
                      : value.met.filter((m) => m.forumId !== forum.id),
                  })
                }
              />
              {forum.id === forumId
                ? `${text(forum.name)} (${t('form.metHere')})`
                : text(forum.name)}
            </label>
          ))}
        </fieldset>
      )}
      <label className="checkbox sensitive-choice">
        <input
          type="checkbox"
          checked={value.sensitive}
          onChange={(e) => set({ sensitive: e.target.checked })}
        />
        <span>
          <strong>{t('sensitive')}</strong> — {t('sensitiveHelp')}
        </span>
      </label>
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t('save')}
        </button>
        {saved && <span role="status">{t('saved')}</span>}
        {problems.footer && (
          <span className="form-problem" role="alert">
            {problems.footer}
          </span>
        )}
      </div>
    </form>
  );
}
