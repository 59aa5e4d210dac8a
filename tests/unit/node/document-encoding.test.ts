import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Backups } from '../../../electron/node/store/backups';
import {
  decodeDocument,
  DocumentEncoding,
  encodeDocument,
} from '../../../electron/node/store/document-codec';
import { DocumentFile } from '../../../electron/node/store/document-file';
import { StoreDocument } from '../../../electron/node/store/store-document';
import { withTempDir } from '../../support/temp-dir';

interface Person {
  id: string;
  name: string;
  met: { forumId: string; sessionId: string | null }[];
}
interface Doc {
  settings: { language: string | null; csvMappings: Record<string, unknown> };
  contacts: Person[];
}

const person = (i: number): Person => ({
  id: `c${i}`,
  name: `Peserta ${i} — 광주 “kutip” \\ \u2028 ${'x'.repeat(i % 7)}`,
  met: i % 3 ? [{ forumId: 'f1', sessionId: i % 2 ? null : 's1' }] : [],
});

const workspace = (n: number): Doc => ({
  settings: { language: 'id', csvMappings: {} },
  contacts: Array.from({ length: n }, (_, i) => person(i)),
});

describe('DocumentEncoding (large documents encoded a slice at a time)', () => {
  it('writes the very bytes of encodeDocument, whatever the values', async () => {
    const odd = {
      a: undefined,
      b: [undefined, () => 1, Number.NaN, -0, 1e21, null, { toJSON: () => 'seen' }],
      c: new Date(Date.UTC(2017, 8, 14)),
      d: { nested: { deeper: { deepest: [1, { e: undefined, f: 'g' }] } } },
      '\u0000key"': 'emoji 🙂 and lone \ud800',
      h: [],
      i: {},
    };
    for (const data of [workspace(5_000), odd, [], 'text', 42, null]) {
      const parts = await new DocumentEncoding(data).run(1);
      expect(Buffer.concat(parts).equals(encodeDocument(data))).toBe(true);
    }
  });

  it('gives the event loop turns while it encodes a large document', async () => {
    const data = workspace(60_000);
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const parts = await new DocumentEncoding(data).run(2);
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(3);
    expect((decodeDocument(Buffer.concat(parts)) as Doc).contacts).toHaveLength(60_000);
  });

  it('stores the state before an edit made mid-write, never a mix, and then the edit', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'workspace.json');
      const adapter = new DocumentFile<Doc>(path, 'workspace', new Backups(dir));
      const doc = new StoreDocument(adapter, workspace(60_000), { debounceMs: 1 });
      doc.update(() => undefined);
      const written: Doc[] = [];
      const write = adapter.file.write.bind(adapter.file);
      adapter.file.write = async (content) => {
        await write(content);
        written.push(decodeDocument(await readFile(path)) as Doc);
      };
      // While the first write is encoding (after its first slice), rename everyone and
      // remove half of the list.
      const run = DocumentEncoding.prototype.run;
      let edited = false;
      const spy = vi.spyOn(DocumentEncoding.prototype, 'run').mockImplementation(function (
        this: DocumentEncoding,
        sliceMs,
      ) {
        if (!edited) {
          edited = true;
          setImmediate(() =>
            doc.update((d) => {
              for (const c of d.contacts) c.name = 'renamed';
              d.contacts.splice(0, 30_000);
            }),
          );
        }
        return run.call(this, sliceMs);
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      await doc.flush();
      spy.mockRestore();
      expect(edited).toBe(true);
      expect(written.length).toBeGreaterThanOrEqual(2);
      const [first] = written;
      // The first file is wholly before the edit: all 60,000, none renamed.
      expect(first?.contacts).toHaveLength(60_000);
      expect(first?.contacts.filter((c) => c.name === 'renamed')).toHaveLength(0);
      const last = written.at(-1);
      expect(last?.contacts).toHaveLength(30_000);
      expect(last?.contacts.every((c) => c.name === 'renamed')).toBe(true);
    });
  });
});
