import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/app-store';
import { NoteEditor } from './NoteEditor';
import { NoteList } from './NoteList';

export function NotesView() {
  const { t } = useTranslation('notebook');
  const createNote = useAppStore((s) => s.createNote);
  return (
    <div className="notes-view">
      <div className="notes-side">
        <button type="button" className="button primary" onClick={() => void createNote(null)}>
          {t('notes.new')}
        </button>
        <NoteList />
      </div>
      <NoteEditor />
    </div>
  );
}
