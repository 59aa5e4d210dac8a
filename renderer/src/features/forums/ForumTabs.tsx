import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { forumSections } from '../../store/nav-slice';
import type { ForumSection } from '../../store/nav-slice';

/** The tab bar's gap between tabs (0.25rem at 15 px), as in `.tabs` of styles.css. */
const GAP = 3.75;

/**
 * How many sections fit in `available` pixels in order, leaving room for the "More" button
 * when not all do.
 */
export function fittingCount(widths: number[], available: number, moreWidth: number): number {
  const total = widths.reduce((sum, w) => sum + w, 0) + GAP * Math.max(0, widths.length - 1);
  if (total <= available) return widths.length;
  let used = moreWidth;
  let count = 0;
  for (const width of widths) {
    if (used + width + GAP > available) break;
    used += width + GAP;
    count++;
  }
  return count;
}

/** The sections shown as tabs: the first `count`, with the open one always among them. */
export function shownSections(count: number, selected: ForumSection): ForumSection[] {
  const first = forumSections.slice(0, Math.max(1, count));
  if (first.includes(selected)) return first;
  return [...first.slice(0, -1), selected];
}

/**
 * The forum's sections as tabs on one row. Those that do not fit the window go into a "More"
 * menu after the last tab, so every section (Export too) stays one click away; the open one
 * is always a visible tab. The widths come from an invisible copy of the row, measured again
 * whenever the window or the labels (the UI language) change.
 */
export function ForumTabs({
  section,
  onSelect,
}: {
  section: ForumSection;
  onSelect: (section: ForumSection) => void;
}) {
  const { t } = useTranslation('notebook');
  const bar = useRef<HTMLDivElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState<number>(forumSections.length);
  const focusNext = useRef<ForumSection | null>(null);

  useLayoutEffect(() => {
    const row = bar.current;
    const copy = measure.current;
    // No layout to measure (jsdom): every tab stays on the row.
    if (!row || !copy || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const items = [...copy.children].map((el) => el.getBoundingClientRect().width);
      const more = items.pop() ?? 0;
      setCount(fittingCount(items, row.clientWidth, more + GAP));
    };
    const observer = new ResizeObserver(update);
    observer.observe(row);
    observer.observe(copy);
    return () => observer.disconnect();
  }, []);

  // Arrow keys may open a section that was in the menu: it gets the focus once it is a tab.
  useEffect(() => {
    if (focusNext.current !== section) return;
    focusNext.current = null;
    document.getElementById(`tab-${section}`)?.focus();
  }, [section]);

  const shown = shownSections(count, section);
  const hidden = forumSections.filter((name) => !shown.includes(name));

  function onTabKey(event: KeyboardEvent) {
    const index = forumSections.indexOf(section);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next =
      forumSections[(index + step + forumSections.length) % forumSections.length] ?? 'agenda';
    focusNext.current = next;
    onSelect(next);
  }

  return (
    <div className="tabs-bar" ref={bar}>
      <div className="tabs-measure" ref={measure} aria-hidden="true">
        {forumSections.map((name) => (
          <span key={name} className="tab">
            {t(`sections.${name}`)}
          </span>
        ))}
        <span className="tab tab-more">{t('sections.more')} ▾</span>
      </div>
      <div role="tablist" aria-label={t('sections.label')} className="tabs" onKeyDown={onTabKey}>
        {shown.map((name) => (
          <button
            key={name}
            id={`tab-${name}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={section === name}
            aria-controls={`panel-${name}`}
            tabIndex={section === name ? 0 : -1}
            onClick={() => onSelect(name)}
          >
            {t(`sections.${name}`)}
          </button>
        ))}
      </div>
      {hidden.length > 0 && (
        <MenuTrigger>
          <Button className="tab tab-more" aria-label={t('sections.moreLabel')}>
            {t('sections.more')} <span aria-hidden="true">▾</span>
          </Button>
          <Popover className="menu-popover" placement="bottom end">
            <Menu
              className="menu"
              aria-label={t('sections.moreLabel')}
              onAction={(key) => onSelect(key as ForumSection)}
            >
              {hidden.map((name) => (
                <MenuItem key={name} id={name} className="menu-item">
                  {t(`sections.${name}`)}
                </MenuItem>
              ))}
            </Menu>
          </Popover>
        </MenuTrigger>
      )}
    </div>
  );
}
