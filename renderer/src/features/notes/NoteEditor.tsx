import { noteAuthors } from '../../../../electron/common/domain/team';
import { useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteView } from '../../../../electron/common/domain/notebook-views';
import { PrintButton } from '../../app/PrintButton';
import { useBilingual } from '../../app/use-bilingual';
import { useLanguageName } from '../../app/use-language-name';
import { NONE, useAppStore } from '../../store/app-store';
import { useCaretKept } from './keep-caret';
import { renderMarkdown } from './markdown';
import { NoteHistory } from './NoteHistory';

type Side = 'id' | 'en';

function Preview({ text, label, lang }: { text: string; label: string; lang: Side }) {
  // Rendering Markdown waits for a pause in typing, so keystrokes never wait on it.
  const deferred = useDeferredValue(text);
  return (
    <div
      className="markdown-preview"
      lang={lang}
      role="region"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(deferred) }}
    />
  );
}

function SideEditor({ note, side }: { note: NoteView; side: Side }) {
  const { t } = useTranslation('notebook');
  const editNote = useAppStore((s) => s.editNote);
  const focus = useAppStore((s) => s.noteFocus);
  const takeFocus = useAppStore((s) => s.takeFocus);
  const [preview, setPreview] = useState(false);
  const id = useId();
  const languageName = useLanguageName();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const { handlers: caret, follow } = useCaretKept(textarea, note.body[side]);

  // A new note, or *Write a note*: the cursor goes to the end of this side, and what was
  // typed while the note was being made is put there.
  const wanted = focus?.id === note.id && focus.side === side ? focus.serial : null;
  useEffect(() => {
    const element = textarea.current;
    if (wanted === null || !element) return;
    const typed = takeFocus();
    if (typed) {
      // Into the field at once, so the next key lands after it; the store follows.
      element.value += typed;
      editNote({ body: { [side]: element.value } });
    }
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
    follow(element);
  }, [wanted, side, takeFocus, editNote, follow]);
  const other: Side = side === 'id' ? 'en' : 'id';
  const language = languageName(side, 'start');
  const missing = note.translation === `missing-${side}`;
  const outdated = note.translation === `outdated-${side}`;
  return (
    // Only the text carries its language: the side's label and buttons are in the UI language.
    <div className={`side side-${side}`}>
      <div className="side-head">
        <label htmlFor={id} className="side-label">
          {language}
        </label>
        {(missing || outdated) && (
          <span className={`status status-${note.translation}`}>
            {t(`notes.status.${note.translation}`)}
          </span>
        )}
        {note.bodyAuthors?.[side]?.name && (
          <span className="side-author">
            {t('editor.sideBy', { name: note.bodyAuthors[side]?.name })}
          </span>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="button small subtle"
          aria-pressed={preview}
          onClick={() => setPreview(!preview)}
        >
          {t('editor.preview')}
        </button>
      </div>
      <textarea
        ref={textarea}
        id={id}
        className={preview ? 'note-text with-preview' : 'note-text'}
        lang={side}
        value={note.body[side]}
        placeholder={t(side === 'id' ? 'editor.placeholderId' : 'editor.placeholderEn')}
        spellCheck
        onChange={(e) => editNote({ body: { [side]: e.target.value } })}
        {...caret}
      />
      {/* Live: the rendered note follows the typing underneath it. */}
      {preview && (
        <Preview
          text={note.body[side]}
          lang={side}
          label={t('editor.previewOf', { language: languageName(side) })}
        />
      )}
      {!note.body[side].trim() && note.body[other].trim() && (
        <button
          type="button"
          className="button small"
          onClick={() => editNote({ body: { [side]: note.body[other] } })}
        >
          {t('editor.copyHere')}
        </button>
      )}
    </div>
  );
}

/**
 * The note as it goes on paper: both languages in full, rendered from their Markdown, under
 * the session's title. Hidden on screen; the print stylesheet shows it in the editor's place.
 */
function NotePrint({ note, session }: { note: NoteView; session: string }) {
  const { t } = useTranslation('notebook');
  // Rendered after a pause in typing, like the preview: keystrokes never wait on it.
  const body = useDeferredValue(note.body);
  return (
    <article className="print-only note-print">
      {session && <h2 className="note-print-session">{session}</h2>}
      {(['id', 'en'] as const)
        .filter((side) => body[side].trim())
        .map((side) => (
          <section key={side} lang={side} className="note-print-side">
            <h3>{t(`editor.${side}`)}</h3>
            <div dangerouslySetInnerHTML={{ __html: renderMarkdown(body[side]) }} />
          </section>
        ))}
    </article>
  );
}

export function NoteEditor() {
  const { t } = useTranslation('notebook');
  const text = useBilingual();
  const note = useAppStore((s) => s.editing);
  const switching = useAppStore((s) => s.switchingNote);
  const sessions = useAppStore((s) => s.forum?.sessions ?? NONE);
  const editNote = useAppStore((s) => s.editNote);
  const deleteNote = useAppStore((s) => s.deleteNote);
  const sessionId = useId();
  const tagsId = useId();
  const [tagsDraft, setTagsDraft] = useState<{ noteId: string; text: string } | null>(null);
  // Between two notes nothing shows (the next one is a moment away): not the hint to pick one.
  if (!note) return switching ? null : <p className="empty-state">{t('notes.choose')}</p>;
  const tagsText = tagsDraft?.noteId === note.id ? tagsDraft.text : note.tags.join(', ');
  const outdated = note.translation.startsWith('outdated');

  return (
    <section className="note-editor" aria-label={t('editor.label')}>
      <div className="editor-toolbar">
        <div className="field inline">
          <label htmlFor={sessionId}>{t('editor.session')}</label>
          <select
            id={sessionId}
            value={note.sessionId ?? ''}
            onChange={(e) => editNote({ sessionId: e.target.value || null })}
          >
            <option value="">{t('editor.noSession')}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {text(s.title)}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline grow">
          <label htmlFor={tagsId}>{t('editor.tags')}</label>
          <input
            id={tagsId}
            value={tagsText}
            title={t('editor.tagsHelp')}
            onChange={(e) => {
              setTagsDraft({ noteId: note.id, text: e.target.value });
              editNote({
                tags: e.target.value
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              });
            }}
          />
        </div>
        <button
          type="button"
          className="button small"
          aria-pressed={note.pinned}
          onClick={() => editNote({ pinned: !note.pinned })}
        >
          {note.pinned ? t('editor.unpin') : t('editor.pin')}
        </button>
        {outdated && (
          <button
            type="button"
            className="button small"
            onClick={() => editNote({ markTranslated: true })}
          >
            {t('editor.markTranslated')}
          </button>
        )}
        <NoteHistory note={note} />
        <PrintButton what="note" />
        <button
          type="button"
          className="button small subtle"
          onClick={() => void deleteNote(note.id)}
        >
          {t('editor.delete')}
        </button>
      </div>
      {note.keptFromTrash && (
        <div className="conflict-notice" role="status">
          <p>
            {t(
              note.keptFromTrash.purged
                ? note.keptFromTrash.both
                  ? 'editor.keptFromPurgeBoth'
                  : 'editor.keptFromPurge'
                : note.keptFromTrash.by
                  ? 'editor.keptFromTrashBy'
                  : 'editor.keptFromTrash',
              { name: note.keptFromTrash.by || t('conflicts.someone') },
            )}
          </p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button small"
              onClick={() => editNote({ dismissKept: true })}
            >
              {t('editor.keepNote')}
            </button>
            <button
              type="button"
              className="button small subtle"
              onClick={() => void deleteNote(note.id)}
            >
              {t('editor.delete')}
            </button>
          </div>
        </div>
      )}
      {noteAuthors(note).length > 0 && (
        <p className="note-authors">
          {t('editor.authors', { names: noteAuthors(note).join(', ') })}
        </p>
      )}
      <div className="sides">
        <SideEditor note={note} side="id" />
        <SideEditor note={note} side="en" />
      </div>
      <NotePrint note={note} session={text(sessions.find((s) => s.id === note.sessionId)?.title)} />
    </section>
  );
}
