import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { useAppStore } from '../../store/app-store';

const shortcuts = [
  { keys: ['Ctrl', 'K'], alt: ['Ctrl', 'F'], what: 'search' },
  { keys: ['Ctrl', 'N'], alt: ['Alt', 'N'], what: 'newNote' },
  { keys: ['Alt', '1…7'], what: 'sections' },
  { keys: ['F1'], alt: ['Ctrl', '/'], what: 'help' },
  { keys: ['Esc'], what: 'close' },
] as const;

export function ShortcutsDialog() {
  const { t } = useTranslation('notebook');
  const open = useAppStore((s) => s.overlay === 'shortcuts');
  const openOverlay = useAppStore((s) => s.openOverlay);
  const closeOverlay = useAppStore((s) => s.closeOverlay);
  const inBrowser = useAppStore((s) => s.info?.transport === 'browser');
  const isMac = navigator.platform.toLowerCase().includes('mac');
  const key = (k: string) => (isMac && k === 'Ctrl' ? '⌘' : k);
  return (
    <Dialog title={t('shortcuts.title')} open={open} onClose={() => closeOverlay('shortcuts')}>
      <dl className="shortcuts">
        {shortcuts.map((s) => (
          <div key={s.what} className="shortcut">
            <dt>
              {s.keys.map((k) => (
                <kbd key={k}>{key(k)}</kbd>
              ))}
              {'alt' in s && (
                <>
                  {' / '}
                  {s.alt.map((k) => (
                    <kbd key={k}>{key(k)}</kbd>
                  ))}
                </>
              )}
            </dt>
            <dd>{t(`shortcuts.${s.what}`)}</dd>
          </div>
        ))}
      </dl>
      {/* The browser keeps Ctrl+N (a new window) for itself; the page never sees it. */}
      {inBrowser && <p className="help">{t('shortcuts.browserMode')}</p>}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => openOverlay(null)}>
          {t('shortcuts.closeButton')}
        </button>
      </div>
    </Dialog>
  );
}
