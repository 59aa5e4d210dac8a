import { CheckedForm } from '../../app/CheckedForm';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../electron/common/domain/forum-schema';
import type { Contact, ContactFields } from '../../../../electron/common/domain/workspace-schema';
import { CountryField, countryCheck } from '../../app/CountryField';
import { Field } from '../../app/Field';
import { doubtfulEmail, doubtfulPhone } from '../../app/contact-checks';
import type { FormChecks } from '../../app/form-problems';
import { useFormProblems } from '../../app/use-form-problems';
import { useUnsavedChanges } from '../../app/use-unsaved-changes';
import { useBilingual } from '../../app/use-bilingual';
import { useAppStore } from '../../store/app-store';
import { PageFormActions } from '../../app/FormFooter';

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

/** The session of each linked forum where the contact was met, chosen from its agenda. */
function SessionPicker(props: {
  forumId: string;
  label: string;
  sessionId: string | null;
  onChange: (sessionId: string | null) => void;
}) {
  const { t } = useTranslation('contacts');
  const text = useBilingual();
  const forumSessions = useAppStore((s) => s.forumSessions);
  const [sessions, setSessions] = useState<Session[] | null>(null);
  useEffect(() => {
    let live = true;
    void forumSessions(props.forumId).then((list) => live && setSessions(list));
    return () => {
      live = false;
    };
  }, [forumSessions, props.forumId]);
  if (!sessions?.length) return null;
  return (
    <select
      className="contact-session"
      aria-label={props.label}
      value={props.sessionId ?? ''}
      onChange={(e) => props.onChange(e.target.value || null)}
    >
      <option value="">{t('form.noSession')}</option>
      {sessions.map((s) => (
        <option key={s.id} value={s.id}>
          {text(s.title)}
        </option>
      ))}
    </select>
  );
}

/** "ko: 김민지", one per line: a name in another script, with its language. */
const otherNamesText = (names: ContactFormValue['otherNames']) =>
  names.map((n) => (n.language ? `${n.language}: ${n.value}` : n.value));
const otherNamesFrom = (lines: string[]) =>
  lines.map((line) => {
    const match = /^([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\s*:\s*(.+)$/.exec(line);
    return match
      ? { language: match[1] ?? '', value: match[2] ?? '' }
      : { language: '', value: line };
  });

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
    country: countryCheck(value.country, initial.country, tc),
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
    <CheckedForm problems={problems} onSubmit={submit} formRef={formRef}>
      <div className="form-grid">
        <Field
          label={t('form.name')}
          value={value.name}
          onChange={(name) => set({ name })}
          {...problems.field('name')}
        />
        <Field
          label={t('form.honorific')}
          value={value.nameParts.prefix || value.honorific}
          // The title before the name is N's prefix: one field, so the two never disagree.
          onChange={(honorific) =>
            set({ honorific, nameParts: { ...value.nameParts, prefix: honorific } })
          }
        />
        <Field
          label={t('form.addressAs')}
          value={value.addressAs}
          onChange={(addressAs) => set({ addressAs })}
        />
        <Field
          label={t('form.given')}
          value={value.nameParts.given}
          onChange={(given) => set({ nameParts: { ...value.nameParts, given } })}
        />
        <Field
          label={t('form.additional')}
          value={value.nameParts.additional}
          onChange={(additional) => set({ nameParts: { ...value.nameParts, additional } })}
        />
        <Field
          label={t('form.family')}
          value={value.nameParts.family}
          onChange={(family) => set({ nameParts: { ...value.nameParts, family } })}
        />
        <Field
          label={t('form.suffix')}
          value={value.nameParts.suffix}
          onChange={(suffix) => set({ nameParts: { ...value.nameParts, suffix } })}
        />
        <ListField
          name="otherNames"
          label={t('form.otherNames')}
          help={t('form.otherNamesHelp')}
          values={otherNamesText(value.otherNames)}
          onChange={(lines) => set({ otherNames: otherNamesFrom(lines) })}
        />
        <Field
          label={t('form.birthday')}
          help={t('form.birthdayHelp')}
          value={value.birthday}
          onChange={(birthday) => set({ birthday })}
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
          label={t('form.roleId')}
          lang="id"
          value={value.role.id}
          onChange={(id) => set({ role: { ...value.role, id } })}
        />
        <Field
          label={t('form.roleEn')}
          lang="en"
          value={value.role.en}
          onChange={(en) => set({ role: { ...value.role, en } })}
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
        <Field
          label={t('form.photoUrl')}
          help={t('form.photoUrlHelp')}
          value={value.photoUrl}
          onChange={(photoUrl) => set({ photoUrl })}
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
          {forums.map((forum) => {
            const met = value.met.find((m) => m.forumId === forum.id);
            return (
              <div key={forum.id} className="contact-forum">
                <label className="checkbox">
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
                {met && (
                  <SessionPicker
                    forumId={forum.id}
                    label={`${t('form.session')} · ${text(forum.name)}`}
                    sessionId={met.sessionId}
                    onChange={(sessionId) =>
                      set({
                        met: value.met.map((m) =>
                          m.forumId === forum.id ? { ...m, sessionId } : m,
                        ),
                      })
                    }
                  />
                )}
              </div>
            );
          })}
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
      <PageFormActions
        saveLabel={t('save')}
        savedLabel={t('saved')}
        saved={saved}
        problem={problems.footer}
      />
    </CheckedForm>
  );
}
