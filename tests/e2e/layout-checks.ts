import type { Page } from '@playwright/test';

/**
 * Containers made to scroll sideways: a page-sized document preview and wide tables. What is
 * inside them may be wider than the window; the container itself may not.
 */
const SIDEWAYS_SCROLLERS = ['.export-preview', '.table-scroll'];

export interface LayoutProblem {
  kind: 'beyond the window' | 'scrolls sideways' | 'text clipped' | 'text overflows its box';
  element: string;
  text: string;
  detail: string;
}

/**
 * What a reader would see as broken on the page as it is now: an element reaching past the
 * window's right or left edge, a container that scrolls sideways without being made to, and
 * text wider than its box, either cut off or spilling out, unless the box ends it with an
 * ellipsis (or a line clamp) on purpose. Form controls scroll their own text and are left out.
 */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate((scrollers) => {
    const problems: LayoutProblem[] = [];
    const viewport = document.documentElement.clientWidth;
    const allowed = scrollers.join(',');
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls =
        typeof el.className === 'string' && el.className
          ? `.${el.className.trim().split(/\s+/).join('.')}`
          : '';
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    };
    const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
    // The modal layer: while a dialog is open, only it is checked (the page behind is inert).
    const openModal = document.querySelector('dialog[open]');
    for (const el of document.querySelectorAll('body *')) {
      if (!(el instanceof HTMLElement)) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      if (el.closest('.visually-hidden, .tabs-measure, [aria-hidden="true"]')) continue;
      if (openModal && !openModal.contains(el)) continue;
      if (['INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'svg', 'path'].includes(el.tagName)) continue;
      const style = getComputedStyle(el);
      const inScroller = el.parentElement?.closest(allowed);
      const rect = el.getBoundingClientRect();
      if (!inScroller && rect.width > 0 && (rect.right > viewport + 1 || rect.left < -1)) {
        problems.push({
          kind: 'beyond the window',
          element: describe(el),
          text: text(el),
          detail: `${Math.round(rect.left)}–${Math.round(rect.right)} of ${viewport}`,
        });
      }
      if (style.display === 'inline' || el.clientWidth === 0) continue;
      const over = el.scrollWidth - el.clientWidth;
      if (over <= 1) continue;
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
      if (scrolls) {
        if (!el.matches(allowed))
          problems.push({
            kind: 'scrolls sideways',
            element: describe(el),
            text: text(el),
            detail: `${el.scrollWidth} in ${el.clientWidth}`,
          });
        continue;
      }
      if (inScroller) continue;
      const ellipsis = style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none';
      if (ellipsis) continue;
      problems.push({
        kind: style.overflowX === 'visible' ? 'text overflows its box' : 'text clipped',
        element: describe(el),
        text: text(el),
        detail: `${el.scrollWidth} in ${el.clientWidth}`,
      });
    }
    return problems;
  }, SIDEWAYS_SCROLLERS);
}
