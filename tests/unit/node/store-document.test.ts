import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSaveStatus } from '../../../electron/node/store/store-document';
import { Backups } from '../../../electron/node/store/backups';
import { decodeDocument } from '../../../electron/node/store/document-codec';
import { DocumentFile } from '../../../electron/node/store/document-file';
import { nodeFs } from '../../../electron/node/store/durable-file';
import { StoreDocument } from '../../../electron/node/store/store-document';
import { withTempDir } from '../../support/temp-dir';

interface Doc {
  notes: string[];
}

describe('StoreDocument', () => {
  it('coalesces a burst of edits into one durable write and reports saved only after it', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'forum.json');
      let writes = 0;
      const adapter = new DocumentFile<Doc>(path, 'workspace', new Backups(dir));
      const write = adapter.write.bind(adapter);
      adapter.write = async (data) => {
        writes++;
        await write(data);
      };
      const states: DocumentSaveStatus['state'][] = [];
      let onDiskWhenSaved = -1;
      const doc = new StoreDocument(
        adapter,
        { notes: [] },
        {
          debounceMs: 20,
          onStatus: (s) => {
            states.push(s.state);
            // "saved" must mean the bytes are on disk already.
            if (s.state === 'saved')
              onDiskWhenSaved = (decodeDocument(readFileSync(path, 'utf8')) as Doc).notes.length;
          },
        },
      );
      for (let i = 0; i < 50; i++) doc.update((d) => d.notes.push(`catatan ${i}`));
      expect(writes).toBe(0);
      await doc.flush();
      expect(writes).toBe(1);
      // "saving" from the first edit on, "saved" once, after the write.
      expect([...new Set(states)]).toEqual(['saving', 'saved']);
      expect(states.at(-1)).toBe('saved');
      expect(states.filter((s) => s === 'saved')).toHaveLength(1);
      expect(onDiskWhenSaved).toBe(50);
      expect((decodeDocument(await readFile(path, 'utf8')) as Doc).notes).toHaveLength(50);
    });
  });

  it('saves by itself after the debounce delay', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'forum.json');
      const saved = new Promise<void>((resolve) => {
        const doc = new StoreDocument(
          new DocumentFile<Doc>(path, 'workspace', new Backups(dir)),
          { notes: [] },
          {
            debounceMs: 10,
            onStatus: (s) => s.state === 'saved' && resolve(),
          },
        );
        doc.update((d) => d.notes.push('Penguatan demokrasi lokal'));
      });
      await saved;
      expect(decodeDocument(await readFile(path, 'utf8')) as Doc).toEqual({
        notes: ['Penguatan demokrasi lokal'],
      });
    });
  });

  it('keeps an edit that failed to save and writes it on the next flush', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'forum.json');
      let full = true;
      const adapter = new DocumentFile<Doc>(path, 'workspace', new Backups(dir), {
        ...nodeFs,
        open: (async (...args: Parameters<typeof nodeFs.open>) => {
          if (full && args[1] === 'wx')
            throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
          return nodeFs.open(...args);
        }) as typeof nodeFs.open,
      });
      const statuses: DocumentSaveStatus[] = [];
      const doc = new StoreDocument(
        adapter,
        { notes: [] },
        {
          debounceMs: 5,
          onStatus: (s) => statuses.push(s),
        },
      );
      doc.update((d) => d.notes.push('jangan hilang'));
      await expect(doc.flush()).rejects.toMatchObject({ code: 'disk-full' });
      expect(statuses.at(-1)).toMatchObject({ state: 'failed', error: { code: 'disk-full' } });
      expect(doc.data.notes).toEqual(['jangan hilang']);
      full = false;
      await doc.flush();
      expect(statuses.at(-1)?.state).toBe('saved');
      expect((decodeDocument(await readFile(path, 'utf8')) as Doc).notes).toEqual([
        'jangan hilang',
      ]);
    });
  });
});
