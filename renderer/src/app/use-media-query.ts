import { useSyncExternalStore } from 'react';

/**
 * Below this width the sidebar becomes a drawer behind a top bar. CSS uses the same figure
 * (`@media (width < 1000px)` in styles.css): the two must agree, or a window at exactly the
 * edge would show neither or both.
 */
export const NARROW_QUERY = '(width < 1000px)';

// Where there is no layout at all (jsdom in unit tests), nothing matches: the wide layout.
const canMatch = () => typeof window.matchMedia === 'function';

/** Whether a media query matches now, re-rendering when it starts or stops matching. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (!canMatch()) return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => canMatch() && window.matchMedia(query).matches,
  );
}
