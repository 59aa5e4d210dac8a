import { CheckedForm } from '../../app/CheckedForm';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changedFields } from '../../app/changed-fields';
import type { Session, SessionKind } from '../../../../electron/common/domain/forum-schema';
import { sessionKinds } from '../../../../electron/common/domain/vocabulary';
import type { SessionInput } from '../../../../electron/common/domain/notebook-schema';
import { DateField, TimeField } from '../../app/DateField';
import { Field } from '../../app/Field';
import { FormFooter } from '../../app/FormFooter';
import type { FormChecks } from '../../app/form-problems';
import { useFormProblems } from '../../app/use-form-problems';
import { useUnsavedChanges } from '../../app/use-unsaved-changes';
import { useFormat } from '../../app/use-format';
import { memberKey } from '../../../../electron/common/domain/team';
import { useAppStore } from '../../store/app-store';
import { ConflictNotice } from '../team/ConflictNotice';

interface SessionFormProps {
  session?: Session;
  defaultDate: string;
  /** The forum's first and last day: a session outside them is warned about, not refused. */
  forumDays?: { start: string | null; end: string | null };
  /** Throws when the host refuses: the form stays, with what was typed, and says why. */
  /** `changed`: the fields changed since the form opened (all of them for a new one). */
  onSubmit: (input: SessionInput, changed: Partial<SessionInput>) => Promise<void>;
  onCancel: () => void;
}

