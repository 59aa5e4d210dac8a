import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/app-store';

/** Long enough to read and reach with the keyboard; it stays while hovered or focused. */
const SHOWN_MS = 10_000;

/**
 * The toast after a delete, a merge, a paste or a restore: a live status message with *Undo*
 * (Ctrl+Z or ⌘Z while it shows, outside text fields, which keep their own undo).
 */
export function UndoToast() {
  const { t } = useTranslation('notebook');
  const toast = useAppStore((s) => s.toast);
  const dismiss = useAppStore((s) => s.dismissToast);
  const undo = useAppStore((s) => s.undoToast);
  const [held, setHeld] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!toast || held || toast.message.sticky) return;
    const timer = setTimeout(dismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [toast, held, dismiss]);

  useEffect(() => {
    if (!toast?.undo) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey)
        return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      void undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toast, undo]);

  if (!toast) return null;
  return (
    <div
      ref={ref}
      key={toast.serial}
      className="toast-region"
      role="status"
      aria-live="polite"
      aria-label={t('toast.label')}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!ref.current?.contains(event.relatedTarget as Node | null)) setHeld(false);
      }}
    >
      <div className="toast">
        <span className="toast-message">
          {t(`toast.${toast.message.key}`, toast.message.params ?? {})}
        </span>
        {toast.undo && (
          <button
            type="button"
            className="button small toast-undo"
            aria-keyshortcuts="Control+Z"
            onClick={() => void undo()}
          >
            {t('toast.undo')}
          </button>
        )}
        <button
          type="button"
          className="button small subtle"
          aria-label={t('toast.close')}
          onClick={dismiss}
        >
          ✕
        </button>
      </div>
    </div>
  );
}
