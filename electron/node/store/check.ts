import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { forumDocumentSchema } from '../../common/domain/forum-schema';
import type { ForumDocument } from '../../common/domain/forum-schema';
import { workspaceDocumentSchema } from '../../common/domain/workspace-schema';
import type { WorkspaceDocument } from '../../common/domain/workspace-schema';
import { plainSealer } from './crypto';
import type { DocumentSealer } from './crypto';
import { CorruptDocumentError } from './document-codec';
import { readDocumentText } from './document-loader';
import { errnoCode } from './durable-file';
import type { DocumentKind } from './migrations';
import { FORUMS_DIR, WORKSPACE_FILE, forumFilesIn } from './workspace';

export type CheckCode =
  | 'unreadable'
  | 'missing-forum-file'
  | 'orphan-forum-file'
  | 'forum-id-mismatch'
  | 'duplicate-id'
  | 'dangling-reference';

export interface CheckProblem {
  file: string;
  severity: 'error' | 'warning';
  code: CheckCode;
  params: Record<string, string>;
}

export interface CheckReport {
  documents: number;
  problems: CheckProblem[];
}

/**
 * Reads every document of a workspace without changing anything (it may run while the app
 * has the workspace open) and reports what does not parse, match the schema, or point at
 * records that exist.
 */
export async function checkWorkspace(
  dir: string,
  sealer: DocumentSealer = plainSealer,
): Promise<CheckReport> {
  const problems: CheckProblem[] = [];
  const report = (
    file: string,
    code: CheckCode,
    params: Record<string, string> = {},
    severity: CheckProblem['severity'] = 'error',
  ) => problems.push({ file, severity, code, params });

  const root = await readChecked<WorkspaceDocument>(
    dir,
    WORKSPACE_FILE,
    'workspace',
    report,
    sealer,
  );
  const forumFiles = await forumFilesIn(dir);
  let documents = root ? 1 : 0;
  const forums = new Map<string, ForumDocument>();
  for (const name of forumFiles) {
    const file = join(FORUMS_DIR, name);
    const doc = await readChecked<ForumDocument>(dir, file, 'forum', report, sealer);
    if (!doc) continue;
    documents++;
    const id = name.replace(/\.json$/, '');
    if (doc.forum.id !== id) report(file, 'forum-id-mismatch', { id: doc.forum.id });
    forums.set(id, doc);
    checkForum(file, doc, report);
  }
  if (root) {
    const indexed = new Set(root.forums.map((f) => f.id));
    for (const entry of root.forums) {
      if (!forumFiles.includes(`${entry.id}.json`)) {
        report(WORKSPACE_FILE, 'missing-forum-file', {
          id: entry.id,
          name: entry.name.en || entry.name.id,
        });
      }
    }
    for (const name of forumFiles) {
      const id = name.replace(/\.json$/, '');
      if (!indexed.has(id)) report(join(FORUMS_DIR, name), 'orphan-forum-file', { id }, 'warning');
    }
    duplicates(WORKSPACE_FILE, 'forums', root.forums, report);
    duplicates(WORKSPACE_FILE, 'contacts', root.contacts, report);
    const contacts = new Set(root.contacts.map((c) => c.id));
    for (const contact of root.contacts) {
      for (const met of contact.met) {
        const forum = forums.get(met.forumId);
        if (!indexed.has(met.forumId)) {
          report(WORKSPACE_FILE, 'dangling-reference', {
            from: `contact ${contact.id}`,
            to: `forum ${met.forumId}`,
          });
        } else if (met.sessionId && forum && !forum.sessions.some((s) => s.id === met.sessionId)) {
          report(WORKSPACE_FILE, 'dangling-reference', {
            from: `contact ${contact.id}`,
            to: `session ${met.sessionId}`,
          });
        }
      }
    }
    for (const [id, forum] of forums) {
      for (const commitment of forum.commitments) {
        const contactId = commitment.responsible.contactId;
        if (contactId && !contacts.has(contactId)) {
          report(join(FORUMS_DIR, `${id}.json`), 'dangling-reference', {
            from: `commitment ${commitment.id}`,
            to: `contact ${contactId}`,
          });
        }
      }
    }
  }
  return { documents, problems };
}

type Report = (file: string, code: CheckCode, params?: Record<string, string>) => void;

async function readChecked<T>(
  dir: string,
  file: string,
  kind: DocumentKind,
  report: Report,
  sealer: DocumentSealer,
): Promise<T | null> {
  let text: Buffer;
  try {
    text = await readFile(join(dir, file));
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' && file === WORKSPACE_FILE) return null;
    report(file, 'unreadable', { reason: errnoCode(error) ?? String(error) });
    return null;
  }
  const schema = kind === 'workspace' ? workspaceDocumentSchema : forumDocumentSchema;
  try {
    const name =
      kind === 'workspace' ? 'workspace' : `forum-${file.replace(/^.*[\\/]|\.json$/g, '')}`;
    return readDocumentText(sealer.open(text, name), kind, schema).data as T;
  } catch (error) {
    const reason =
      error instanceof CorruptDocumentError ? `${error.reason}: ${error.message}` : String(error);
    report(file, 'unreadable', { reason });
    return null;
  }
}

function checkForum(file: string, doc: ForumDocument, report: Report): void {
  for (const [name, list] of Object.entries({
    sessions: doc.sessions,
    notes: doc.notes,
    clauseDocuments: doc.clauseDocuments,
    clauses: doc.clauses,
    commitments: doc.commitments,
  })) {
    duplicates(file, name, list, report);
  }
  const sessions = new Set(doc.sessions.map((s) => s.id));
  const clauseDocuments = new Set(doc.clauseDocuments.map((d) => d.id));
  const clauses = new Set(doc.clauses.map((c) => c.id));
  const dangling = (from: string, to: string) => report(file, 'dangling-reference', { from, to });
  for (const note of doc.notes) {
    if (note.sessionId && !sessions.has(note.sessionId))
      dangling(`note ${note.id}`, `session ${note.sessionId}`);
  }
  for (const clause of doc.clauses) {
    if (!clauseDocuments.has(clause.documentId))
      dangling(`clause ${clause.id}`, `document ${clause.documentId}`);
    if (clause.parentId && !clauses.has(clause.parentId))
      dangling(`clause ${clause.id}`, `clause ${clause.parentId}`);
  }
  for (const commitment of doc.commitments) {
    for (const clauseId of commitment.clauseIds) {
      if (!clauses.has(clauseId)) dangling(`commitment ${commitment.id}`, `clause ${clauseId}`);
    }
  }
}

function duplicates(
  file: string,
  collection: string,
  list: { id: string }[],
  report: Report,
): void {
  const seen = new Set<string>();
  for (const { id } of list) {
    if (seen.has(id)) report(file, 'duplicate-id', { collection, id });
    seen.add(id);
  }
}
