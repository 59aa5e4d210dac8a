import {
  createCipheriv,
  createDecipheriv,
  hkdfSync,
  randomBytes,
  scrypt as scryptCallback,
} from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../common/errors';
import { CorruptDocumentError } from './document-codec';

/**
 * The cryptography of an encrypted workspace, with Node's crypto only: a random 256-bit data
 * key encrypts every document (AES-256-GCM, a fresh nonce per write, the document's name and
 * format version as associated data); the data key is stored wrapped, once under a key
 * derived from the passphrase with scrypt (parameters kept beside it, so they can be raised
 * later), once under a printable recovery key. Changing the passphrase re-wraps the data key
 * and re-encrypts nothing.
 */

export const KEY_FILE = 'risalah.key';
const MAGIC = Buffer.from('RSLHENC1');
const NONCE = 12;
const TAG = 16;
const KEY_AAD = Buffer.from('risalah-key/1');
const CHECK_AAD = Buffer.from('risalah-key-check/1');

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** scrypt at N = 2^17: about 128 MiB and a few hundred milliseconds per unlock. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/**
 * The most a key file may ask of scrypt, since its parameters are read from disk: N a power
 * of two up to 2^20, at most 1 GiB of memory and 8 times this build's default work. A
 * tampered key file asking for more is refused before any derivation starts.
 */
export function checkScryptParams({ N, r, p }: ScryptParams): void {
  const powerOfTwo = Number.isInteger(N) && N >= 2 && (N & (N - 1)) === 0;
  const memory = 128 * N * r;
  const work = N * r * p;
  const defaultWork = DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r * DEFAULT_SCRYPT.p;
  if (
    !powerOfTwo ||
    N > 2 ** 20 ||
    r > 32 ||
    p > 16 ||
    memory > 2 ** 30 ||
    work > 8 * defaultWork
  ) {
    throw new AppError('key-file-cost', { N, r, p });
  }
}

const wrappedSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
type Wrapped = z.infer<typeof wrappedSchema>;

/**
 * `encrypting` and `decrypting` mark a conversion that was interrupted: the next open with
 * the key finishes it, so a crash half way leaves nothing unreadable.
 */
export const keyStates = ['ready', 'encrypting', 'decrypting'] as const;

