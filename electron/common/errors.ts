// Error codes are translation keys under the `errors` namespace of each locale, so every
// failure a user can see reaches them in their language, whichever transport carried it.
export const errorCodes = [
  'internal',
  'invalid-input',
  'unknown-channel',
  'workspace-locked',
  'store-write-failed',
  'disk-full',
  'unsaved-kept',
  'unsaved-lost',
  'permission-denied',
  'body-too-large',
  'browser-token-missing',
  'backup-not-found',
  'not-found',
  'host-unreachable',
  'import-expired',
  'contact-sensitive',
  'wrong-passphrase',
  'passphrase-required',
  'passphrase-too-short',
  'already-encrypted',
  'not-encrypted',
  'decrypt-damaged',
  'key-file-damaged',
  'key-file-cost',
  'unlock-wait',
  'app-locked',
  'keychain-unavailable',
  'member-in-use',
  'paste-would-replace',
  'undo-expired',
  'not-shared',
  'share-file-invalid',
  'share-file-passphrase',
  'share-file-wrong-passphrase',
  'lan-no-network',
  'lan-cannot-listen',
  'lan-bad-address',
  'lan-bad-code',
  'statement-changed-elsewhere',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ErrorParams = Record<string, string | number>;

export interface ApiErrorPayload {
  code: ErrorCode;
  params: ErrorParams;
  /** English detail for logs; never shown instead of the translated message. */
  detail?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}, detail?: string) {
    super(detail ?? code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }

  toPayload(): ApiErrorPayload {
    return { code: this.code, params: this.params, detail: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
