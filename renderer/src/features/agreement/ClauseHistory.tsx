import { useTranslation } from 'react-i18next';
import type { Clause } from '../../../../electron/common/domain/forum-schema';
import type { UiLanguage } from '../../../../electron/common/language';
import { useAppStore } from '../../store/app-store';
import { HistoryDialog } from '../history/HistoryDialog';
import type { HistoryItem } from '../history/HistoryDialog';

/** Versions kept before history said which side changed are about both. */
const BOTH: UiLanguage[] = ['id', 'en'];

const numberOf = (clause: Clause, preamble: string) => clause.number || preamble;

export function ClauseHistoryButton({ clause, number }: { clause: Clause; number: string }) {
  const { t } = useTranslation('agreement');
  const { t: tn } = useTranslation('notebook');
  const open = useAppStore((s) => s.openClauseHistory);
  return (
    <button
      type="button"
      className="button small subtle"
      aria-haspopup="dialog"
      aria-label={t('clauses.history', { number })}
      onClick={() => open(clause.id)}
    >
      {tn('history.openCount', { count: clause.versions.length })}
    </button>
  );
}

/**
 * A clause's one history: draft wordings kept on purpose and texts replaced by a paste, an
 * edit or a restore, and position reasons a merge replaced, newest first, each restorable. Kept beside the clause list rather than
 * in a row, which is drawn afresh whenever its clause changes.
 */
export function ClauseHistoryDialog({ clause }: { clause: Clause | undefined }) {
  const { t } = useTranslation('agreement');
  const { t: tn } = useTranslation('notebook');
  const restore = useAppStore((s) => s.restoreClauseVersion);
  const close = useAppStore((s) => s.openClauseHistory);
  const items: HistoryItem[] = (clause?.versions ?? [])
    .map((v) => ({
      id: v.id ?? v.recordedAt,
      recordedAt: v.recordedAt,
      author: v.author ?? '',
      kind: v.kind ?? 'draft',
      label: v.label,
      sides: v.sides ?? BOTH,
      text: v.text,
      // A position's reason kept from a merge (or a restore of one): compared with the
      // reason as it is now, and put back there.
      ...(v.field === 'reason'
        ? {
            what: t(`clauses.reasonVersion.${v.kind === 'merge' ? 'merge' : 'restore'}`),
            current: clause?.position?.reason ?? { id: '', en: '' },
          }
        : {}),
    }))
    .reverse();
  const number = clause ? numberOf(clause, t('clauses.preamble')) : '';
  return (
    <HistoryDialog
      title={tn('history.title', { what: t('clauses.clause', { number }) })}
      open={clause !== undefined}
      items={items}
      current={clause?.text ?? { id: '', en: '' }}
      onClose={() => close(null)}
      onRestore={(item, side) => (clause ? restore(clause.id, item.id, [side]) : Promise.resolve())}
    />
  );
}
