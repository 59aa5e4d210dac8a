import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE, keySealer } from '../../../electron/node/store/crypto';
import { decodeDocument, encodeDocument } from '../../../electron/node/store/document-codec';
import { nodeFs } from '../../../electron/node/store/durable-file';
import type { DurableFs } from '../../../electron/node/store/durable-file';
import {
  changeWorkspacePassphrase,
  decryptWorkspace,
  encryptWorkspace,
  ATTEMPTS_FILE,
  readKeyFile,
  unlockKey,
} from '../../../electron/node/store/encryption';
import { checkWorkspace } from '../../../electron/node/store/check';
import { FORUMS_DIR, Workspace, WORKSPACE_FILE } from '../../../electron/node/store/workspace';
import { gwangjuForum, noteRecord as note } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

// Light scrypt costs keep the suite fast; the real cost (N = 2^17) is measured by the bench.
const scrypt = { N: 2 ** 12, r: 8, p: 1 };
const PASS = 'pembela hak asasi di Gwangju';
const SECRET_NOTE = 'Kontak aman: Siti Rahayu, pendamping korban di Lampung';

/** A workspace with a known note, a daily and an import backup, and a set-aside file. */
async function plainWorkspace(dir: string): Promise<string> {
  const first = await Workspace.open(dir, { holder: 'test' });
  const forumId = first.createForum(gwangjuForum).id;
  first.updateForum(forumId, (doc) => doc.notes.push(note('n1', SECRET_NOTE)));
  await first.close();
  const second = await Workspace.open(dir, { holder: 'test' });
  second.updateForum(forumId, (doc) => doc.notes.push(note('n2', 'Catatan kedua')));
  await second.backupBeforeImport();
  await second.close();
  // A damaged copy set aside by an earlier recovery holds notes too.
  const forumBytes = await readFile(join(dir, FORUMS_DIR, `${forumId}.json`));
  await writeFile(join(dir, FORUMS_DIR, `${forumId}.json.corrupt-2017-09-15`), forumBytes);
  return forumId;
}

/** An encrypted workspace whose forum document lost its last byte. */
async function encryptedWithTruncatedForum(dir: string): Promise<string> {
  const forumId = await plainWorkspace(dir);
  await encryptWorkspace(dir, PASS, { holder: 'test', scrypt });
  const forumPath = join(dir, FORUMS_DIR, `${forumId}.json`);
  const sealed = await readFile(forumPath);
  await writeFile(forumPath, sealed.subarray(0, sealed.length - 1));
  return forumId;
}

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Every file of the folder that still contains `text`, in any of the ways JSON stores it. */
async function filesContaining(dir: string, text: string): Promise<string[]> {
  const needles = [Buffer.from(text), Buffer.from(JSON.stringify(text).slice(1, -1))];
  const hits: string[] = [];
  for (const path of await allFiles(dir)) {
    const bytes = await readFile(path);
    if (needles.some((needle) => bytes.includes(needle))) hits.push(relative(dir, path));
  }
  return hits;
}

