import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session, SessionKind } from '../../../../electron/common/domain/forum-schema';
import { sessionKinds } from '../../../../electron/common/domain/vocabulary';
import type { SessionInput } from '../../../../electron/common/domain/notebook-schema';
import { Field } from '../../app/Field';
import { FormFooter } from '../../app/FormFooter';

interface SessionFormProps {
  session?: Session;
  defaultDate: string;
  onSubmit: (input: SessionInput) => Promise<void>;
  onCancel: () => void;
}

export function SessionForm({ session, defaultDate, onSubmit, onCancel }: SessionFormProps) {
  const { t } = useTranslation('notebook');
  const kindId = useId();
  const [title, setTitle] = useState({ id: session?.title.id ?? '', en: session?.title.en ?? '' });
  const [kind, setKind] = useState<SessionKind>(session?.kind ?? 'plenary');
  const [date, setDate] = useState(session?.start?.slice(0, 10) ?? defaultDate);
  const [start, setStart] = useState(session?.start?.slice(11, 16) ?? '');
  const [end, setEnd] = useState(session?.end?.slice(11, 16) ?? '');
  const [room, setRoom] = useState(session?.room ?? '');
  const [speakers, setSpeakers] = useState(session?.speakers.join('\n') ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.id.trim() && !title.en.trim()) return setProblem(t('sessionForm.needTitle'));
    await onSubmit({
      title,
      kind,
      start: date && start ? `${date}T${start}` : null,
      end: date && end ? `${date}T${end}` : null,
      room,
      speakers: speakers
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    });
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        <Field
          label={t('sessionForm.titleId')}
          lang="id"
          value={title.id}
          onChange={(id) => setTitle({ ...title, id })}
          autoFocus
        />
        <Field
          label={t('sessionForm.titleEn')}
          lang="en"
          value={title.en}
          onChange={(en) => setTitle({ ...title, en })}
        />
        <div className="field">
          <label htmlFor={kindId}>{t('sessionForm.kind')}</label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as SessionKind)}>
            {sessionKinds.map((k) => (
              <option key={k} value={k}>
                {t(`agenda.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <Field label={t('sessionForm.date')} type="date" value={date} onChange={setDate} />
        <Field label={t('sessionForm.start')} type="time" value={start} onChange={setStart} />
        <Field label={t('sessionForm.end')} type="time" value={end} onChange={setEnd} />
        <Field label={t('sessionForm.room')} value={room} onChange={setRoom} />
        <Field
          label={t('sessionForm.speakers')}
          help={t('sessionForm.speakersHelp')}
          multiline
          value={speakers}
          onChange={setSpeakers}
        />
      </div>
      <FormFooter
        problem={problem}
        cancelLabel={t('sessionForm.cancel')}
        submitLabel={t('sessionForm.save')}
        onCancel={onCancel}
      />
    </form>
  );
}