export function SessionForm({
  session,
  defaultDate,
  forumDays,
  onSubmit,
  onCancel,
}: SessionFormProps) {
  const { t } = useTranslation('notebook');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const kindId = useId();
  const [title, setTitle] = useState({ id: session?.title.id ?? '', en: session?.title.en ?? '' });
  const [kind, setKind] = useState<SessionKind>(session?.kind ?? 'plenary');
  const [date, setDate] = useState<string | null>(
    session?.start?.slice(0, 10) ?? session?.end?.slice(0, 10) ?? (defaultDate || null),
  );
  const [start, setStart] = useState<string | null>(session?.start?.slice(11, 16) ?? null);
  const [end, setEnd] = useState<string | null>(session?.end?.slice(11, 16) ?? null);
  const [room, setRoom] = useState(session?.room ?? '');
  const [speakers, setSpeakers] = useState(session?.speakers.join('\n') ?? '');
  const [partial, setPartial] = useState({ date: false, start: false, end: false });
  const members = useAppStore((s) => s.profile?.members ?? []);
  // A title two members set apart is stated here too, where it is edited; the value chosen
  // goes into the field, so that saving the form keeps it.
  const forumConflicts = useAppStore((s) => s.forum?.conflicts);
  const conflicts = session
    ? (forumConflicts ?? []).filter((c) => c.kind === 'session' && c.id === session.id)
    : [];
  const [coveredBy, setCoveredBy] = useState<string[]>(() =>
    (session?.coveredBy ?? []).map(memberKey),
  );
  // Members a colleague named who are not in this laptop's profile stay choosable.
  const coverage = [
    ...members.map((m) => ({ key: m.id, name: m.name })),
    ...(session?.coveredBy ?? [])
      .filter((ref) => !members.some((m) => m.id === ref.memberId))
      .map((ref) => ({ key: memberKey(ref), name: ref.name })),
  ];
  const toggleCoverage = (key: string, on: boolean) =>
    setCoveredBy((keys) => {
      const chosen = new Set(keys);
      if (on) chosen.add(key);
      else chosen.delete(key);
      return coverage.map((c) => c.key).filter((k) => chosen.has(k));
    });

  const first = forumDays?.start ?? null;
  const last = forumDays?.end ?? first;
  const outside = !!date && !!first && !!last && (date < first || date > last);
  const checks: FormChecks = {
    'title.id': {
      error: !title.id.trim() && !title.en.trim() ? t('sessionForm.needTitle') : null,
    },
    date: {
      // A time without a day would be dropped: that is a question, not a silent loss.
      error: partial.date || (!date && (start || end)) ? tc('forms.dateIncomplete') : null,
      warning:
        outside && first && last
          ? tc('forms.outsideForum', { days: format.dateRange(first, last) })
          : null,
      warnAtOnce: true,
    },
    start: { error: partial.start ? tc('forms.timeIncomplete') : null },
    end: {
      error: partial.end
        ? tc('forms.timeIncomplete')
        : start && end && end < start
          ? tc('forms.endTimeBeforeStart', { start: format.wallTime(`2000-01-01T${start}`) })
          : null,
    },
  };
  const value = { title, kind, date, start, end, room, speakers, coveredBy };
  const problems = useFormProblems(checks, value);
  const { formRef, leave } = useUnsavedChanges(value, problems.sending);

  const input: SessionInput = {
    title,
    kind,
    start: date && start ? `${date}T${start}` : null,
    end: date && end ? `${date}T${end}` : null,
    room,
    speakers: speakers
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    coveredBy,
  };
  const [opened] = useState(input);

  async function submit(event: FormEvent<HTMLFormElement>) {
    await problems.submit(event, () => onSubmit(input, changedFields(opened, input)));
  }

  return (
    <CheckedForm problems={problems} onSubmit={submit} formRef={formRef}>
      <div className="form-grid">
        <Field
          label={t('sessionForm.titleId')}
          lang="id"
          value={title.id}
          onChange={(id) => setTitle({ ...title, id })}
          autoFocus
          {...problems.field('title.id')}
        />
        <Field
          label={t('sessionForm.titleEn')}
          lang="en"
          value={title.en}
          onChange={(en) => setTitle({ ...title, en })}
          {...problems.field('title.en')}
        />
        {conflicts.length > 0 && (
          <div className="form-conflicts">
            {conflicts.map((conflict) => (
              <ConflictNotice
                key={conflict.field}
                conflict={conflict}
                onChosen={(chosen) =>
                  setTitle((now) => ({
                    ...now,
                    [conflict.field === 'title.en' ? 'en' : 'id']: chosen ?? '',
                  }))
                }
              />
            ))}
          </div>
        )}
        <div className="field" data-field="kind">
          <label htmlFor={kindId}>{t('sessionForm.kind')}</label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as SessionKind)}>
            {sessionKinds.map((k) => (
              <option key={k} value={k}>
                {t(`agenda.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <DateField
          label={t('sessionForm.date')}
          value={date}
          onChange={setDate}
          onPartial={(p) => setPartial((s) => ({ ...s, date: p }))}
          {...problems.field('date')}
        />
        <TimeField
          label={t('sessionForm.start')}
          value={start}
          onChange={setStart}
          onPartial={(p) => setPartial((s) => ({ ...s, start: p }))}
          {...problems.field('start')}
        />
        <TimeField
          label={t('sessionForm.end')}
          value={end}
          onChange={setEnd}
          onPartial={(p) => setPartial((s) => ({ ...s, end: p }))}
          {...problems.field('end')}
        />
        <Field
          label={t('sessionForm.room')}
          value={room}
          onChange={setRoom}
          {...problems.field('room')}
        />
        <Field
          label={t('sessionForm.speakers')}
          help={t('sessionForm.speakersHelp')}
          multiline
          value={speakers}
          onChange={setSpeakers}
          {...problems.field('speakers')}
        />
        <fieldset className="member-picker coverage-picker" data-field="coveredBy">
          <legend>{t('sessionForm.coveredBy')}</legend>
          {coverage.length === 0 ? (
            <p className="help">{t('sessionForm.coveredByNone')}</p>
          ) : (
            coverage.map((member) => (
              <label key={member.key} className="checkbox member-choice">
                <input
                  type="checkbox"
                  checked={coveredBy.includes(member.key)}
                  onChange={(e) => toggleCoverage(member.key, e.target.checked)}
                />
                <span>{member.name}</span>
              </label>
            ))
          )}
        </fieldset>
      </div>
      <FormFooter
        problem={problems.footer}
        busy={problems.busy}
        cancelLabel={t('sessionForm.cancel')}
        submitLabel={t('sessionForm.save')}
        onCancel={() => void leave(onCancel)}
      />
    </CheckedForm>
  );
}
