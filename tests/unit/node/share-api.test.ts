import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/common/api/types';
import type { ShareReceived } from '../../../electron/common/domain/share-views';
import { Runtime } from '../../../electron/node/runtime';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

/** The app's API (both transports call it) for Send to a colleague and Receive. */

async function value<T>(result: Promise<ApiResult<unknown>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw Object.assign(new Error(settled.error.code), settled.error);
  return settled.value as T;
}

async function errorCode(result: Promise<ApiResult<unknown>>): Promise<string | null> {
  const settled = await result;
  return settled.ok ? null : settled.error.code;
}

const open = (dir: string) =>
  Runtime.open({ workspaceDir: dir, transport: 'browser', locale: 'en-GB', debounceMs: 5 });

async function laptop(dir: string, head: string) {
  const runtime = await open(dir);
  await value(runtime.call('profile.update', { headName: head }));
  return runtime;
}

async function noteTexts(runtime: Runtime, forumId: string) {
  const list = await value<{ id: string }[]>(runtime.call('notes.list', { forumId }));
  const notes = await Promise.all(
    list.map((n) =>
      value<{ body: { id: string }; author: string }>(
        runtime.call('notes.get', { forumId, id: n.id }),
      ),
    ),
  );
  return notes.map((n) => `${n.author}: ${n.body.id}`).sort();
}

/** Every file of a workspace folder with its bytes, to prove nothing changed. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === 'risalah.lock') continue;
    const path = join(entry.parentPath, entry.name);
    out[path] = (await readFile(path)).toString('base64');
  }
  return out;
}

describe('share.* over the API', () => {
  it('send and receive both ways: each note arrives with its author, in either order', async () => {
    await withTempDir((dirA) =>
      withTempDir(async (dirB) => {
        const ayu = await laptop(dirA, 'Ayu Lestari');
        const budi = await laptop(dirB, 'Budi Santoso');
        try {
          const forum = await value<{ id: string }>(ayu.call('forums.create', gwangjuForum));
          const status = await value<{ shared: boolean }>(
            ayu.call('share.status', { forumId: forum.id }),
          );
          expect(status.shared).toBe(false);
          await value(
            ayu.call('notes.create', {
              forumId: forum.id,
              note: { body: { id: 'Catatan Ayu' } },
            }),
          );
          const fromAyu = await value<{ fileName: string; base64: string }>(
            ayu.call('share.send', { forumId: forum.id }),
          );
          expect(fromAyu.fileName).toMatch(/\.risalah$/);
          // Sending shared it.
          expect(
            (await value<{ shared: boolean }>(ayu.call('share.status', { forumId: forum.id })))
              .shared,
          ).toBe(true);

          const intoBudi = await value<ShareReceived>(
            budi.call('share.receive', { base64: fromAyu.base64 }),
          );
          expect(intoBudi.added).toBe(true);
          expect(intoBudi.sentBy).toBe('Ayu Lestari');
          expect(intoBudi.summary.notesAdded.map((n) => `${n.author}: ${n.preview}`)).toEqual([
            'Ayu Lestari: Catatan Ayu',
          ]);
          // Budi's search finds what came in (the notebook was told).
          const hits = await value<{ groups: { hits: unknown[] }[] }>(
            budi.call('search.query', { q: 'Catatan Ayu' }),
          );
          expect(hits.groups.flatMap((g) => g.hits).length).toBeGreaterThan(0);

          await value(
            budi.call('notes.create', {
              forumId: forum.id,
              note: { body: { id: 'Catatan Budi' } },
            }),
          );
          const fromBudi = await value<{ base64: string }>(
            budi.call('share.send', { forumId: forum.id, passphrase: 'gwangju malam ini' }),
          );
          // Encrypted: asked for, then refused when wrong, with nothing changed.
          const before = await fingerprint(dirA);
          expect(await errorCode(ayu.call('share.receive', { base64: fromBudi.base64 }))).toBe(
            'share-file-passphrase',
          );
          expect(
            await errorCode(
              ayu.call('share.receive', { base64: fromBudi.base64, passphrase: 'salah' }),
            ),
          ).toBe('share-file-wrong-passphrase');
          expect(await fingerprint(dirA)).toEqual(before);
          const intoAyu = await value<ShareReceived>(
            ayu.call('share.receive', { base64: fromBudi.base64, passphrase: 'gwangju malam ini' }),
          );
          expect(intoAyu.added).toBe(false);
          expect(intoAyu.summary.notesAdded.map((n) => `${n.author}: ${n.preview}`)).toEqual([
            'Budi Santoso: Catatan Budi',
          ]);
          const both = ['Ayu Lestari: Catatan Ayu', 'Budi Santoso: Catatan Budi'];
          expect(await noteTexts(ayu, forum.id)).toEqual(both);
          expect(await noteTexts(budi, forum.id)).toEqual(both);
          // The same file again brings nothing.
          const again = await value<ShareReceived>(
            ayu.call('share.receive', { base64: fromBudi.base64, passphrase: 'gwangju malam ini' }),
          );
          expect(again.summary.changed).toBe(false);
        } finally {
          await ayu.close();
          await budi.close();
        }
      }),
    );
  });

  it('a truncated or tampered file is refused and changes nothing', async () => {
    await withTempDir((dirA) =>
      withTempDir(async (dirB) => {
        const ayu = await laptop(dirA, 'Ayu');
        const budi = await laptop(dirB, 'Budi');
        try {
          const forum = await value<{ id: string }>(ayu.call('forums.create', gwangjuForum));
          await value(
            ayu.call('notes.create', { forumId: forum.id, note: { body: { id: 'Teks' } } }),
          );
          const file = await value<{ base64: string }>(
            ayu.call('share.send', { forumId: forum.id }),
          );
          const bytes = Buffer.from(file.base64, 'base64');
          const truncated = bytes.subarray(0, bytes.length - 40).toString('base64');
          const tampered = Buffer.from(bytes);
          tampered[tampered.length - 10] = (tampered[tampered.length - 10] ?? 0) ^ 0x20;
          await value(budi.call('forums.list', {}));
          const before = await fingerprint(dirB);
          for (const base64 of [truncated, tampered.toString('base64'), 'bm90IGEgZmlsZQ==']) {
            expect(await errorCode(budi.call('share.receive', { base64 }))).toBe(
              'share-file-invalid',
            );
          }
          expect(await value<unknown[]>(budi.call('forums.list', {}))).toEqual([]);
          expect(await fingerprint(dirB)).toEqual(before);
        } finally {
          await ayu.close();
          await budi.close();
        }
      }),
    );
  });
});
