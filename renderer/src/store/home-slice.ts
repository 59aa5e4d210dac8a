import type { StateCreator } from 'zustand';
import type {
  CommitmentView,
  ForumDetail,
  ForumSummary,
  NoteSummary,
} from '../../../electron/common/domain/notebook-views';
import type { ApiClient } from '../api/api-client';
import type { AppState } from './app-store';

/** A note as Home lists it: with the forum it belongs to. */
export interface HomeNote extends NoteSummary {
  forumId: string;
}

/** What Home shows once the workspace has data, gathered from the host in one go. */
export interface Dashboard {
  /** The forum happening now, else the next one, else the latest; with its sessions. */
  current: ForumDetail | null;
  /** Overdue and due within 30 days, across forums, soonest first. */
  commitments: CommitmentView[];
  /** Notes with one language still empty, newest first. */
  toTranslate: HomeNote[];
  /** The notes written last, across forums. */
  recent: HomeNote[];
}

export interface HomeSlice {
  dashboard: Dashboard | null;
  loadDashboard(): Promise<void>;
}

const LISTED = 5;

/** Forums happening now first, then the next to come, then the most recent. */
export function currentForum(forums: ForumSummary[], today: string): ForumSummary | undefined {
  const live = forums.filter((f) => !f.deletedAt);
  const end = (f: ForumSummary) => f.endDate ?? f.startDate ?? '';
  const now = live.find((f) => f.startDate && f.startDate <= today && today <= end(f));
  const next = live
    .filter((f) => f.startDate && f.startDate > today)
    .sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? ''))[0];
  const latest = [...live].sort((a, b) => end(b).localeCompare(end(a)))[0];
  return now ?? next ?? latest;
}

export const createHomeSlice =
  (api: ApiClient): StateCreator<AppState, [], [], HomeSlice> =>
  (set, get) => ({
    dashboard: null,
    async loadDashboard() {
      // What is still on its way is sent first, so Home lists the notes as they are.
      await get().flushNote();
      const forums = (await api.call('forums.list', {})).filter((f) => !f.deletedAt);
      const today = new Date().toISOString().slice(0, 10);
      const chosen = currentForum(forums, today);
      const [current, commitments, ...lists] = await Promise.all([
        chosen ? api.call('forums.get', { forumId: chosen.id }) : Promise.resolve(null),
        api.call('commitments.list', { forumId: null }),
        ...forums.map((f) => api.call('notes.list', { forumId: f.id })),
      ]);
      const notes: HomeNote[] = lists
        .flatMap((list, i) => list.map((n) => ({ ...n, forumId: forums[i]?.id ?? '' })))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      set({
        forums,
        dashboard: {
          current,
          commitments: commitments
            .filter((c) => c.overdue || c.dueSoon)
            .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '')),
          toTranslate: notes
            .filter((n) => n.translation === 'missing-id' || n.translation === 'missing-en')
            .slice(0, LISTED),
          recent: notes.filter((n) => n.translation !== 'empty').slice(0, LISTED),
        },
      });
    },
  });
