import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron executable, or null where the npm package is present but its binary was
 * never downloaded (installs here run without scripts, and the download needs GitHub).
 *
 * Reads the package's own `path.txt` as its `index.js` does, but never `require`s it: since
 * Electron 45 that module starts a download when the binary is missing, which offline prints
 * a stack trace and reaches for the network before browser mode can start.
 */
export function findElectronBinary(fromUrl: string): string | null {
  try {
    const packageDir = dirname(createRequire(fromUrl).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const path = override
      ? join(override, relative || 'electron')
      : relative && join(packageDir, 'dist', relative);
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
