/**
 * Forms with an explicit Save (forum, session, contact, commitment, clause document, a
 * clause's text) hold what was typed until Save. Leaving one with changed input (Cancel,
 * Escape, another page, another contact, a reload) must not drop it silently: the user is
 * asked whether to discard it, and "keep editing" is the default. Autosaving fields (notes,
 * report details, profile) never register here: they have nothing to lose.
 */

/** A form with unsaved input: where it sits, so a dialog asks only for its own. */
interface Unsaved {
  element(): Element | null;
  /** Being saved right now: what follows the save (closing, opening the new record) is no loss. */
  saving(): boolean;
}
const unsaved = new Map<symbol, Unsaved>();

interface Question {
  resolve(discard: boolean): void;
}
let question: Question | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

export function markUnsaved(key: symbol, form: Unsaved): void {
  unsaved.set(key, form);
}

export function clearUnsaved(key: symbol): void {
  unsaved.delete(key);
}

/** Keys of the forms with unsaved input inside `scope` (anywhere when there is none). */
function unsavedWithin(scope?: Element | null): symbol[] {
  return [...unsaved]
    .filter(([, form]) => {
      if (form.saving()) return false;
      if (!scope) return true;
      const at = form.element();
      return at !== null && scope.contains(at);
    })
    .map(([key]) => key);
}

export function hasUnsaved(scope?: Element | null): boolean {
  return unsavedWithin(scope).length > 0;
}

/**
 * True when leaving may go on: nothing unsaved inside `scope`, or the user chose to discard
 * it (the forms are then forgotten, so a second question does not follow the first).
 */
export async function confirmLeave(scope?: Element | null): Promise<boolean> {
  const keys = unsavedWithin(scope);
  if (keys.length === 0) return true;
  // One question at a time: a second leave while asking is the same answer.
  if (question) return false;
  const discard = await new Promise<boolean>((resolve) => {
    question = { resolve };
    notify();
  });
  question = null;
  notify();
  if (discard) keys.forEach((key) => unsaved.delete(key));
  return discard;
}

/** The dialog's side: whether a question is open, and the answer. */
export const discardQuestion = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  isOpen: (): boolean => question !== null,
  answer(discard: boolean): void {
    question?.resolve(discard);
  },
};

/**
 * A reload, a closed tab or a closed window with unsaved input: the browser's own question
 * (in the desktop app the main process turns it into a dialog of its own).
 */
export function warnBeforeUnload(win: Window = window): void {
  win.addEventListener('beforeunload', (event) => {
    if (!hasUnsaved()) return;
    event.preventDefault();
    // Older engines ask only when a return value is set.
    event.returnValue = '';
  });
}
