import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../electron/common/domain/forum-schema';
import { Dialog } from '../../app/Dialog';
import { PrintButton } from '../../app/PrintButton';
import { useBilingual } from '../../app/use-bilingual';
import { useFormat } from '../../app/use-format';
import { useAppStore } from '../../store/app-store';
import { memberName } from '../../../../electron/common/domain/team';
import { ConflictNotice } from '../team/ConflictNotice';
import { SessionForm } from './SessionForm';

type Editing = { session?: Session } | null;

export function AgendaView() {
  const { t } = useTranslation('notebook');
  const text = useBilingual();
  const format = useFormat();
  const detail = useAppStore((s) => s.forum);
  const notes = useAppStore((s) => s.notes);
  const createSession = useAppStore((s) => s.createSession);
  const updateSession = useAppStore((s) => s.updateSession);
  const deleteSession = useAppStore((s) => s.deleteSession);
  const moveSession = useAppStore((s) => s.moveSession);
  const writeSessionNote = useAppStore((s) => s.writeSessionNote);
  const navigate = useAppStore((s) => s.navigate);
  const members = useAppStore((s) => s.profile?.members ?? []);
  const [editing, setEditing] = useState<Editing>(null);
  if (!detail) return null;
  const conflictsOf = (id: string) =>
    (detail.conflicts ?? []).filter((c) => c.kind === 'session' && c.id === id);
  const { forum, sessions } = detail;

  const days = new Map<string, Session[]>();
  for (const session of sessions) {
    const day = session.start?.slice(0, 10) ?? '';
    days.set(day, [...(days.get(day) ?? []), session]);
  }
  const noteCount = (id: string) => notes.filter((n) => n.sessionId === id).length;

  return (
    <div className="agenda">
      <div className="toolbar">
        <p className="help">
          {t('forumHeader.timeZone', {
            zone: `${forum.timeZone} (${format.zoneName(forum.timeZone, forum.startDate)})`,
          })}
        </p>
        <div className="toolbar-actions">
          {sessions.length > 0 && <PrintButton what="agenda" />}
          <button type="button" className="button primary" onClick={() => setEditing({})}>
            {t('agenda.add')}
          </button>
        </div>
      </div>
      {sessions.length === 0 && <p className="empty-state">{t('agenda.empty')}</p>}
      {[...days].map(([day, list]) => (
        <section
          key={day || 'unscheduled'}
          className="agenda-day"
          aria-label={day ? format.dayHeading(day) : t('agenda.unscheduled')}
        >
          <h2>{day ? format.dayHeading(day) : t('agenda.unscheduled')}</h2>
          <ol className="agenda-list">
            {list.map((session, index) => (
              <li key={session.id} className={`agenda-item kind-${session.kind}`}>
                <div className="agenda-time">
                  {session.start && format.wallTime(session.start)}
                  {session.end && `–${format.wallTime(session.end)}`}
                </div>
                <div className="agenda-body">
                  <p className="agenda-kind">{t(`agenda.kinds.${session.kind}`)}</p>
                  <h3>{text(session.title)}</h3>
                  {conflictsOf(session.id).map((conflict) => (
                    <ConflictNotice key={conflict.field} conflict={conflict} />
                  ))}
                  {(session.coveredBy ?? []).length > 0 && (
                    <p className="agenda-coverage">
                      {t('agenda.coveredBy', {
                        names: (session.coveredBy ?? [])
                          .map((ref) => memberName(ref, members))
                          .join(', '),
                      })}
                    </p>
                  )}
                  <p className="agenda-meta">
                    {[
                      session.room,
                      session.speakers.length
                        ? `${t('agenda.speakers')}: ${session.speakers.join(', ')}`
                        : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <div className="agenda-actions">
                    <button
                      type="button"
                      className="button small"
                      onClick={async () => {
                        navigate({ name: 'forum', forumId: forum.id, section: 'notes' });
                        await writeSessionNote(session.id);
                      }}
                    >
                      {t('agenda.writeNote')}
                    </button>
                    {noteCount(session.id) > 0 && (
                      <span className="muted">
                        {t('agenda.notes', { count: noteCount(session.id) })}
                      </span>
                    )}
                    <span className="spacer" />
                    <button
                      type="button"
                      className="button small subtle"
                      aria-label={`${t('agenda.moveUp')}: ${text(session.title)}`}
                      disabled={index === 0}
                      onClick={() => void moveSession(session.id, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button small subtle"
                      aria-label={`${t('agenda.moveDown')}: ${text(session.title)}`}
                      disabled={index === list.length - 1}
                      onClick={() => void moveSession(session.id, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button small subtle"
                      aria-label={`${t('agenda.edit')}: ${text(session.title)}`}
                      onClick={() => setEditing({ session })}
                    >
                      {t('agenda.edit')}
                    </button>
                    <button
                      type="button"
                      className="button small subtle"
                      aria-label={`${t('agenda.delete')}: ${text(session.title)}`}
                      onClick={() => void deleteSession(session.id)}
                    >
                      {t('agenda.delete')}
                    </button>
                  </div>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <Dialog
        title={editing?.session ? t('sessionForm.editTitle') : t('sessionForm.createTitle')}
        open={editing !== null}
        onClose={() => setEditing(null)}
        wide
      >
        {editing && (
          <SessionForm
            session={editing.session}
            defaultDate={forum.startDate ?? ''}
            forumDays={{ start: forum.startDate, end: forum.endDate }}
            onCancel={() => setEditing(null)}
            onSubmit={async (input, changed) => {
              if (editing.session) {
                if (Object.keys(changed).length) await updateSession(editing.session.id, changed);
              } else await createSession(input);
              setEditing(null);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}
