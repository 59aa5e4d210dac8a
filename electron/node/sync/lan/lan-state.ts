import { X509Certificate, createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DurableTextFile } from '../../store/durable-file';

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

const stateSchema = z.object({
  version: z.literal(1),
  identity: identitySchema.nullable(),
  peers: z.array(pairedSchema),
  hosts: z.array(hostSchema),
});

export type LanIdentity = z.infer<typeof identitySchema>;
export type PairedPeer = z.infer<typeof pairedSchema>;
export type PairedHost = z.infer<typeof hostSchema>;
export type LanState = z.infer<typeof stateSchema>;

export const emptyLanState = (): LanState => ({ version: 1, identity: null, peers: [], hosts: [] });

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

/** The state in the workspace, written like every document: temp file, fsync, rename. */
export function fileLanState(workspaceDir: string): LanStateStore {
  const file = new DurableTextFile(join(workspaceDir, LAN_STATE_FILE));
  return {
    async load() {
      const bytes = await file.read();
      if (!bytes) return emptyLanState();
      return stateSchema.parse(JSON.parse(bytes.toString('utf8')));
    },
    async save(state) {
      await mkdir(dirname(file.path), { recursive: true });
      await file.write(`${JSON.stringify(state, null, 2)}\n`);
    },
  };
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
