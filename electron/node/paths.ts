import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Risalah';

/**
 * The folder Electron reports as `app.getPath('userData')` for this app, computed without
 * Electron so that the CLI and the desktop app agree on where the workspace lives.
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}

export function defaultWorkspaceDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  return env.RISALAH_WORKSPACE || join(userDataDir(env, platform, home), 'workspace');
}

/** The OS locale as a host process sees it: POSIX variables first, then ICU's default. */
export function systemLocale(env: NodeJS.ProcessEnv = process.env): string {
  const posix = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').split(/[.@]/)[0] ?? '';
  if (posix && posix !== 'C' && posix !== 'POSIX') return posix.replace('_', '-');
  return Intl.DateTimeFormat().resolvedOptions().locale;
}
