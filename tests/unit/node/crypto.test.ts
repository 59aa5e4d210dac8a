import { describe, expect, it } from 'vitest';
import {
  changePassphrase,
  createKeyFile,
  decryptDocument,
  DEFAULT_SCRYPT,
  encryptDocument,
  isEncrypted,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from '../../../electron/node/store/crypto';
import { encodeDocument } from '../../../electron/node/store/document-codec';

// Light parameters keep the suite fast; the default's cost is measured once below.
const FAST = { N: 2 ** 12, r: 8, p: 1 };
const note = encodeDocument({ notes: [{ body: { id: 'Nama pembela: Siti Rahayu', en: '' } }] });

describe('workspace encryption', () => {
  it('round-trips a document under the data key, with nothing of the plaintext left in the bytes', async () => {
    const { dataKey } = await createKeyFile('kata sandi panjang', FAST);
    const sealed = encryptDocument(note, dataKey, 'forums/a.json');
    expect(isEncrypted(sealed)).toBe(true);
    expect(sealed.includes(Buffer.from('Siti Rahayu'))).toBe(false);
    expect(decryptDocument(sealed, dataKey, 'forums/a.json')).toEqual(note);
    // A fresh nonce for every write.
    expect(encryptDocument(note, dataKey, 'forums/a.json').equals(sealed)).toBe(false);
  });

  it('refuses a wrong passphrase with a clear code, and unlocks with the right one', async () => {
    const { keyFile, dataKey } = await createKeyFile('kata sandi panjang', FAST);
    await expect(unlockWithPassphrase(keyFile, 'salah')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    expect((await unlockWithPassphrase(keyFile, 'kata sandi panjang')).equals(dataKey)).toBe(true);
  });

  it('detects a tampered byte, a truncated file and a document moved under another name', async () => {
    const { dataKey } = await createKeyFile('p', FAST);
    const sealed = encryptDocument(note, dataKey, 'workspace.json');
    const flipped = Buffer.from(sealed);
    flipped[sealed.length - 5] = (flipped[sealed.length - 5] ?? 0) ^ 1;
    expect(() => decryptDocument(flipped, dataKey, 'workspace.json')).toThrow(/authentication/);
    expect(() => decryptDocument(sealed.subarray(0, 30), dataKey, 'workspace.json')).toThrow();
    expect(() => decryptDocument(sealed, dataKey, 'forums/other.json')).toThrow(/authentication/);
  });

  it('changes the passphrase by re-wrapping the same data key', async () => {
    const { keyFile, dataKey } = await createKeyFile('lama', FAST);
    const sealed = encryptDocument(note, dataKey, 'workspace.json');
    const changed = await changePassphrase(keyFile, dataKey, 'baru');
    await expect(unlockWithPassphrase(changed, 'lama')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    const key = await unlockWithPassphrase(changed, 'baru');
    expect(decryptDocument(sealed, key, 'workspace.json')).toEqual(note);
    expect(changed.recovery).toEqual(keyFile.recovery);
  });

  it('unlocks with the recovery key alone, typed in any case and with or without dashes', async () => {
    const { keyFile, dataKey, recoveryKey } = await createKeyFile('p', FAST);
    expect(recoveryKey).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    expect(
      unlockWithRecoveryKey(keyFile, recoveryKey.toLowerCase().replace(/-/g, ' ')).equals(dataKey),
    ).toBe(true);
    expect(() => unlockWithRecoveryKey(keyFile, 'AAAA-BBBB')).toThrow(
      expect.objectContaining({ code: 'wrong-passphrase' }),
    );
  });

  it('keeps its scrypt parameters with the key, at N = 2^17 by default', async () => {
    const { keyFile } = await createKeyFile('p');
    expect(keyFile.kdf).toMatchObject({ name: 'scrypt', ...DEFAULT_SCRYPT });
    expect(DEFAULT_SCRYPT.N).toBe(2 ** 17);
    await expect(unlockWithPassphrase(keyFile, 'p')).resolves.toHaveLength(32);
  }, 30_000);
});
