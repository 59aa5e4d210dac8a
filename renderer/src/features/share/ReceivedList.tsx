import { useTranslation } from 'react-i18next';
import type { ShareReceived } from '../../../../electron/common/domain/share-views';
import { useFormat } from '../../app/use-format';

/**
 * What a *Receive* brought in: new notes and who wrote them, changed notes, clauses and
 * commitments. The texts are the delegates' own, so they are marked as user content.
 */
export function ReceivedList({
  received,
  forumName,
  onOpen,
}: {
  received: ShareReceived;
  forumName: string;
  onOpen?: () => void;
}) {
  const { t } = useTranslation('share');
  const format = useFormat();
  const { summary } = received;
  return (
    <section className="share-received" aria-labelledby="share-received-title">
      <h3 id="share-received-title">{t('received.title')}</h3>
      <p>
        {t(received.added ? 'received.fromNew' : 'received.from', {
          forum: forumName,
          sender: received.sentBy || t('received.unknownAuthor'),
          date: format.dateTime(received.sentAt),
        })}
      </p>
      {!summary.changed && <p className="help">{t('received.nothing')}</p>}
      <NoteList notes={summary.notesAdded} heading="notesAdded" />
      <NoteList notes={summary.notesChanged} heading="notesChanged" />
      {summary.clausesChanged.length > 0 && (
        <>
          <h4>{t('received.clausesChanged', { count: summary.clausesChanged.length })}</h4>
          <ul className="received-list">
            {summary.clausesChanged.map((clause) => (
              <li key={clause.id}>{t('received.clause', { number: clause.number })}</li>
            ))}
          </ul>
        </>
      )}
      {summary.commitmentsChanged.length > 0 && (
        <>
          <h4>{t('received.commitmentsChanged', { count: summary.commitmentsChanged.length })}</h4>
          <ul className="received-list">
            {summary.commitmentsChanged.map((commitment) => (
              <li key={commitment.id} data-user-content>
                {commitment.statement}
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.sessionsChanged > 0 && (
        <p>{t('received.sessionsChanged', { count: summary.sessionsChanged })}</p>
      )}
      {onOpen && (
        <button type="button" className="button" onClick={onOpen}>
          {t('received.open', { forum: forumName })}
        </button>
      )}
    </section>
  );
}

/** New or changed notes, each with who wrote it and its first words. */
function NoteList({
  notes,
  heading,
}: {
  notes: ShareReceived['summary']['notesAdded'];
  heading: 'notesAdded' | 'notesChanged';
}) {
  const { t } = useTranslation('share');
  if (notes.length === 0) return null;
  return (
    <>
      <h4>{t(`received.${heading}`, { count: notes.length })}</h4>
      <ul className="received-list" aria-label={t(`received.${heading}Label`)}>
        {notes.map((note) => (
          <li key={note.id}>
            <span className="received-author" data-user-content>
              {note.author || t('received.unknownAuthor')}
            </span>
            <span className="received-preview" data-user-content>
              {note.preview || t('received.emptyNote')}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
