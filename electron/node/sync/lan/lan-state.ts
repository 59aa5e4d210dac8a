import { X509Certificate, createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { Workspace } from '../../store/workspace';

/**
 * What a workspace remembers about the LAN: its own TLS identity (a self-signed certificate
 * whose fingerprint the others pin), the peers it admitted as host, and the hosts it
 * paired with as joiner. Peers and hosts are known by certificate fingerprint, never by
 * address (hotel Wi-Fi hands out new addresses every morning).
 */
const identitySchema = z.object({ key: z.string(), cert: z.string() });
const pairedSchema = z.object({
  fingerprint: z.string(),
  name: z.string(),
  pairedAt: z.string(),
});
const hostSchema = pairedSchema.extend({ address: z.string() });
/** A laptop the host removed: told so when it comes back, until the host admits it anew. */
const removedSchema = pairedSchema.extend({ removedAt: z.string() });

const stateSchema = z.object({
  version: z.literal(1),
  identity: identitySchema.nullable(),
  peers: z.array(pairedSchema),
  hosts: z.array(hostSchema),
  // Added after the first release: a file written before has none.
  removed: z.array(removedSchema).default([]),
});

export type LanIdentity = z.infer<typeof identitySchema>;
export type PairedPeer = z.infer<typeof pairedSchema>;
export type PairedHost = z.infer<typeof hostSchema>;
export type RemovedPeer = z.infer<typeof removedSchema>;
export type LanState = z.infer<typeof stateSchema>;

export const emptyLanState = (): LanState => ({
  version: 1,
  identity: null,
  peers: [],
  hosts: [],
  removed: [],
});

export interface LanStateStore {
  load: () => Promise<LanState>;
  save: (state: LanState) => Promise<void>;
}

export function memoryLanState(initial: LanState = emptyLanState()): LanStateStore {
  let state = structuredClone(initial);
  return {
    load: async () => structuredClone(state),
    save: async (next) => {
      state = structuredClone(next);
    },
  };
}

export const LAN_STATE_FILE = join('sync', 'lan.json');
/** The name sealed into the file when the workspace is encrypted (as `forum-<id>` is). */
export const LAN_STATE_NAME = 'lan';

/**
 * The state in an open workspace, written like every document (temp file, fsync, rename)
 * and sealed under its key when it is encrypted: the private key, the members' names and
 * certificates are nobody's business who finds the laptop.
 */
export function workspaceLanState(workspace: Pick<Workspace, 'sealedFile'>): LanStateStore {
  const file = workspace.sealedFile(LAN_STATE_FILE, LAN_STATE_NAME);
  return {
    async load() {
      const bytes = await file.read();
      if (!bytes) return emptyLanState();
      return stateSchema.parse(JSON.parse(bytes.toString('utf8')));
    },
    async save(state) {
      await file.write(Buffer.from(`${JSON.stringify(state, null, 2)}\n`, 'utf8'));
    },
  };
}

/**
 * The state once a member's laptop is removed: no longer paired, and remembered as removed
 * (so that it is told so when it comes back). `name` stands in when it was not paired here.
 */
export function removeFromState(state: LanState, fingerprint: string, name = ''): LanState {
  const peer = state.peers.find((p) => p.fingerprint === fingerprint);
  const removed = state.removed.filter((r) => r.fingerprint !== fingerprint);
  if (peer || name) {
    removed.push({
      fingerprint,
      name: peer?.name ?? name,
      pairedAt: peer?.pairedAt ?? '',
      removedAt: new Date().toISOString(),
    });
  }
  return { ...state, peers: state.peers.filter((p) => p.fingerprint !== fingerprint), removed };
}

/** The workspace's identity, made on first use: an ECDSA P-256 key and a ten-year certificate. */
export async function ensureIdentity(store: LanStateStore): Promise<LanIdentity> {
  const state = await store.load();
  if (state.identity) return state.identity;
  // Loaded only here: selfsigned pulls in the X.509 stack, needed once per workspace.
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: 'Risalah delegation member' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 24 * 3600_000),
    notAfterDate: new Date(Date.now() + 10 * 365 * 24 * 3600_000),
  });
  const identity = { key: pems.private, cert: pems.cert };
  await store.save({ ...state, identity });
  return identity;
}

/** SHA-256 of the certificate's DER bytes, base64url: what the QR code carries and peers pin. */
export function certificateFingerprint(cert: string | Buffer | X509Certificate): string {
  const x509 = cert instanceof X509Certificate ? cert : new X509Certificate(cert);
  return createHash('sha256').update(x509.raw).digest('base64url');
}
