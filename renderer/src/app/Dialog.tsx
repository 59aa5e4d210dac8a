import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { confirmLeave, hasUnsaved } from '../store/unsaved-changes';

interface DialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** False for a dialog that must be answered: Escape then does not close it. */
  dismissible?: boolean;
}

/**
 * A modal on the native <dialog>: focus moves in and is trapped by the browser, Escape
 * closes it (after asking, when a form inside holds unsaved input), and focus returns to
 * where it was.
 */
export function Dialog({ title, open, onClose, children, wide, dismissible = true }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        const dialog = event.currentTarget;
        if (!dismissible) event.preventDefault();
        else if (hasUnsaved(dialog)) {
          event.preventDefault();
          void confirmLeave(dialog).then((leave) => leave && dialog.close());
        }
      }}
    >
      {open && (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
        </>
      )}
    </dialog>
  );
}
