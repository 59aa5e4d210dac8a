import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CommitmentView,
  ContactSummary,
} from '../../../../electron/common/domain/notebook-views';
import { useBilingual } from '../../app/use-bilingual';
import { useFormat } from '../../app/use-format';
import { useAppStore } from '../../store/app-store';
import { memberName } from '../../../../electron/common/domain/team';
import { ConflictNotice } from '../team/ConflictNotice';

const NO_MEMBERS: never[] = [];

type Grouping = 'due' | 'status' | 'responsible' | 'forum';

interface Props {
  commitments: readonly CommitmentView[];
  contacts: readonly ContactSummary[];
  groupings: Grouping[];
  onEdit: (commitment: CommitmentView) => void;
}

export function CommitmentList({ commitments, contacts, groupings, onEdit }: Props) {
  const { t } = useTranslation('agreement');
  const text = useBilingual();
  const format = useFormat();
  const updateCommitment = useAppStore((s) => s.updateCommitment);
  const deleteCommitment = useAppStore((s) => s.deleteCommitment);
  const members = useAppStore((s) => s.profile?.members ?? NO_MEMBERS);
  const detail = useAppStore((s) => s.forum);
  // The open forum's details carry its conflicts, kept fresh after every merge; a list of
  // all forums' commitments carries each one's own.
  const conflictsOf = (c: CommitmentView) =>
    detail?.forum.id === c.forumId
      ? (detail.conflicts ?? []).filter((x) => x.kind === 'commitment' && x.id === c.id)
      : (c.conflicts ?? []);
  const [grouping, setGrouping] = useState<Grouping>(groupings[0] ?? 'due');

  const groupOf = (c: CommitmentView): string => {
    if (grouping === 'status') return t(`commitments.statuses.${c.status}`);
    if (grouping === 'responsible') return c.responsible.unit || t('commitments.unassigned');
    if (grouping === 'forum') return text(c.forumName);
    // Done or dropped, a due date (past or not) no longer makes it "due".
    if (c.status === 'done' || c.status === 'dropped') return t('commitments.closed');
    if (c.overdue) return t('commitments.overdue');
    if (c.dueSoon) return t('commitments.dueSoon');
    return c.dueDate ? t('commitments.later') : t('commitments.noDate');
  };
  const groups = new Map<string, CommitmentView[]>();
  // By due date the groups come in the order of urgency, whatever the first dates are.
  if (grouping === 'due') {
    for (const key of ['overdue', 'dueSoon', 'later', 'noDate', 'closed'] as const)
      groups.set(t(`commitments.${key}`), []);
  }
  for (const c of commitments) groups.set(groupOf(c), [...(groups.get(groupOf(c)) ?? []), c]);
  for (const [name, list] of groups) if (!list.length) groups.delete(name);

  return (
    <div className="commitments">
      <div className="segmented" role="group" aria-label={t('commitments.group')}>
        {groupings.map((g) => (
          <button
            key={g}
            type="button"
            aria-pressed={grouping === g}
            onClick={() => setGrouping(g)}
          >
            {t(`commitments.groups.${g}`)}
          </button>
        ))}
      </div>
      {[...groups].map(([name, list]) => (
        <section key={name} aria-label={name} className="commitment-group">
          <h3>{name}</h3>
          <ul className="commitment-list">
            {list.map((c) => {
              const done = c.steps.filter((s) => s.done).length;
              return (
                <li key={c.id} className={`commitment card${c.overdue ? ' overdue' : ''}`}>
                  <div className="commitment-head">
                    <span className={`status status-commitment-${c.status}`}>
                      {t(`commitments.statuses.${c.status}`)}
                    </span>
                    {c.dueDate && (
                      <span className={c.overdue ? 'due overdue' : 'due'}>
                        {t('commitments.due', { date: format.date(c.dueDate) })}
                      </span>
                    )}
                    {grouping !== 'forum' && groupings.includes('forum') && (
                      <span className="muted">{text(c.forumName)}</span>
                    )}
                  </div>
                  <p className="commitment-statement">{text(c.statement)}</p>
                  {conflictsOf(c).map((conflict) => (
                    <ConflictNotice key={conflict.field} conflict={conflict} forumId={c.forumId} />
                  ))}
                  {c.changedBy && (
                    <p className="changed-by">
                      {t('commitments.changedBy', {
                        name: memberName(c.changedBy, members),
                        date: format.dateTime(c.changedBy.at),
                      })}
                    </p>
                  )}
                  <dl className="facts small">
                    {c.clauseNumbers.length > 0 && (
                      <>
                        <dt>{t('commitments.clauses')}</dt>
                        <dd>{c.clauseNumbers.join(', ')}</dd>
                      </>
                    )}
                    <dt>{t('commitments.responsible')}</dt>
                    <dd>
                      {[
                        c.responsible.unit,
                        contacts.find((p) => p.id === c.responsible.contactId)?.name,
                      ]
                        .filter(Boolean)
                        .join(' · ') || t('commitments.unassigned')}
                    </dd>
                    {c.evidence && (
                      <>
                        <dt>{t('commitments.evidence')}</dt>
                        <dd>{c.evidence}</dd>
                      </>
                    )}
                  </dl>
                  {c.steps.length > 0 && (
                    <fieldset className="steps compact">
                      <legend>
                        {t('commitments.steps')} ({done}/{c.steps.length})
                      </legend>
                      {c.steps.map((step) => (
                        <label key={step.id} className="checkbox">
                          <input
                            type="checkbox"
                            checked={step.done}
                            onChange={(e) =>
                              void updateCommitment(c.forumId, c.id, {
                                steps: c.steps.map((s) =>
                                  s.id === step.id ? { ...s, done: e.target.checked } : s,
                                ),
                              })
                            }
                          />
                          {text(step.text)}
                        </label>
                      ))}
                    </fieldset>
                  )}
                  <div className="commitment-actions">
                    <button type="button" className="button small subtle" onClick={() => onEdit(c)}>
                      {t('commitments.edit')}
                    </button>
                    <button
                      type="button"
                      className="button small subtle"
                      onClick={() => void deleteCommitment(c.forumId, c.id)}
                    >
                      {t('commitments.delete')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
