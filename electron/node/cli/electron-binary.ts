import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron executable, or null where the npm package is present but its binary was
 * never downloaded (installs here run without scripts, and the download needs GitHub).
 * Only locates the file: nothing of Electron is loaded into this Node process.
 */
export function findElectronBinary(fromUrl: string): string | null {
  try {
    const path: unknown = createRequire(fromUrl)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
