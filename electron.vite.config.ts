import optimizeLocales from '@react-aria/optimize-locales-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The main bundle carries Sastrawi's Indonesian root-word dictionary: large by nature.
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        // The CLI and browser mode share the main bundle's Node code, and never load Electron.
        input: {
          main: resolve(root, 'electron/main/main.ts'),
          cli: resolve(root, 'electron/node/cli/main.ts'),
          // The importer's thread: large or hostile files are read off the thread that saves.
          'contacts-worker': resolve(root, 'electron/node/contacts/import-worker.ts'),
          // The thread that loads and holds shared forums' Automerge documents.
          'forum-worker': resolve(root, 'electron/node/sync/forum-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one CommonJS file that requires nothing but `electron`.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve(root, 'electron/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // React Aria (date and time fields) ships strings for 30-odd locales; it has no Indonesian
    // ones and falls back to English, so English is all the bundle needs.
    plugins: [react(), optimizeLocales.vite({ locales: ['en-US'] })],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      // One bundle on purpose (the app is local; the bench keeps it under 300 KB gzipped).
      chunkSizeWarningLimit: 700,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