async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of await allFiles(dir)) {
    out[relative(dir, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return out;
}

const notesOf = (workspace: Workspace, forumId: string) =>
  workspace.forum(forumId).notes.map((n) => n.body.id);

describe('an encrypted workspace', () => {
  it('keeps no plaintext of a note anywhere in the folder, and opens only with the passphrase', async () => {
    await withTempDir(async (dir) => {
      const forumId = await plainWorkspace(dir);
      // Before: the forum document, its daily backup and the set-aside copy hold the note.
      const plainHits = await filesContaining(dir, SECRET_NOTE);
      expect(plainHits.filter((f) => f.startsWith('backups'))).toHaveLength(1);
      expect(plainHits.filter((f) => f.includes('.corrupt-'))).toHaveLength(1);

      const { recoveryKey } = await encryptWorkspace(dir, PASS, { holder: 'test', scrypt });
      expect(recoveryKey).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
      expect(await filesContaining(dir, SECRET_NOTE)).toEqual([]);
      expect(await filesContaining(dir, 'Kim Dae-jung')).toEqual([]);

      await expect(Workspace.open(dir, { holder: 'test' })).rejects.toMatchObject({
        code: 'passphrase-required',
      });
      const opened = await Workspace.open(dir, { holder: 'test', unlock: { passphrase: PASS } });
      expect(opened.encrypted).toBe(true);
      expect(notesOf(opened, forumId)).toEqual([SECRET_NOTE, 'Catatan kedua']);
      expect(opened.notices).toEqual([]);
      opened.updateForum(forumId, (doc) => doc.notes.push(note('n3', `${SECRET_NOTE} (lagi)`)));
      await opened.close();
      // New writes, their temp files and the backups they take are sealed too.
      expect(await filesContaining(dir, SECRET_NOTE)).toEqual([]);

      const byRecovery = await Workspace.open(dir, {
        holder: 'test',
        unlock: { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') },
      });
      expect(notesOf(byRecovery, forumId)).toHaveLength(3);
      await byRecovery.close();
    });
  });

  it('refuses a wrong passphrase or recovery key and changes nothing on disk', async () => {
    await withTempDir(async (dir) => {
      await plainWorkspace(dir);
      await encryptWorkspace(dir, PASS, { holder: 'test', scrypt });
      const before = await fingerprint(dir);
      for (const unlock of [{ passphrase: 'bukan ini kata sandinya' }, { recoveryKey: 'AAAA' }]) {
        await expect(Workspace.open(dir, { holder: 'test', unlock })).rejects.toMatchObject({
          code: 'wrong-passphrase',
        });
      }
      // No document, backup or key changed; only the count of wrong attempts was kept.
      const after = await fingerprint(dir);
      expect(Object.keys(after).filter((f) => !(f in before))).toEqual([ATTEMPTS_FILE]);
      expect(after).toEqual({ ...before, [ATTEMPTS_FILE]: after[ATTEMPTS_FILE] });
      expect(JSON.parse(await readFile(join(dir, ATTEMPTS_FILE), 'utf8'))).toMatchObject({
        failures: 2,
      });
    });
  });

  it('treats a tampered byte or a truncated document as corrupt: set aside, backup restored', async () => {
    await withTempDir(async (dir) => {
      const forumId = await plainWorkspace(dir);
      await encryptWorkspace(dir, PASS, { holder: 'test', scrypt });
      const forumPath = join(dir, FORUMS_DIR, `${forumId}.json`);
      const sealed = await readFile(forumPath);
      sealed[sealed.length - 10] = (sealed[sealed.length - 10] ?? 0) ^ 0x01;
      await writeFile(forumPath, sealed);
      const rootPath = join(dir, WORKSPACE_FILE);
      const root = await readFile(rootPath);
      await writeFile(rootPath, root.subarray(0, Math.floor(root.length / 2)));

      const opened = await Workspace.open(dir, { holder: 'test', unlock: { passphrase: PASS } });
      expect(opened.notices.map((n) => [n.file, n.problem, n.restoredFrom !== null])).toEqual([
        [WORKSPACE_FILE, 'checksum', true],
        [join(FORUMS_DIR, `${forumId}.json`), 'checksum', true],
      ]);
      // The daily backup holds the first session: the first note is back.
      expect(notesOf(opened, forumId)).toContain(SECRET_NOTE);
      await opened.close();
    });
  });

  it('takes a plain document slipped into an encrypted workspace as damage, not as notes', async () => {
    await withTempDir(async (dir) => {
      const forumId = await plainWorkspace(dir);
      await encryptWorkspace(dir, PASS, { holder: 'test', scrypt });
      const forumPath = join(dir, FORUMS_DIR, `${forumId}.json`);
      await writeFile(
        forumPath,
        encodeDocument({ forum: { id: forumId }, notes: [note('x', 'disisipkan')] }),
      );
      const opened = await Workspace.open(dir, { holder: 'test', unlock: { passphrase: PASS } });
      expect(opened.notices[0]?.file).toBe(join(FORUMS_DIR, `${forumId}.json`));
      expect(notesOf(opened, forumId)).not.toContain('disisipkan');
      await opened.close();
    });
  });

  it('changes the passphrase by re-wrapping the key, without rewriting a single document', async () => {
    await withTempDir(async (dir) => {
      const forumId = await plainWorkspace(dir);
      await encryptWorkspace(dir, PASS, { holder: 'test', scrypt });
      const before = await fingerprint(dir);
      await expect(
        changeWorkspacePassphrase(dir, { passphrase: PASS }, 'pendek'),
      ).rejects.toMatchObject({ code: 'passphrase-too-short' });
      await changeWorkspacePassphrase(dir, { passphrase: PASS }, 'frasa sandi yang baru sekali');
      // Made with light test costs, the key file now has this build's: N = 2^17.
      expect((await readKeyFile(dir))?.kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
      const after = await fingerprint(dir);
      const changed = Object.keys(after).filter((file) => after[file] !== before[file]);
      expect(changed.sort()).toEqual([join('backups', 'key', KEY_FILE), KEY_FILE].sort());

      await expect(
        Workspace.open(dir, { holder: 'test', unlock: { passphrase: PASS } }),
      ).rejects.toMatchObject({ code: 'wrong-passphrase' });
      const opened = await Workspace.open(dir, {
        holder: 'test',
        unlock: { passphrase: 'frasa sandi yang baru sekali' },
      });
      expect(notesOf(opened, forumId)).toContain(SECRET_NOTE);
      await opened.close();
    });
  });

  it('decrypts back to plain JSON that opens without a passphrase', async () => {
    await withTempDir(async (dir) => {
      const forumId = await plainWorkspace(dir);
      await encryptWorkspace(dir, PASS, { holder: 'test', scrypt });
      await decryptWorkspace(dir, { passphrase: PASS }, { holder: 'test' });
      expect(await readKeyFile(dir)).toBeNull();
      const forum = decodeDocument(await readFile(join(dir, FORUMS_DIR, `${forumId}.json`)));
      expect(JSON.stringify(forum)).toContain(SECRET_NOTE);
      expect((await checkWorkspace(dir)).problems).toEqual([]);
      const opened = await Workspace.open(dir, { holder: 'test' });
      expect(opened.encrypted).toBe(false);
      expect(notesOf(opened, forumId)).toContain(SECRET_NOTE);
      await opened.close();
    });
  });

  it('decrypts after a recovery, leaving the damaged copy it set aside as it was', async () => {
    await withTempDir(async (dir) => {
      const forumId = await encryptedWithTruncatedForum(dir);
      const opened = await Workspace.open(dir, { holder: 'test', unlock: { passphrase: PASS } });
      const movedTo = opened.notices[0]?.movedTo ?? '';
      await opened.close();
      const aside = await readFile(join(dir, movedTo));

      await decryptWorkspace(dir, { passphrase: PASS }, { holder: 'test' });
      expect(await readFile(join(dir, movedTo))).toEqual(aside);
      const reopened = await Workspace.open(dir, { holder: 'test' });
      expect(notesOf(reopened, forumId)).toContain(SECRET_NOTE);
      await reopened.close();
    });
  });

  it('will not decrypt while a document is damaged, and leaves everything as it was', async () => {
    await withTempDir(async (dir) => {
      const forumId = await encryptedWithTruncatedForum(dir);
      const before = await fingerprint(dir);
      await expect(
        decryptWorkspace(dir, { passphrase: PASS }, { holder: 'test' }),
      ).rejects.toMatchObject({
        code: 'decrypt-damaged',
        params: { file: join(FORUMS_DIR, `${forumId}.json`) },
      });
      expect(await fingerprint(dir)).toEqual(before);
    });
  });

  it('finishes an encryption that stopped half way (a write failed) at the next unlock', async () => {
    await withTempDir(async (dir) => {
      const forumId = await plainWorkspace(dir);
      let renames = 0;
      const failing: DurableFs = {
        ...nodeFs,
        rename: async (from, to) => {
          // The key file and its copy, then two documents, then the disk gives out.
          if (++renames === 5) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
          return rename(from, to);
        },
      };
      await expect(
        encryptWorkspace(dir, PASS, { holder: 'test', scrypt, fs: failing }),
      ).rejects.toMatchObject({ code: 'disk-full' });
      expect((await readKeyFile(dir))?.state).toBe('encrypting');
      expect((await filesContaining(dir, SECRET_NOTE)).length).toBeGreaterThan(0);

      const opened = await Workspace.open(dir, { holder: 'test', unlock: { passphrase: PASS } });
      expect(notesOf(opened, forumId)).toEqual([SECRET_NOTE, 'Catatan kedua']);
      await opened.close();
      expect((await readKeyFile(dir))?.state).toBe('ready');
      expect(await filesContaining(dir, SECRET_NOTE)).toEqual([]);
    });
  });

  it('opens with the key file copy when the key file itself is damaged', async () => {
    await withTempDir(async (dir) => {
      const forumId = await plainWorkspace(dir);
      await encryptWorkspace(dir, PASS, { holder: 'test', scrypt });
      await writeFile(join(dir, KEY_FILE), '{"version":1,"kdf":');
      const opened = await Workspace.open(dir, { holder: 'test', unlock: { passphrase: PASS } });
      expect(notesOf(opened, forumId)).toContain(SECRET_NOTE);
      await opened.close();
      expect((await readKeyFile(dir))?.state).toBe('ready');
      expect(JSON.parse(await readFile(join(dir, KEY_FILE), 'utf8'))).toMatchObject({ version: 1 });
    });
  });

  it('checks an encrypted workspace with its key, and finds every document unreadable without', async () => {
    await withTempDir(async (dir) => {
      await plainWorkspace(dir);
      await encryptWorkspace(dir, PASS, { holder: 'test', scrypt });
      const keyFile = await readKeyFile(dir);
      if (!keyFile) throw new Error('no key file');
      const sealer = keySealer(await unlockKey(keyFile, { passphrase: PASS }));
      expect(await checkWorkspace(dir, sealer)).toEqual({ documents: 2, problems: [] });
      const blind = await checkWorkspace(dir);
      expect(blind.documents).toBe(0);
      expect(blind.problems.map((p) => p.code)).toEqual(['unreadable', 'unreadable']);
    });
  });
});
