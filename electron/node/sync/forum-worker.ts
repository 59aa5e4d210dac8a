import { parentPort } from 'node:worker_threads';
import * as A from '@automerge/automerge';
import { fieldConflicts } from './field-conflicts';
import { applyRecordChanges, sameHeads, viewFromDoc } from './forum-automerge';
import type { ForumDoc } from './forum-automerge';
import type { WorkerReply, WorkerRequest } from './document-worker';

/**
 * The thread that owns shared forums' Automerge documents while this laptop only types into
 * them (see `DocumentWorker`). Loading a forum of thousands of notes takes Automerge seconds
 * of CPU; here they pass without holding the thread that answers the page and saves. It
 * touches no file: the host reads and writes every byte (sealed, fsynced) and sends plain
 * bytes and record changes here.
 */

const docs = new Map<string, ForumDoc>();

function handle(request: WorkerRequest): WorkerReply {
  if (request.op === 'open') {
    let doc = request.snapshot ? A.load<ForumDoc>(request.snapshot) : (A.init() as ForumDoc);
    for (const change of request.changes) doc = A.loadIncremental(doc, change);
    // The bytes must stand where the view says; anything else is left to the host's own
    // careful path (it rebuilds the view and tells the user).
    if (!sameHeads(request.marked, A.getHeads(doc))) return { ok: true, mismatch: true };
    docs.set(request.forumId, doc);
    return { ok: true, base: JSON.stringify(viewFromDoc(doc, {})) };
  }
  if (request.op === 'drop') {
    docs.delete(request.forumId);
    return { ok: true };
  }
  const doc = docs.get(request.forumId);
  if (!doc) throw new Error(`the document of ${request.forumId} is not loaded here`);
  if (request.op === 'apply') {
    const next = applyRecordChanges(doc, request.changes);
    docs.set(request.forumId, next);
    const heads = A.getHeads(next);
    const bytes = sameHeads(request.since, heads)
      ? new Uint8Array(0)
      : A.saveSince(next, request.since);
    return { ok: true, heads, bytes };
  }
  if (request.op === 'save') return { ok: true, heads: A.getHeads(doc), bytes: A.save(doc) };
  return { ok: true, conflicts: fieldConflicts(doc) };
}

parentPort?.on('message', (message: { id: number; request: WorkerRequest }) => {
  let reply: WorkerReply;
  try {
    reply = handle(message.request);
  } catch (error) {
    reply = { ok: false, message: String(error) };
  }
  parentPort?.postMessage({ id: message.id, reply });
});
