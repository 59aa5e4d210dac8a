import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteView } from '../../../../electron/common/domain/notebook-views';
import { useAppStore } from '../../store/app-store';
import { HistoryDialog, sideVersionItem } from '../history/HistoryDialog';
import type { HistoryItem } from '../history/HistoryDialog';

/** The note's History button and dialog: earlier versions of each side, restorable. */
export function NoteHistory({ note }: { note: NoteView }) {
  const { t } = useTranslation('notebook');
  const loadHistory = useAppStore((s) => s.noteHistory);
  const flushNote = useAppStore((s) => s.flushNote);
  const restore = useAppStore((s) => s.restoreNoteVersion);
  const [items, setItems] = useState<HistoryItem[] | null>(null);
  const [open, setOpen] = useState(false);

  const load = async () => {
    // What was just typed is compared as it is on disk, not as it was a moment ago.
    await flushNote();
    const versions = await loadHistory(note.id);
    setItems(versions.map(sideVersionItem));
  };

  return (
    <>
      <button
        type="button"
        className="button small"
        aria-haspopup="dialog"
        onClick={async () => {
          setItems(null);
          setOpen(true);
          await load();
        }}
      >
        {t('history.open')}
      </button>
      <HistoryDialog
        title={t('history.title', { what: t('history.note') })}
        open={open}
        items={items}
        current={note.body}
        onClose={() => setOpen(false)}
        onRestore={async (item) => {
          await restore(note.id, item.id);
          await load();
        }}
      />
    </>
  );
}
