import type { Message, PeerId, PeerMetadata } from '@automerge/automerge-repo';
import { z } from 'zod';

/**
 * The frames of the LAN protocol. A connection starts with a handshake (hello; for a new
 * joiner the CPace exchange; then welcome or refused) and then carries automerge-repo
 * messages. Every frame from the other side is checked against these schemas first.
 */
export const PROTOCOL_VERSION = 1;
export const HANDSHAKE_TIMEOUT_MS = 15_000;

const bytes = z.instanceof(Uint8Array);
const metadata = z
  .object({ storageId: z.string().optional(), isEphemeral: z.boolean().optional() })
  .optional();

export const helloFrame = z.object({
  t: z.literal('hello'),
  v: z.number(),
  mode: z.enum(['pair', 'resume']),
  name: z.string().max(200),
  peerId: z.string().min(1).max(200),
  peerMetadata: metadata,
  share: bytes.optional(),
  nonce: bytes.optional(),
});

export const pakeFrame = z.object({ t: z.literal('pake'), share: bytes, confirm: bytes });
export const confirmFrame = z.object({ t: z.literal('confirm'), confirm: bytes });
export const welcomeFrame = z.object({
  t: z.literal('welcome'),
  peerId: z.string().min(1).max(200),
  peerMetadata: metadata,
  name: z.string().max(200),
});

export const refusalReasons = [
  'not-paired',
  'wrong-code',
  'no-code',
  'protocol',
  'removed',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];
export const refusedFrame = z.object({ t: z.literal('refused'), reason: z.enum(refusalReasons) });

export const messageFrame = z.object({
  t: z.literal('m'),
  m: z
    .object({ type: z.string(), senderId: z.string(), targetId: z.string() })
    .catchall(z.unknown()),
});

export type HelloFrame = z.infer<typeof helloFrame>;
export type WelcomeFrame = z.infer<typeof welcomeFrame>;

export function toMessage(frame: z.infer<typeof messageFrame>): Message {
  return frame.m as unknown as Message;
}

export function cleanMetadata(meta: PeerMetadata | undefined): PeerMetadata {
  const clean: PeerMetadata = {};
  if (meta?.storageId !== undefined) clean.storageId = meta.storageId;
  if (meta?.isEphemeral !== undefined) clean.isEphemeral = meta.isEphemeral;
  return clean;
}

export const asPeerId = (value: string): PeerId => value as PeerId;

/** Channel identifier for CPace: both certificates' fingerprints, host first. */
export function channelId(hostFingerprint: string, joinerFingerprint: string): Uint8Array {
  return Buffer.from(`${hostFingerprint}|${joinerFingerprint}`, 'utf8');
}
