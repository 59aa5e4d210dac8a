import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { clearUnsaved, confirmLeave, markUnsaved } from '../store/unsaved-changes';

const notSaving = { current: false };

/**
 * Registers the element `ref` points at as holding unsaved input while `dirty`; `saving` is
 * true while that input is being sent (what the save then does, e.g. close, asks nothing).
 */
export function useUnsavedMark(
  dirty: boolean,
  ref: RefObject<Element | null>,
  version = '',
  saving: RefObject<boolean> = notSaving,
) {
  const [key] = useState(() => Symbol('unsaved input'));
  useEffect(() => {
    if (!dirty) return;
    markUnsaved(key, { element: () => ref.current, saving: () => saving.current });
    return () => clearUnsaved(key);
    // Registered again at each change: after "discard" the input is forgotten until edited.
  }, [dirty, version, key, ref, saving]);
}

/**
 * For a form with an explicit Save: registers it while its input differs from what was last
 * saved, and gives `leave`, which asks before an action that would drop that input. The
 * baseline is the input of the first render; `saved` makes the current input the new one (a
 * form that stays open after Save).
 */
export function useUnsavedChanges(value: unknown, sending?: RefObject<boolean>) {
  const ref = useRef<HTMLFormElement>(null);
  const current = JSON.stringify(value);
  const [baseline, setBaseline] = useState(current);
  useUnsavedMark(current !== baseline, ref, current, sending);

  const leave = useCallback(async (action: () => void) => {
    if (await confirmLeave(ref.current)) action();
  }, []);
  const saved = useCallback(() => setBaseline(current), [current]);

  return { formRef: ref, leave, saved };
}
