import { BrowserWindow, Menu, app } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { UiLanguage } from '../common/language';
import { createNodeTranslator } from '../node/i18n';

const languageNames: Record<UiLanguage, string> = { id: 'Bahasa Indonesia', en: 'English' };

/** The native menu, rebuilt whenever the UI language changes. */
export function buildMenu(
  language: UiLanguage,
  setLanguage: (language: UiLanguage) => void,
  /** Reloads the window after its page has sent what it holds. */
  reload: (window: BrowserWindow) => void,
): void {
  const t = createNodeTranslator(language);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: app.name,
            submenu: [
              { role: 'about' as const, label: t('menu:about') },
              { type: 'separator' as const },
              { role: 'quit' as const, label: t('menu:quit') },
            ],
          },
        ]
      : []),
    {
      label: t('menu:file'),
      submenu: [
        // The page's print stylesheet leaves out the app's chrome; this opens the system dialog.
        {
          label: t('menu:print'),
          accelerator: 'CmdOrCtrl+P',
          click: (_item, window) => {
            if (window instanceof BrowserWindow) window.webContents.print();
          },
        },
        { type: 'separator' },
        isMac ? { role: 'close', label: t('menu:close') } : { role: 'quit', label: t('menu:quit') },
      ],
    },
    {
      label: t('menu:edit'),
      submenu: [
        { role: 'undo', label: t('menu:undo') },
        { role: 'redo', label: t('menu:redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu:cut') },
        { role: 'copy', label: t('menu:copy') },
        { role: 'paste', label: t('menu:paste') },
        { role: 'selectAll', label: t('menu:selectAll') },
      ],
    },
    {
      label: t('menu:view'),
      submenu: [
        {
          label: t('menu:reload'),
          accelerator: 'CmdOrCtrl+R',
          click: (_item, window) => {
            if (window instanceof BrowserWindow) reload(window);
          },
        },
        { type: 'separator' },
        { role: 'zoomIn', label: t('menu:zoomIn') },
        { role: 'zoomOut', label: t('menu:zoomOut') },
        { role: 'resetZoom', label: t('menu:resetZoom') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu:fullscreen') },
        { type: 'separator' },
        {
          label: t('menu:language'),
          submenu: (Object.keys(languageNames) as UiLanguage[]).map((code) => ({
            label: languageNames[code],
            type: 'radio' as const,
            checked: code === language,
            click: () => setLanguage(code),
          })),
        },
      ],
    },
    {
      label: t('menu:window'),
      submenu: [
        { role: 'minimize', label: t('menu:minimize') },
        { role: 'close', label: t('menu:close') },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
