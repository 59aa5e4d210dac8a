import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { documentCounter } from './crypto';
import type { DocumentSealer } from './crypto';
import { DurableTextFile, nodeFs } from './durable-file';
import type { DurableFs } from './durable-file';

/**
 * The write counter each sealed document had when the workspace was last closed, sealed
 * under the data key like a document (so it cannot be edited to hide a rollback). A
 * document found below its remembered counter is an older copy put back in its place.
 */
export const COUNTERS_FILE = 'risalah.counters';
const NAME = 'counters';
const countersSchema = z.record(z.string(), z.number().int().min(0));

/** The remembered counters; none for a plain workspace, or when the file is missing or damaged. */
export async function readRemembered(
  dir: string,
  sealer: DocumentSealer,
  fs: DurableFs = nodeFs,
): Promise<Map<string, number>> {
  if (!sealer.encrypted) return new Map();
  try {
    const bytes = await new DurableTextFile(join(dir, COUNTERS_FILE), fs).read();
    if (!bytes) return new Map();
    const parsed = countersSchema.parse(JSON.parse(sealer.open(bytes, NAME).toString('utf8')));
    return new Map(Object.entries(parsed));
  } catch {
    // A damaged file only costs the detection until the next close.
    return new Map();
  }
}

/** Records the counters the documents have on disk now (after the last flush). */
export async function rememberCounters(
  dir: string,
  sealer: DocumentSealer,
  documents: { name: string; path: string }[],
  fs: DurableFs = nodeFs,
): Promise<void> {
  if (!sealer.encrypted) return;
  const counters: Record<string, number> = {};
  for (const { name, path } of documents) {
    const counter = documentCounter(await head(path));
    if (counter !== null) counters[name] = counter;
  }
  const plain = Buffer.from(JSON.stringify(counters), 'utf8');
  await new DurableTextFile(join(dir, COUNTERS_FILE), fs).write(sealer.seal(plain, NAME));
}

/** The first bytes of a file: magic and counter, without reading a large forum whole. */
async function head(path: string): Promise<Buffer> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return Buffer.alloc(0);
  try {
    const buffer = Buffer.alloc(16);
    const { bytesRead } = await handle.read(buffer, 0, 16, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
