import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/app-store';
import type { Overlay, Route } from '../store/nav-slice';
import { Logo } from './Logo';
import { SaveIndicator } from './SaveIndicator';
import { Sidebar } from './Sidebar';

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A narrow window's header: the menu button that opens the sidebar as a drawer, the search,
 * and the save state, which stays in sight whatever is open. The drawer is a modal
 * <dialog>, so the page behind it is inert and Escape closes it; Tab and Shift+Tab wrap
 * inside it rather than leaving for the browser's own toolbar.
 */
export function TopBar() {
  const { t } = useTranslation();
  const { t: tn } = useTranslation('notebook');
  const route = useAppStore((s) => s.route);
  const overlay = useAppStore((s) => s.overlay);
  const openOverlay = useAppStore((s) => s.openOverlay);
  // The drawer belongs to the page and dialog it was opened over: choosing a page, a forum or
  // a dialog in it closes it, with no effect to keep in step.
  const [openedOver, setOpenedOver] = useState<{ route: Route; overlay: Overlay } | null>(null);
  const open = openedOver?.route === route && openedOver.overlay === overlay;
  const drawer = useRef<HTMLDialogElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = drawer.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[aria-current="page"]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function onDrawerKey(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Tab') return;
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>(focusable)].filter(
      (el) => el.offsetParent !== null,
    );
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <header className="topbar">
      <button
        ref={menuButton}
        type="button"
        className="menu-button"
        aria-label={t('shell.openMenu')}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpenedOver({ route, overlay })}
      >
        <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      <span className="topbar-brand">
        <Logo size={24} />
        <span>{t('appName')}</span>
      </span>
      <button type="button" className="search-button" onClick={() => openOverlay('search')}>
        <span>{tn('search.open')}</span>
        <kbd>Ctrl K</kbd>
      </button>
      <SaveIndicator />
      <dialog
        ref={drawer}
        className="drawer"
        aria-label={t('shell.menu')}
        onClose={() => {
          setOpenedOver(null);
          // Back to the menu button, unless a dialog opened from the drawer has the focus now.
          const active = document.activeElement;
          if (!active || active === document.body || drawer.current?.contains(active))
            menuButton.current?.focus();
        }}
        onKeyDown={onDrawerKey}
        // A click on the backdrop lands on the <dialog> itself: it closes the drawer.
        onClick={(event) => {
          if (event.target === event.currentTarget) setOpenedOver(null);
        }}
      >
        {open && (
          <>
            <button
              type="button"
              className="icon-button drawer-close"
              aria-label={t('shell.closeMenu')}
              title={t('shell.closeMenu')}
              onClick={() => setOpenedOver(null)}
            >
              ×
            </button>
            <Sidebar />
          </>
        )}
      </dialog>
    </header>
  );
}
