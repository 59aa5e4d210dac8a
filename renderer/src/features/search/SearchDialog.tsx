import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { useBilingual } from '../../app/use-bilingual';
import { useAppStore } from '../../store/app-store';

export function SearchDialog() {
  const { t } = useTranslation('notebook');
  const text = useBilingual();
  const open = useAppStore((s) => s.overlay === 'search');
  const openOverlay = useAppStore((s) => s.openOverlay);
  const closeOverlay = useAppStore((s) => s.closeOverlay);
  const query = useAppStore((s) => s.searchQuery);
  const results = useAppStore((s) => s.searchResults);
  const search = useAppStore((s) => s.search);
  const openHit = useAppStore((s) => s.openHit);
  const inputId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) inputRef.current?.select();
  }, [open]);

  const buttons = () => [
    ...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.hit') ?? []),
  ];

  function onKey(event: KeyboardEvent) {
    // A search field would spend the first Escape on clearing itself: close at once instead.
    if (event.key === 'Escape') {
      event.preventDefault();
      openOverlay(null);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Enter') return;
    const all = buttons();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Enter' && document.activeElement === inputRef.current) {
      event.preventDefault();
      all[0]?.click();
      return;
    }
    if (event.key === 'Enter') return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
    if (next < 0) inputRef.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  }

  return (
    <Dialog title={t('search.open')} open={open} onClose={() => closeOverlay('search')} wide>
      <div className="search" onKeyDown={onKey}>
        <label htmlFor={inputId} className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          type="search"
          className="search-input"
          placeholder={t('search.placeholder')}
          value={query}
          autoComplete="off"
          onChange={(e) => void search(e.target.value)}
        />
        <p className="help" aria-live="polite">
          {!query.trim()
            ? t('search.hint')
            : results && results.total === 0
              ? t('search.none', { query })
              : results
                ? t('search.count', { count: results.total })
                : ''}
        </p>
        <div ref={listRef} className="search-results">
          {results?.groups.map((group) => (
            <section key={group.kind} aria-label={t(`search.kinds.${group.kind}`)}>
              <h3>{t(`search.kinds.${group.kind}`)}</h3>
              <ul>
                {group.hits.map((hit) => (
                  <li key={`${hit.kind}:${hit.id}`}>
                    <button type="button" className="hit" onClick={() => void openHit(hit)}>
                      <span className="hit-title">{text(hit.title) || t('notes.untitled')}</span>
                      <span className="hit-snippet">
                        {hit.snippet.map((segment, i) =>
                          segment.hit ? (
                            <mark key={i}>{segment.text}</mark>
                          ) : (
                            <span key={i}>{segment.text}</span>
                          ),
                        )}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => openOverlay(null)}>
            {t('search.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
