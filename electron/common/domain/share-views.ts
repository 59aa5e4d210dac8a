/**
 * What the page is told about sharing a forum with the delegation (issue 18): whether it is
 * shared, the file *Send to a colleague* saves, and what a *Receive* brought in.
 */

export interface ShareStatus {
  forumId: string;
  /** The forum has an Automerge document and travels with the delegation. */
  shared: boolean;
}

/** One note that came in or changed, with who wrote it as the note records it. */
export interface ShareNoteChange {
  id: string;
  author: string;
  preview: string;
}

/** What a merge brought in (the host's `MergeSummary`). */
export interface ShareSummary {
  changed: boolean;
  notesAdded: ShareNoteChange[];
  notesChanged: ShareNoteChange[];
  clausesChanged: { id: string; number: string }[];
  commitmentsChanged: { id: string; statement: string }[];
  sessionsChanged: number;
}

export interface ShareReceived {
  forumId: string;
  forumName: { id: string; en: string };
  sentBy: string;
  sentAt: string;
  /** The forum was not in this workspace before: it was added. */
  added: boolean;
  summary: ShareSummary;
}
