import type { StateCreator } from 'zustand';
import type { Forum, Session } from '../../../electron/common/domain/forum-schema';
import type {
  ForumCreate,
  ForumPatch,
  ProfilePatch,
  SessionInput,
  SessionPatch,
} from '../../../electron/common/domain/notebook-schema';
import type {
  FieldConflict,
  ForumDetail,
  ForumSummary,
  TrashEntry,
} from '../../../electron/common/domain/notebook-views';
import type { DelegationProfile } from '../../../electron/common/domain/workspace-schema';
import type { ApiClient } from '../api/api-client';
import type { AppState } from './app-store';

export interface ForumsSlice {
  profile: DelegationProfile | null;
  forums: ForumSummary[];
  forum: ForumDetail | null;
  loadProfile(): Promise<void>;
  saveProfile(patch: ProfilePatch): Promise<void>;
  loadForums(): Promise<void>;
  createForum(input: ForumCreate): Promise<Forum>;
  updateForum(forumId: string, patch: ForumPatch): Promise<void>;
  setForumDeleted(forumId: string, deleted: boolean): Promise<void>;
  openExample(): Promise<void>;
  loadForum(forumId: string): Promise<void>;
  /**
   * Chooses one of the values two members set (see `FieldConflict`); the pages reload.
   * `forumId` when the page is not the forum's (all forums' commitments).
   */
  resolveConflict(conflict: FieldConflict, value: string | null, forumId?: string): Promise<void>;
  /** A forum's sessions, for a picker outside the forum (a contact met at one of them). */
  forumSessions(forumId: string): Promise<Session[]>;
  createSession(input: SessionInput): Promise<Session>;
  updateSession(id: string, patch: SessionPatch): Promise<void>;
  deleteSession(id: string): Promise<void>;
  moveSession(id: string, direction: -1 | 1): Promise<void>;
  trash: TrashEntry[] | null;
  loadTrash(): Promise<void>;
}

export const createForumsSlice =
  (api: ApiClient): StateCreator<AppState, [], [], ForumsSlice> =>
  (set, get) => {
    const currentId = () => {
      const id = get().forum?.forum.id;
      if (!id) throw new Error('no forum is open');
      return id;
    };
    const refreshForum = async () => {
      const forumId = currentId();
      const [forum, forums] = await Promise.all([
        api.call('forums.get', { forumId }),
        api.call('forums.list', {}),
      ]);
      set({ forum, forums });
    };
    return {
      profile: null,
      forums: [],
      forum: null,
      trash: null,
      async forumSessions(forumId) {
        return (await api.call('forums.get', { forumId })).sessions.filter((s) => !s.deletedAt);
      },
      async loadTrash() {
        set({ trash: await api.call('trash.list', {}) });
      },
      // The letterhead and members are edited in the same profile: what is still on its
      // way to the host is sent first, so the profile read back includes it.
      async loadProfile() {
        await get().flushReport();
        set({ profile: await api.call('profile.get', {}) });
      },
      async saveProfile(patch) {
        await get().flushReport();
        set({ profile: await api.call('profile.update', patch) });
      },
      async loadForums() {
        set({ forums: await api.call('forums.list', {}) });
      },
      async createForum(input) {
        const forum = await api.call('forums.create', input);
        await get().loadForums();
        get().navigate({ name: 'forum', forumId: forum.id, section: 'agenda' });
        return forum;
      },
      async updateForum(forumId, patch) {
        await api.call('forums.update', { forumId, patch });
        if (get().forum?.forum.id === forumId) await refreshForum();
        else await get().loadForums();
      },
      async setForumDeleted(forumId, deleted) {
        await api.call(deleted ? 'forums.delete' : 'forums.restore', { forumId });
        await get().loadForums();
        // Off the forum's pages only if the delegate is still on them: one who went on to
        // another page while the host answered stays there.
        const route = get().route;
        if (deleted && route.name === 'forum' && route.forumId === forumId)
          get().navigate({ name: 'home' });
        if (deleted) get().offerRestore({ kind: 'forum', forumId, id: forumId });
      },
      async openExample() {
        const forums = await api.call('demo.create', {});
        set({ forums });
        await get().loadProfile();
      },
      async loadForum(forumId) {
        const forum = await api.call('forums.get', { forumId });
        set({ forum });
      },
      async resolveConflict(conflict, value, inForum) {
        const forumId = inForum ?? currentId();
        const { kind, id, field } = conflict;
        const forum = await api.call('conflicts.resolve', { forumId, kind, id, field, value });
        // Another forum's details (chosen from all forums' commitments) do not replace these.
        if (!inForum || get().forum?.forum.id === forumId) set({ forum });
        if (kind === 'clause') await get().loadAgreement(forumId);
        const scope = get().commitmentsScope;
        if (kind === 'commitment')
          await get().loadCommitments(scope === undefined ? forumId : scope);
      },
      async createSession(input) {
        const session = await api.call('sessions.create', { forumId: currentId(), session: input });
        await refreshForum();
        return session;
      },
      async updateSession(id, patch) {
        await api.call('sessions.update', { forumId: currentId(), id, patch });
        await refreshForum();
      },
      async deleteSession(id) {
        const forumId = currentId();
        await api.call('sessions.delete', { forumId, id });
        await refreshForum();
        get().offerRestore({ kind: 'session', forumId, id });
      },
      async moveSession(id, direction) {
        // Swap with the neighbour on the same day, as the agenda shows them.
        const sessions = get().forum?.sessions ?? [];
        const ids = sessions.map((s) => s.id);
        const day = (s?: Session) => s?.start?.slice(0, 10) ?? '';
        const from = ids.indexOf(id);
        let to = from + direction;
        while (to >= 0 && to < ids.length && day(sessions[to]) !== day(sessions[from]))
          to += direction;
        if (from < 0 || to < 0 || to >= ids.length) return;
        [ids[from], ids[to]] = [ids[to] as string, ids[from] as string];
        await api.call('sessions.reorder', { forumId: currentId(), ids });
        await refreshForum();
      },
    };
  };
