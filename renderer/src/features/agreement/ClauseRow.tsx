import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clause } from '../../../../electron/common/domain/forum-schema';
import { positionStances } from '../../../../electron/common/domain/vocabulary';
import type { UiLanguage } from '../../../../electron/common/language';
import { useUnsavedMark } from '../../app/use-unsaved-changes';
import { useAppStore } from '../../store/app-store';
import { confirmLeave } from '../../store/unsaved-changes';
import { Autosaver } from '../../store/autosave';
import { ClauseDiff } from './ClauseDiff';
import { ClauseHistoryButton } from './ClauseHistory';
import { memberName } from '../../../../electron/common/domain/team';
import { ConflictNotice } from '../team/ConflictNotice';
import { useLanguageName } from '../../app/use-language-name';

type Stance = (typeof positionStances)[number];

const NO_REASON = { id: '', en: '' };

interface Props {
  clause: Clause;
  authoritative: UiLanguage;
  first: boolean;
  last: boolean;
}

export function ClauseRow({ clause, authoritative, first, last }: Props) {
  const { t } = useTranslation('agreement');
  const languageName = useLanguageName();
  const updateClause = useAppStore((s) => s.updateClause);
  const setPosition = useAppStore((s) => s.setPosition);
  const moveClause = useAppStore((s) => s.moveClause);
  const recordVersion = useAppStore((s) => s.recordClauseVersion);
  const deleteClause = useAppStore((s) => s.deleteClause);
  const stanceId = useId();
  const members = useAppStore((s) => s.profile?.members);
  const conflicts = useAppStore((s) => s.forum?.conflicts);
  const stanceConflicts = (conflicts ?? []).filter(
    (c) => c.kind === 'clause' && c.id === clause.id,
  );
  const positionBy = memberName(clause.position?.changedBy, members ?? []);
  const [editing, setEditing] = useState<{ id: string; en: string } | null>(null);
  // The text the edit started from: sent with it, so words a colleague added meanwhile stay.
  const editBase = useRef<{ id: string; en: string } | null>(null);
  // An edit of the text has an explicit Save: leaving it changed asks first.
  const rowRef = useRef<HTMLLIElement>(null);
  const editChanged =
    editing !== null && (editing.id !== clause.text.id || editing.en !== clause.text.en);
  useUnsavedMark(editChanged, rowRef, JSON.stringify(editing));
  const stored = clause.position?.reason ?? NO_REASON;
  const [reason, setReason] = useState(stored);
  // The reason as the store last had it; adopted when it changes from elsewhere (an undo, a
  // restore) while nothing typed here waits to be sent.
  const [seen, setSeen] = useState(stored);
  const [typing, setTyping] = useState(false);
  if (!typing && (seen.id !== stored.id || seen.en !== stored.en)) {
    setSeen(stored);
    setReason(stored);
  }
  const number = clause.number || t('clauses.preamble');
  const level = clause.number ? clause.number.split('.').length - 1 : 0;
  // The inline changes are against the draft kept on purpose; other versions are in History.
  const version = clause.versions.findLast((v) => !v.kind || v.kind === 'draft');
  const stance = clause.position?.stance ?? null;

  const savePosition = (next: Stance | null, nextReason = reason) =>
    void setPosition(
      clause.id,
      { stance: next, reason: nextReason },
      { reason: sentRef.current ?? seen },
    );

  // The reason saves itself as it is typed, like a note, not only when the field is left.
  const setUnsent = useAppStore((s) => s.setUnsent);
  const setSendError = useAppStore((s) => s.setSendError);
  const stanceRef = useRef(stance);
  useEffect(() => {
    stanceRef.current = stance;
  }, [stance]);
  const saverRef = useRef<Autosaver<{ id: string; en: string }> | null>(null);
  // What the reason being typed was typed on: the stored one when typing began, then the
  // text last sent (the store's answer is taken once the typing stops).
  const seenRef = useRef(seen);
  const sentRef = useRef<{ id: string; en: string } | null>(null);
  useEffect(() => {
    seenRef.current = seen;
  }, [seen]);
  useEffect(() => () => saverRef.current?.dispose(), []);
  const reasonSaver = () =>
    (saverRef.current ??= new Autosaver<{ id: string; en: string }>({
      send: async (next) => {
        const base = sentRef.current ?? seenRef.current;
        sentRef.current = next;
        try {
          await setPosition(
            clause.id,
            { stance: stanceRef.current, reason: next },
            { reason: base },
          );
        } catch (error) {
          sentRef.current = base === seenRef.current ? null : base;
          throw error;
        }
        setSendError(null);
      },
      merge: (_older, newer) => newer,
      onPending: (pending) => {
        setUnsent(`reason:${clause.id}`, pending);
        setTyping(pending);
        if (!pending) sentRef.current = null;
      },
      onError: setSendError,
    }));
  const editReason = (next: { id: string; en: string }) => {
    setTyping(true);
    setReason(next);
    reasonSaver().edit(next);
  };

  return (
    <li ref={rowRef} className={`clause level-${level}`} aria-label={number}>
      <div className="clause-number">{number}</div>
      <div className="clause-body">
        {editing ? (
          <div className="clause-texts">
            {(['id', 'en'] as const).map((side) => (
              <textarea
                key={side}
                lang={side}
                aria-label={`${number} · ${languageName(side, 'start')}`}
                value={editing[side]}
                onChange={(e) => setEditing({ ...editing, [side]: e.target.value })}
              />
            ))}
          </div>
        ) : (
          <div className="clause-texts">
            {(['id', 'en'] as const).map((side) => (
              <p
                key={side}
                lang={side}
                className={side === authoritative ? 'authoritative' : undefined}
              >
                {clause.text[side] || <span className="muted">{t('clauses.missing')}</span>}
              </p>
            ))}
          </div>
        )}
        {version && !editing && (
          <ClauseDiff
            before={version.text[authoritative]}
            after={clause.text[authoritative]}
            label={t('clauses.changes', { label: version.label })}
          />
        )}
        <div className="clause-position">
          <label htmlFor={stanceId}>{t('clauses.position')}</label>
          <select
            id={stanceId}
            aria-label={t('clauses.positionLabel', { number })}
            value={stance ?? ''}
            className={stance ? `stance stance-${stance}` : 'stance'}
            onChange={(e) => savePosition((e.target.value || null) as Stance | null)}
          >
            <option value="">{t('clauses.noPosition')}</option>
            {positionStances.map((s) => (
              <option key={s} value={s}>
                {t(`clauses.stances.${s}`)}
              </option>
            ))}
          </select>
          {stance && (
            <>
              <input
                aria-label={`${t('clauses.reasonId')} · ${number}`}
                lang="id"
                placeholder={t('clauses.reasonId')}
                value={reason.id}
                onChange={(e) => editReason({ ...reason, id: e.target.value })}
                onBlur={() => void reasonSaver().flush()}
              />
              <input
                aria-label={`${t('clauses.reasonEn')} · ${number}`}
                lang="en"
                placeholder={t('clauses.reasonEn')}
                value={reason.en}
                onChange={(e) => editReason({ ...reason, en: e.target.value })}
                onBlur={() => void reasonSaver().flush()}
              />
            </>
          )}
          {positionBy && (
            <span className="changed-by">{t('clauses.changedBy', { name: positionBy })}</span>
          )}
        </div>
        {stanceConflicts.map((conflict) => (
          <ConflictNotice key={conflict.field} conflict={conflict} />
        ))}
        <div className="clause-actions">
          {editing ? (
            <>
              <button
                type="button"
                className="button small primary"
                onClick={async () => {
                  await updateClause(
                    clause.id,
                    { text: editing },
                    editBase.current ? { text: editBase.current } : undefined,
                  );
                  setEditing(null);
                }}
              >
                {t('clauses.save')}
              </button>
              <button
                type="button"
                className="button small"
                onClick={async () => (await confirmLeave(rowRef.current)) && setEditing(null)}
              >
                {t('clauses.cancel')}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="button small subtle"
                onClick={() => {
                  editBase.current = { ...clause.text };
                  setEditing({ ...clause.text });
                }}
              >
                {t('clauses.edit')}
              </button>
              {clause.versions.length > 0 && (
                <ClauseHistoryButton clause={clause} number={number} />
              )}
              {!version && (
                <button
                  type="button"
                  className="button small subtle"
                  onClick={() => void recordVersion(clause.id, 'draft')}
                >
                  {t('clauses.recordDraft')}
                </button>
              )}
              <span className="spacer" />
              <button
                type="button"
                className="button small subtle"
                disabled={first}
                aria-label={t('clauses.moveUp', { number })}
                onClick={() => void moveClause(clause.id, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button small subtle"
                disabled={last}
                aria-label={t('clauses.moveDown', { number })}
                onClick={() => void moveClause(clause.id, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="button small subtle"
                onClick={() => void deleteClause(clause.id)}
              >
                {t('clauses.delete')}
              </button>
            </>
          )}
        </div>
      </div>
    </li>
  );
}
