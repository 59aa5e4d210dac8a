import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clause } from '../../../../electron/common/domain/forum-schema';
import type { UiLanguage } from '../../../../electron/common/language';
import { useAppStore } from '../../store/app-store';
import { HistoryDialog } from '../history/HistoryDialog';
import type { HistoryItem } from '../history/HistoryDialog';

/** Versions kept before history said which side changed are about both. */
const BOTH: UiLanguage[] = ['id', 'en'];

/**
 * A clause's one history: draft wordings kept on purpose and texts replaced by a paste, an
 * edit or a restore, newest first, each restorable.
 */
export function ClauseHistory({ clause, number }: { clause: Clause; number: string }) {
  const { t } = useTranslation('agreement');
  const { t: tn } = useTranslation('notebook');
  const restore = useAppStore((s) => s.restoreClauseVersion);
  const [open, setOpen] = useState(false);
  const items: HistoryItem[] = clause.versions
    .map((v) => ({
      id: v.id ?? v.recordedAt,
      recordedAt: v.recordedAt,
      author: v.author ?? '',
      kind: v.kind ?? 'draft',
      label: v.label,
      sides: v.sides ?? BOTH,
      text: v.text,
    }))
    .reverse();
  return (
    <>
      <button
        type="button"
        className="button small subtle"
        aria-haspopup="dialog"
        aria-label={t('clauses.history', { number })}
        onClick={() => setOpen(true)}
      >
        {tn('history.openCount', { count: clause.versions.length })}
      </button>
      <HistoryDialog
        title={tn('history.title', { what: t('clauses.clause', { number }) })}
        open={open}
        items={items}
        current={clause.text}
        onClose={() => setOpen(false)}
        onRestore={(item, side) => restore(clause.id, item.id, [side])}
      />
    </>
  );
}