export const keyFileSchema = z.object({
  version: z.literal(1),
  state: z.enum(keyStates),
  kdf: z.object({
    name: z.literal('scrypt'),
    salt: z.string(),
    N: z
      .number()
      .int()
      .min(2 ** 10),
    r: z.number().int().min(1),
    p: z.number().int().min(1),
  }),
  passphrase: wrappedSchema,
  recovery: wrappedSchema.extend({ salt: z.string() }),
  /** The data key encrypts a known block, so a wrong key is told apart from damaged files. */
  check: wrappedSchema,
  /** Minutes without use before the app locks itself; 0 never. */
  autoLockMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  createdAt: z.string(),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

const b64 = (bytes: Buffer) => bytes.toString('base64');
const unb64 = (text: string) => Buffer.from(text, 'base64');

function scrypt(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    ...params,
    maxmem: 256 * params.N * params.r + 16 * 1024 * 1024,
  };
  return new Promise((resolve, reject) =>
    scryptCallback(secret.normalize('NFC'), salt, 32, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** A 256-bit key from a passphrase (scrypt), e.g. for a file two colleagues agreed on. */
export const deriveKey = (secret: string, salt: Buffer, params: ScryptParams) =>
  scrypt(secret, salt, params);

/** The recovery key carries 160 random bits; a plain HKDF is enough to turn it into a key. */
function recoveryKek(recoveryKey: string, salt: Buffer): Buffer {
  const normalised = recoveryKey.toUpperCase().replace(/[^A-Z2-7]/g, '');
  return Buffer.from(hkdfSync('sha256', normalised, salt, 'risalah-recovery/1', 32));
}

function wrap(kek: Buffer, dataKey: Buffer, aad = KEY_AAD): Wrapped {
  const iv = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', kek, iv).setAAD(aad);
  const data = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { iv: b64(iv), tag: b64(cipher.getAuthTag()), data: b64(data) };
}

function unwrap(kek: Buffer, wrapped: Wrapped, aad = KEY_AAD): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, unb64(wrapped.iv)).setAAD(aad);
    decipher.setAuthTag(unb64(wrapped.tag));
    return Buffer.concat([decipher.update(unb64(wrapped.data)), decipher.final()]);
  } catch {
    return null;
  }
}

const CHECK_BLOCK = Buffer.alloc(32);

/** Whether this data key is the one the key file was made for. */
export function keyMatches(keyFile: KeyFile, dataKey: Buffer): boolean {
  return unwrap(dataKey, keyFile.check, CHECK_AAD) !== null;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 160 random bits as eight groups of four letters and digits, easy to print and type. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  const chars = (bits.match(/.{5}/g) ?? []).map((chunk) => BASE32[parseInt(chunk, 2)]).join('');
  return (chars.match(/.{4}/g) ?? []).join('-');
}

export async function createKeyFile(
  passphrase: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<{ keyFile: KeyFile; dataKey: Buffer; recoveryKey: string }> {
  const dataKey = randomBytes(32);
  const salt = randomBytes(16);
  const recoverySalt = randomBytes(16);
  const recoveryKey = newRecoveryKey();
  const keyFile: KeyFile = {
    version: 1,
    state: 'encrypting',
    kdf: { name: 'scrypt', salt: b64(salt), ...params },
    passphrase: wrap(await scrypt(passphrase, salt, params), dataKey),
    recovery: { salt: b64(recoverySalt), ...wrap(recoveryKek(recoveryKey, recoverySalt), dataKey) },
    check: wrap(dataKey, CHECK_BLOCK, CHECK_AAD),
    autoLockMinutes: 10,
    createdAt: new Date().toISOString(),
  };
  return { keyFile, dataKey, recoveryKey };
}

/** The data key, or `wrong-passphrase` (nothing is changed by a failed attempt). */
export async function unlockWithPassphrase(keyFile: KeyFile, passphrase: string): Promise<Buffer> {
  const { salt, N, r, p } = keyFile.kdf;
  checkScryptParams({ N, r, p });
  const key = unwrap(await scrypt(passphrase, unb64(salt), { N, r, p }), keyFile.passphrase);
  if (!key) throw new AppError('wrong-passphrase');
  return key;
}

export function unlockWithRecoveryKey(keyFile: KeyFile, recoveryKey: string): Buffer {
  const key = unwrap(recoveryKek(recoveryKey, unb64(keyFile.recovery.salt)), keyFile.recovery);
  if (!key) throw new AppError('wrong-passphrase');
  return key;
}

/**
 * A new passphrase for the same data key. Its scrypt cost is at least this build's default:
 * a key file from a build with weaker parameters is brought up when its passphrase changes.
 */
export async function changePassphrase(
  keyFile: KeyFile,
  dataKey: Buffer,
  passphrase: string,
  params: ScryptParams = {
    N: Math.max(keyFile.kdf.N, DEFAULT_SCRYPT.N),
    r: Math.max(keyFile.kdf.r, DEFAULT_SCRYPT.r),
    p: Math.max(keyFile.kdf.p, DEFAULT_SCRYPT.p),
  },
): Promise<KeyFile> {
  checkScryptParams(params);
  const salt = randomBytes(16);
  return {
    ...keyFile,
    kdf: { name: 'scrypt', salt: b64(salt), ...params },
    passphrase: wrap(await scrypt(passphrase, salt, params), dataKey),
  };
}

/**
 * Format 2 carries a write counter after the magic, bound into the associated data: each
 * save of a document counts up, so an older copy of it put back in its place (a rollback)
 * shows a smaller number that cannot be raised without the key. Format 1 has none.
 */
const MAGIC_2 = Buffer.from('RSLHENC2');
const COUNTER = 8;

export function isEncrypted(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, MAGIC.length));
  return head.equals(MAGIC) || head.equals(MAGIC_2);
}

