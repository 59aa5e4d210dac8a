import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../electron/common/external-url';
import { languageFromLocale } from '../../../electron/common/language';
import { systemLocale, userDataDir } from '../../../electron/node/paths';

describe('languageFromLocale', () => {
  it.each([
    ['id', 'id'],
    ['id-ID', 'id'],
    ['id_ID', 'id'],
    ['in-ID', 'id'],
    ['en-US', 'en'],
    ['ko-KR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (locale, expected) => {
    expect(languageFromLocale(locale)).toBe(expected);
  });
});

describe('systemLocale', () => {
  it('reads POSIX variables without their encoding', () => {
    expect(systemLocale({ LANG: 'id_ID.UTF-8' })).toBe('id-ID');
    expect(systemLocale({ LC_ALL: 'en_GB.UTF-8', LANG: 'id_ID.UTF-8' })).toBe('en-GB');
  });

  it('falls back to ICU for the C locale', () => {
    expect(systemLocale({ LANG: 'C.UTF-8' })).toBe(Intl.DateTimeFormat().resolvedOptions().locale);
  });
});

describe('userDataDir', () => {
  it('matches the folder Electron uses for the app on each platform', () => {
    expect(userDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Risalah');
    expect(userDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/ana')).toBe('/x/Risalah');
    expect(userDataDir({}, 'darwin', '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Risalah',
    );
    expect(userDataDir({ APPDATA: 'C:\\AppData' }, 'win32', 'C:\\ana')).toMatch(/Risalah$/);
  });
});

describe('isAllowedExternalUrl', () => {
  it('lets only https and mailto links leave the app', () => {
    expect(isAllowedExternalUrl('https://humanrightscity.com/')).toBe(true);
    expect(isAllowedExternalUrl('mailto:sekretariat@lampungtimurkab.go.id')).toBe(true);
    expect(isAllowedExternalUrl('http://example.com/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });
});
