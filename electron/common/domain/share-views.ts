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

/** A member's laptop connected to this host. */
export interface LanPeerView {
  fingerprint: string;
  name: string;
  remoteAddress: string;
}

/** *Host this delegation* and *Join*: what the Share tab shows about the local network. */
export type LanStatus =
  | { mode: 'off' }
  | {
      mode: 'hosting';
      /** As typed by the others, e.g. 192.168.1.20:47800. */
      address: string;
      /** Eight digits, shown as 1234-5678. */
      code: string;
      fingerprint: string;
      /** The QR code's text (address, fingerprint and code) and its picture as SVG. */
      invitation: string;
      qrSvg: string;
      peers: LanPeerView[];
    }
  | {
      mode: 'joined';
      address: string;
      state: 'connecting' | 'connected' | 'waiting' | 'refused' | 'closed';
      hostName: string;
      /** Why the host refused (`wrong-code`, `not-paired`…), or the network error. */
      reason: string;
    };