/** The write counter of a sealed document (0 for format 1), or null when it is not sealed. */
export function documentCounter(bytes: Uint8Array): number | null {
  const buffer = Buffer.from(bytes);
  if (buffer.subarray(0, MAGIC.length).equals(MAGIC)) return 0;
  if (!buffer.subarray(0, MAGIC_2.length).equals(MAGIC_2)) return null;
  if (buffer.length < MAGIC_2.length + COUNTER) return null;
  return Number(buffer.readBigUInt64BE(MAGIC_2.length));
}

/** MAGIC_2, counter, nonce, tag, ciphertext; name, format and counter are associated data. */
export function encryptDocument(
  plain: Uint8Array,
  dataKey: Buffer,
  name: string,
  counter = 0,
): Buffer {
  const nonce = randomBytes(NONCE);
  const head = Buffer.alloc(COUNTER);
  head.writeBigUInt64BE(BigInt(counter));
  const cipher = createCipheriv('aes-256-gcm', dataKey, nonce).setAAD(
    Buffer.from(`${name}|1|${counter}`),
  );
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC_2, head, nonce, cipher.getAuthTag(), data]);
}

/** The plain bytes; a tampered, truncated or misplaced document fails like a corrupt one. */
export function decryptDocument(bytes: Uint8Array, dataKey: Buffer, name: string): Buffer {
  const buffer = Buffer.from(bytes);
  const counter = documentCounter(buffer);
  const v2 = buffer.subarray(0, MAGIC_2.length).equals(MAGIC_2);
  const start = MAGIC.length + (v2 ? COUNTER : 0);
  if (counter === null || buffer.length < start + NONCE + TAG) {
    throw new CorruptDocumentError('checksum', 'not an encrypted document');
  }
  const aad = v2 ? `${name}|1|${counter}` : `${name}|1`;
  const nonce = buffer.subarray(start, start + NONCE);
  const tag = buffer.subarray(start + NONCE, start + NONCE + TAG);
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, nonce).setAAD(Buffer.from(aad));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(buffer.subarray(start + NONCE + TAG)), decipher.final()]);
  } catch {
    throw new CorruptDocumentError('checksum', 'the document failed its authentication check');
  }
}

/**
 * How a workspace's documents meet the disk: as they are, or sealed under the data key.
 * `name` is the document's name (`workspace`, `forum-<id>`), the same for the document and
 * its backups, so a backup can be copied byte for byte yet not swapped for another document.
 */
export interface DocumentSealer {
  readonly encrypted: boolean;
  seal(plain: Uint8Array, name: string): Buffer;
  open(bytes: Uint8Array, name: string): Buffer;
  /** Overwrites the key in memory (nothing for plain); the sealer cannot be used afterwards. */
  wipe(): void;
  /** Sealed documents: the next write of `name` counts above `counter`. */
  raise?(name: string, counter: number): void;
}

export const plainSealer: DocumentSealer = {
  encrypted: false,
  seal: (plain) => Buffer.from(plain),
  open: (bytes) => {
    if (isEncrypted(bytes)) {
      throw new CorruptDocumentError('checksum', 'an encrypted document in a plain workspace');
    }
    return Buffer.from(bytes);
  },
  wipe: () => undefined,
};

export function keySealer(dataKey: Buffer): DocumentSealer {
  const key = Buffer.from(dataKey);
  /** The highest counter seen or written per document: the next write goes above it. */
  const counters = new Map<string, number>();
  const raise = (name: string, counter: number) =>
    counters.set(name, Math.max(counters.get(name) ?? 0, counter));
  return {
    encrypted: true,
    seal: (plain, name) => {
      const counter = (counters.get(name) ?? 0) + 1;
      counters.set(name, counter);
      return encryptDocument(plain, key, name, counter);
    },
    open: (bytes, name) => {
      const plain = decryptDocument(bytes, key, name);
      raise(name, documentCounter(bytes) ?? 0);
      return plain;
    },
    raise,
    wipe: () => key.fill(0),
  };
}
