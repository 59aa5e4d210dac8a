import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keychainKeeper } from '../../../electron/node/security/key-keeper';
import type { KeychainBackend } from '../../../electron/node/security/key-keeper';
import { withTempDir } from '../../support/temp-dir';

/** A keychain that seals with a fixed XOR, enough to tell sealed bytes from the key. */
function backend(name: string, refuses = false): KeychainBackend {
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
  return {
    name: () => name,
    isEncryptionAvailable: () => true,
    encryptString: (text) => xor(Buffer.from(text)),
    decryptString: (sealed) => {
      if (refuses) throw new Error('keyring locked');
      return xor(sealed).toString();
    },
  };
}

describe('the keychain keeper', () => {
  it('keeps a workspace key sealed by the keychain, outside the workspace, and forgets it', async () => {
    await withTempDir(async (dir) => {
      const keys = join(dir, 'user-data', 'keys');
      const keeper = keychainKeeper(backend('gnome_libsecret'), keys);
      const key = Buffer.alloc(32, 7);
      expect(keeper.status()).toEqual({ available: true, backend: 'gnome_libsecret' });
      expect(await keeper.has('/ws/a')).toBe(false);
      await keeper.save('/ws/a', key);
      expect(await keeper.has('/ws/a')).toBe(true);
      expect(await keeper.has('/ws/b')).toBe(false);
      const [file] = await readdir(keys);
      const stored = await readFile(join(keys, file ?? ''));
      expect(stored.includes(Buffer.from(key.toString('base64')))).toBe(false);
      expect((await keeper.load('/ws/a'))?.equals(key)).toBe(true);
      await keeper.forget('/ws/a');
      expect(await keeper.load('/ws/a')).toBeNull();
    });
  });

  it('is not offered on the basic_text fallback, and a refusing keychain means "ask"', async () => {
    await withTempDir(async (dir) => {
      const basic = keychainKeeper(backend('basic_text'), dir);
      expect(basic.status()).toEqual({ available: false, backend: 'basic_text' });
      await expect(basic.save('/ws/a', Buffer.alloc(32))).rejects.toMatchObject({
        code: 'keychain-unavailable',
        params: { backend: 'basic_text' },
      });
      await keychainKeeper(backend('kwallet5'), dir).save('/ws/a', Buffer.alloc(32, 1));
      expect(await keychainKeeper(backend('kwallet5', true), dir).load('/ws/a')).toBeNull();
    });
  });
});
