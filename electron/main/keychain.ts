import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import { keychainKeeper } from '../node/security/key-keeper';
import type { KeyKeeper } from '../node/security/key-keeper';

/** The operating system's keychain through `safeStorage`; call after `app` is ready. */
export function createKeychain(): KeyKeeper {
  return keychainKeeper(
    {
      name: () =>
        process.platform === 'darwin'
          ? 'keychain'
          : process.platform === 'win32'
            ? 'dpapi'
            : safeStorage.getSelectedStorageBackend(),
      isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
      encryptString: (text) => safeStorage.encryptString(text),
      decryptString: (sealed) => safeStorage.decryptString(sealed),
    },
    join(app.getPath('userData'), 'keys'),
  );
}
