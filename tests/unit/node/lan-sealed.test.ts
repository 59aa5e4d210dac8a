import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEncrypted } from '../../../electron/node/store/crypto';
import { decryptWorkspace, encryptWorkspace } from '../../../electron/node/store/encryption';
import { Workspace } from '../../../electron/node/store/workspace';
import { LanHost } from '../../../electron/node/sync/lan/lan-host';
import { LanJoiner } from '../../../electron/node/sync/lan/lan-joiner';
import { LAN_STATE_FILE, workspaceLanState } from '../../../electron/node/sync/lan/lan-state';
import { withTempDir } from '../../support/temp-dir';

/**
 * `sync/lan.json` holds this laptop's TLS private key and the delegation's laptops (names,
 * certificate fingerprints). In an encrypted workspace it is sealed like every document:
 * nothing of it is readable on the disk, and `encrypt`/`decrypt` convert it with the rest.
 */

// Light scrypt costs keep the suite fast; the real cost is measured by the bench.
const scrypt = { N: 2 ** 12, r: 8, p: 1 };
const PASS = 'delegasi Lampung Timur di Gwangju';
const unlock = { secret: PASS };

/** Every file below `dir` that contains `text` as bytes. */
async function filesContaining(dir: string, text: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hits: string[] = [];
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(Buffer.from(text))) hits.push(relative(dir, path));
  }
  return hits;
}

/** Ayu's workspace hosts, Budi's joins (with the code the first time); both on loopback. */
async function pairOnce(ayuDir: string, budiDir: string, withCode: boolean) {
  const ayu = await Workspace.open(ayuDir, { holder: 'test', unlock });
  const budi = await Workspace.open(budiDir, { holder: 'test', unlock });
  const host = await LanHost.start({
    state: workspaceLanState(ayu),
    bindAddress: '127.0.0.1',
    name: 'Ayu Lestari',
  });
  host.connect('host' as never);
  const joiner = new LanJoiner({
    state: workspaceLanState(budi),
    name: 'Budi Santoso',
    invitation: { ...host.address, ...(withCode ? { code: host.pairingCode } : {}) },
  });
  joiner.connect('budi' as never);
  try {
    await joiner.whenConnected();
    return { hostFingerprint: host.fingerprint, peers: await host.pairedPeers() };
  } finally {
    joiner.close();
    await host.close();
    await ayu.close();
    await budi.close();
  }
}

describe('sync/lan.json in an encrypted workspace', () => {
  it('holds no readable key, name or fingerprint on disk; encrypt and decrypt convert it', async () => {
    await withTempDir(async (root) => {
      const ayuDir = join(root, 'ayu');
      const budiDir = join(root, 'budi');
      for (const dir of [ayuDir, budiDir]) {
        await (await Workspace.open(dir, { holder: 'test' })).close();
      }
      // Paired while plain: the file is readable JSON with the names in it.
      const { hostFingerprint, peers } = await pairOnce(ayuDir, budiDir, true);
      const [budiPeer] = peers;
      if (!budiPeer) throw new Error('Budi did not pair');
      expect(await filesContaining(ayuDir, 'Budi Santoso')).toEqual([LAN_STATE_FILE]);
      expect(await filesContaining(budiDir, 'Ayu Lestari')).toEqual([LAN_STATE_FILE]);

      // Encrypting the workspaces seals it: nothing of it is left readable.
      for (const dir of [ayuDir, budiDir]) {
        await encryptWorkspace(dir, PASS, { holder: 'test', scrypt });
        expect(isEncrypted(await readFile(join(dir, LAN_STATE_FILE)))).toBe(true);
        for (const secret of [
          'Budi Santoso',
          'Ayu Lestari',
          'PRIVATE KEY',
          'CERTIFICATE',
          budiPeer.fingerprint,
          hostFingerprint,
        ]) {
          expect(await filesContaining(dir, secret), secret).toEqual([]);
        }
      }

      // Still read back once unlocked: Budi comes back without the code, admitted as before.
      const again = await pairOnce(ayuDir, budiDir, false);
      expect(again.peers.map((p) => p.name)).toEqual(['Budi Santoso']);
      // Read and used while encrypted, and still sealed.
      expect(await filesContaining(ayuDir, 'Budi Santoso')).toEqual([]);

      // Decrypting gives the plain file back, with the pairing in it.
      await decryptWorkspace(ayuDir, unlock, { holder: 'test' });
      const plain = JSON.parse(await readFile(join(ayuDir, LAN_STATE_FILE), 'utf8')) as {
        peers: { name: string }[];
      };
      expect(plain.peers.map((p) => p.name)).toEqual(['Budi Santoso']);
    });
  }, 60_000);

  it('a plain file found in an encrypted workspace (written by an older version) is sealed when read', async () => {
    await withTempDir(async (dir) => {
      await (await Workspace.open(dir, { holder: 'test' })).close();
      await encryptWorkspace(dir, PASS, { holder: 'test', scrypt });
      const plain = {
        version: 1,
        identity: null,
        peers: [{ fingerprint: 'abc', name: 'Citra Dewi', pairedAt: '2017-09-14T10:00:00Z' }],
        hosts: [],
      };
      await (await Workspace.open(dir, { holder: 'test', unlock })).close();
      await mkdir(dirname(join(dir, LAN_STATE_FILE)), { recursive: true });
      await writeFile(join(dir, LAN_STATE_FILE), JSON.stringify(plain));
      const workspace = await Workspace.open(dir, { holder: 'test', unlock });
      try {
        const state = await workspaceLanState(workspace).load();
        expect(state.peers.map((p) => p.name)).toEqual(['Citra Dewi']);
        expect(state.removed).toEqual([]);
        expect(await filesContaining(dir, 'Citra Dewi')).toEqual([]);
        expect(isEncrypted(await readFile(join(dir, LAN_STATE_FILE)))).toBe(true);
      } finally {
        await workspace.close();
      }
    });
  }, 60_000);
});
