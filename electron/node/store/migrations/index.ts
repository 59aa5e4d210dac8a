import { FORUM_SCHEMA_VERSION } from '../../../common/domain/forum-schema';
import { WORKSPACE_SCHEMA_VERSION } from '../../../common/domain/workspace-schema';
import { forum0001 } from './forum-0001-initial';
import { forum0002 } from './forum-0002-report-details';
import { forum0003 } from './forum-0003-note-history';
import { forum0004 } from './forum-0004-team';
import type { DocumentKind, Migration, RawDocument } from './migration';
import { workspace0001 } from './workspace-0001-settings';
import { workspace0002 } from './workspace-0002-profile-forums-contacts';
import { workspace0003 } from './workspace-0003-csv-mappings';
import { workspace0004 } from './workspace-0004-members-letterhead';
import { workspace0005 } from './workspace-0005-contact-fidelity';
import { workspace0006 } from './workspace-0006-contact-card-ids';

export type { DocumentKind, RawDocument } from './migration';

const migrations: Record<DocumentKind, Migration[]> = {
  workspace: [
    workspace0001,
    workspace0002,
    workspace0003,
    workspace0004,
    workspace0005,
    workspace0006,
  ],
  forum: [forum0001, forum0002, forum0003, forum0004],
};

export const currentVersion: Record<DocumentKind, number> = {
  workspace: WORKSPACE_SCHEMA_VERSION,
  forum: FORUM_SCHEMA_VERSION,
};

export interface MigrationResult {
  doc: RawDocument;
  from: number;
  to: number;
}

/**
 * Brings a document up to the version this build writes. A document from a newer build is
 * left as it is (its unknown fields are kept by the loose schemas), never downgraded.
 */
export function migrate(kind: DocumentKind, input: RawDocument): MigrationResult {
  const from = typeof input.schemaVersion === 'number' ? input.schemaVersion : 0;
  let doc = input;
  for (const migration of migrations[kind]) {
    if (migration.version > from) doc = { ...migration.up(doc), schemaVersion: migration.version };
  }
  return { doc, from, to: Math.max(from, currentVersion[kind]) };
}

/** Checks at load that the numbered steps are complete and in order. */
export function assertMigrationsOrdered(): void {
  for (const [kind, list] of Object.entries(migrations)) {
    list.forEach((migration, index) => {
      if (migration.version !== index + 1 || migration.kind !== kind) {
        throw new Error(`migration ${kind} #${index + 1} is out of order`);
      }
    });
    if (list.length !== currentVersion[kind as DocumentKind]) {
      throw new Error(
        `${kind} migrations end at ${list.length}, schema is ${currentVersion[kind as DocumentKind]}`,
      );
    }
  }
}
