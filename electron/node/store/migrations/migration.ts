export type DocumentKind = 'workspace' | 'forum';

export type RawDocument = Record<string, unknown>;

/** One numbered step: takes a document at `version - 1` to `version`. Never edit a shipped one. */
export interface Migration {
  kind: DocumentKind;
  version: number;
  up(doc: RawDocument): RawDocument;
}
