import { randomInt } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * The pairing code a host shows: eight digits, typed as two groups of four. Eight digits
 * (about 27 bits) are enough only because the code never travels in a form that can be
 * checked offline: it is proven through a PAKE (see cpace.ts), so each guess costs an
 * online attempt, and the host retires the code after a few failed ones.
 */
export const CODE_DIGITS = 8;

export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < CODE_DIGITS; i += 1) code += String(randomInt(10));
  return code;
}

/** Accepts what a person types ("1234 5678", "1234-5678"); null when it is not a code. */
export function normalisePairingCode(input: string): string | null {
  const digits = input.replace(/[\s\-–.]/g, '');
  return new RegExp(`^\\d{${CODE_DIGITS}}$`).test(digits) ? digits : null;
}

export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export interface LanAddress {
  host: string;
  port: number;
}

/** What a joiner needs: the address, and from a QR code also the host's fingerprint and code. */
export interface JoinInvitation extends LanAddress {
  /** SHA-256 of the host certificate (base64url); pinned before anything is sent. */
  fingerprint?: string;
  code?: string;
}

const SCHEME = 'risalah-join:';

/** The text of the QR code: one URL carrying address, certificate fingerprint and code. */
export function formatInvitation(invitation: JoinInvitation): string {
  const params = new URLSearchParams({ a: formatAddress(invitation) });
  if (invitation.fingerprint) params.set('fp', invitation.fingerprint);
  if (invitation.code) params.set('code', invitation.code);
  return `${SCHEME}?${params.toString()}`;
}

export function formatAddress({ host, port }: LanAddress): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * Reads either a typed address ("192.168.1.20:47800") or a scanned invitation URL.
 * Null when the text is neither.
 */
export function parseInvitation(text: string): JoinInvitation | null {
  const trimmed = text.trim();
  if (trimmed.startsWith(SCHEME)) {
    const params = new URLSearchParams(trimmed.slice(SCHEME.length).replace(/^\?/, ''));
    const address = parseAddress(params.get('a') ?? '');
    if (!address) return null;
    const fingerprint = params.get('fp') ?? undefined;
    if (fingerprint !== undefined && !/^[A-Za-z0-9_-]{43}$/.test(fingerprint)) return null;
    const rawCode = params.get('code');
    const code = rawCode === null ? undefined : normalisePairingCode(rawCode);
    if (code === null) return null;
    return { ...address, ...(fingerprint ? { fingerprint } : {}), ...(code ? { code } : {}) };
  }
  return parseAddress(trimmed);
}

function parseAddress(text: string): LanAddress | null {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(text.trim());
  if (!match) return null;
  const host = match[1] ?? match[2] ?? '';
  const port = Number(match[3]);
  if (port < 1 || port > 65535) return null;
  if (match[1] !== undefined && isIP(host) !== 6) return null;
  return { host, port };
}
