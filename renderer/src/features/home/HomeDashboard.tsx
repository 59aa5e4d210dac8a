import { useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../electron/common/domain/forum-schema';
import { formatLocation, goToLocation } from '../../app/routes';
import { useBilingual } from '../../app/use-bilingual';
import { useFormat } from '../../app/use-format';
import { AppStoreContext, useAppStore } from '../../store/app-store';
import type { ForumSection } from '../../store/nav-slice';
import type { HomeNote } from '../../store/home-slice';

/** The wall-clock date and time now in a forum's zone, as sessions store theirs. */
function zoneNow(timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date());
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
    return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
  } catch {
    return new Date().toISOString().slice(0, 16);
  }
}

/**
 * Home once the workspace has data: the current forum's sessions today and next, the
 * commitments overdue or due soon, notes still to translate and the latest notes; each item
 * opens where it lives.
 */
export function HomeDashboard() {
  const { t } = useTranslation('notebook');
  const { t: ta } = useTranslation('agreement');
  const text = useBilingual();
  const format = useFormat();
  const store = useContext(AppStoreContext);
  const dashboard = useAppStore((s) => s.dashboard);
  const loadDashboard = useAppStore((s) => s.loadDashboard);
  const forums = useAppStore((s) => s.forums);

  useEffect(() => {
    void loadDashboard();
  }, [loadDashboard]);

  if (!dashboard || !store) return null;
  const go = (forumId: string, section: ForumSection, noteId: string | null = null) =>
    void goToLocation(
      store,
      formatLocation({ route: { name: 'forum', forumId, section }, noteId }),
    );
  const forumName = (id: string) => {
    const forum = forums.find((f) => f.id === id);
    return forum ? forum.acronym || text(forum.name) : '';
  };
  const noteTitle = (note: HomeNote) =>
    text(note.preview)
      .split('\n')[0]
      ?.replace(/^#+\s*/, '') || t('notes.untitled');

  const { current, commitments, toTranslate, recent } = dashboard;
  const now = current ? zoneNow(current.forum.timeZone) : '';
  const today = now.slice(0, 10);
  const dated = (current?.sessions ?? []).filter((s): s is Session & { start: string } =>
    Boolean(s.start),
  );
  const todays = dated.filter((s) => s.start.slice(0, 10) === today);
  const next = dated
    .filter((s) => s.start.slice(0, 10) > today)
    .sort((a, b) => a.start.localeCompare(b.start))
    .slice(0, 3);

  const sessionItem = (s: Session & { start: string }, withDay: boolean) => (
    <li key={s.id}>
      <button
        type="button"
        className="dashboard-item"
        onClick={() => current && go(current.forum.id, 'agenda')}
      >
        <span className="dashboard-item-title">{text(s.title)}</span>
        <span className="dashboard-item-meta">
          {[
            withDay ? format.dayHeading(s.start.slice(0, 10)) : '',
            `${format.wallTime(s.start)}${s.end ? `–${format.wallTime(s.end)}` : ''}`,
            s.room,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </button>
    </li>
  );

  const noteItem = (note: HomeNote, status: boolean) => (
    <li key={note.id}>
      <button
        type="button"
        className="dashboard-item"
        onClick={() => go(note.forumId, 'notes', note.id)}
      >
        <span className="dashboard-item-title">{noteTitle(note)}</span>
        <span className="dashboard-item-meta">
          {[
            forumName(note.forumId),
            status ? t(`notes.status.${note.translation}`) : format.dateTime(note.updatedAt),
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </button>
    </li>
  );

  return (
    <div className="dashboard">
      <section className="card dashboard-card" aria-labelledby="dash-sessions">
        <h2 id="dash-sessions">
          {current
            ? t('dashboard.sessionsAt', {
                forum: current.forum.acronym || text(current.forum.name),
              })
            : t('dashboard.sessions')}
        </h2>
        {todays.length > 0 && (
          <>
            <h3>{t('dashboard.today', { date: format.dayHeading(today) })}</h3>
            <ul className="dashboard-list">{todays.map((s) => sessionItem(s, false))}</ul>
          </>
        )}
        {next.length > 0 && (
          <>
            <h3>{t('dashboard.next')}</h3>
            <ul className="dashboard-list">{next.map((s) => sessionItem(s, true))}</ul>
          </>
        )}
        {todays.length === 0 && next.length === 0 && (
          <p className="empty-state">{t('dashboard.noSessions')}</p>
        )}
        {current && (
          <button
            type="button"
            className="button small"
            onClick={() => go(current.forum.id, 'agenda')}
          >
            {t('dashboard.openAgenda')}
          </button>
        )}
      </section>

      <section className="card dashboard-card" aria-labelledby="dash-commitments">
        <h2 id="dash-commitments">{t('dashboard.commitments')}</h2>
        {commitments.length === 0 ? (
          <p className="empty-state">{t('dashboard.noCommitments')}</p>
        ) : (
          <ul className="dashboard-list">
            {commitments.slice(0, 6).map((c) => (
              <li key={`${c.forumId}/${c.id}`}>
                <button
                  type="button"
                  className={c.overdue ? 'dashboard-item overdue' : 'dashboard-item'}
                  onClick={() => go(c.forumId, 'commitments')}
                >
                  <span className="dashboard-item-title">{text(c.statement)}</span>
                  <span className="dashboard-item-meta">
                    <span className={c.overdue ? 'due overdue' : 'due'}>
                      {c.overdue ? ta('commitments.overdue') : ta('commitments.dueSoon')}
                    </span>
                    {' · '}
                    {c.dueDate && ta('commitments.due', { date: format.date(c.dueDate) })}
                    {' · '}
                    {forumName(c.forumId) || text(c.forumName)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card dashboard-card" aria-labelledby="dash-translate">
        <h2 id="dash-translate">{t('dashboard.toTranslate')}</h2>
        {toTranslate.length === 0 ? (
          <p className="empty-state">{t('dashboard.noneToTranslate')}</p>
        ) : (
          <ul className="dashboard-list">{toTranslate.map((n) => noteItem(n, true))}</ul>
        )}
      </section>

      <section className="card dashboard-card" aria-labelledby="dash-recent">
        <h2 id="dash-recent">{t('dashboard.recent')}</h2>
        {recent.length === 0 ? (
          <p className="empty-state">{t('dashboard.noRecent')}</p>
        ) : (
          <ul className="dashboard-list">{recent.map((n) => noteItem(n, false))}</ul>
        )}
      </section>
    </div>
  );
}
