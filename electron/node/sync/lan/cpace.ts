import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Pairing-code proof: CPace (draft-irtf-cfrg-cpace) over ristretto255, built on the audited
 * group arithmetic and RFC 9380 hash-to-group of @noble/curves.
 *
 * Why a PAKE and not a hash of the code: a short code checked by HMAC or sent inside a TLS
 * tunnel whose certificate the joiner could not verify (a typed address carries no
 * fingerprint) can be brute-forced offline by whoever sits in the middle: 10^8 codes take
 * seconds. With CPace each run tests one guess, so an attacker needs one live connection
 * per guess, and the host retires the code after a few failures.
 *
 * The channel identifier binds both TLS certificates, so a man in the middle (who must
 * present his own certificates to each side) makes the two sides derive different
 * generators: the confirmation fails and he learns nothing about the code.
 */
const DSI = 'Risalah-LAN-CPace-ristretto255-v1';
const Point = ristretto255.Point;

export type CpaceRole = 'host' | 'joiner';

export interface CpaceSession {
  /** This side's public share Y = y·G, sent to the other side. */
  share: Uint8Array;
  /**
   * The intermediate session key from the other side's share, or null when the share is
   * not a valid non-neutral group element (then the run fails like a wrong code).
   */
  finish: (otherShare: Uint8Array) => Uint8Array | null;
}

export function cpaceStart(
  role: CpaceRole,
  code: string,
  channelId: Uint8Array,
  sessionId: Uint8Array,
): CpaceSession {
  const generator = ristretto255_hasher.hashToCurve(
    lengthValues([DSI, code, channelId, sessionId]),
    { DST: DSI },
  );
  const scalar = randomScalar();
  const share = generator.multiply(scalar).toBytes();
  return {
    share,
    finish(otherShare) {
      let other;
      try {
        other = Point.fromBytes(otherShare);
      } catch {
        return null;
      }
      const shared = other.multiply(scalar);
      if (shared.is0()) return null;
      const [hostShare, joinerShare] = role === 'host' ? [share, otherShare] : [otherShare, share];
      return createHash('sha512')
        .update(lengthValues([`${DSI}_ISK`, sessionId, shared.toBytes(), hostShare, joinerShare]))
        .digest();
    },
  };
}

/** Key confirmation: each side proves it derived the same key, host and joiner differently. */
export function confirmationTag(key: Uint8Array, role: CpaceRole): Buffer {
  return createHmac('sha512', key).update(`${DSI}_confirm_${role}`).digest();
}

export function tagsEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function newSessionNonce(): Buffer {
  return randomBytes(16);
}

function randomScalar(): bigint {
  // 64 random bytes reduced modulo the group order: the bias is below 2^-250.
  const order = Point.Fn.ORDER;
  const value = BigInt(`0x${randomBytes(64).toString('hex')}`) % order;
  return value === 0n ? randomScalar() : value;
}

/** Each item as a 4-byte big-endian length then its bytes, so no two inputs collide. */
export function lengthValues(items: (string | Uint8Array)[]): Uint8Array {
  const parts: Buffer[] = [];
  for (const item of items) {
    const bytes = typeof item === 'string' ? Buffer.from(item, 'utf8') : Buffer.from(item);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    parts.push(length, bytes);
  }
  return Buffer.concat(parts);
}
