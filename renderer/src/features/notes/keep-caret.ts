import { useCallback, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';

/** How far back the words before the cursor are looked for, when they moved. */
const CONTEXT = 32;

/**
 * Where a cursor at `at` in `before` belongs in `after`: by the same words. One changed
 * stretch (a colleague's sentence merged in) moves it exactly; around several, the words
 * just before the cursor are looked for nearest its old place.
 */
export function keepPlace(before: string, after: string, at: number): number {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix++;
  if (at <= prefix) return at;
  if (at >= before.length - suffix) return at + after.length - before.length;
  const context = before.slice(Math.max(0, at - CONTEXT), at);
  let best = -1;
  for (let i = after.indexOf(context); i !== -1; i = after.indexOf(context, i + 1)) {
    if (best === -1 || Math.abs(i + context.length - at) < Math.abs(best - at))
      best = i + context.length;
  }
  return best === -1 ? after.length - suffix : best;
}

/**
 * A field whose text can change from outside while the delegate types in it (a colleague's
 * words merged in): the browser would put the cursor at the end of the new value; it stays
 * by the words it was at. Returns the handlers that follow the delegate's own typing and
 * cursor moves, and `follow` for the page's own writes into it.
 */
export function useCaretKept(field: RefObject<HTMLTextAreaElement | null>, value: string) {
  const seen = useRef({ value, start: 0, end: 0 });
  useLayoutEffect(() => {
    const element = field.current;
    const last = seen.current;
    if (element && last.value !== value && element === element.ownerDocument.activeElement) {
      element.setSelectionRange(
        keepPlace(last.value, value, last.start),
        keepPlace(last.value, value, last.end),
      );
    }
    seen.current = element ? where(element) : { value, start: 0, end: 0 };
  }, [field, value]);
  /** The delegate typed or moved the cursor, or the page wrote into the field itself. */
  const follow = useCallback((element: HTMLTextAreaElement) => {
    seen.current = where(element);
  }, []);
  const handlers = {
    onSelect: (event: { currentTarget: HTMLTextAreaElement }) => follow(event.currentTarget),
    onInput: (event: { currentTarget: HTMLTextAreaElement }) => follow(event.currentTarget),
  };
  return { handlers, follow };
}

function where(element: HTMLTextAreaElement) {
  return { value: element.value, start: element.selectionStart, end: element.selectionEnd };
}
