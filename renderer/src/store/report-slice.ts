import type { StateCreator } from 'zustand';
import type { ReportDetails } from '../../../electron/common/domain/forum-schema';
import type {
  LetterheadInput,
  MemberInput,
  ReportPatch,
} from '../../../electron/common/domain/report-input-schema';
import { reportTextFields } from '../../../electron/common/domain/vocabulary';
import type {
  DelegationProfile,
  Letterhead,
} from '../../../electron/common/domain/workspace-schema';
import { ApiError } from '../api/api-client';
import type { ApiClient } from '../api/api-client';
import type { AppState } from './app-store';
import { Autosaver } from './autosave';

/** The report details the editor changes: every field the contract lets a patch carry. */
export type ReportField = keyof Required<ReportPatch>;

export interface ReportSlice {
  report: ReportDetails | null;
  reportForumId: string | null;
  loadReport(forumId: string): Promise<void>;
  /** Changes the report at once on screen; the store gets it within AUTOSAVE_MS. */
  editReport(patch: Partial<Pick<ReportDetails, ReportField>>): void;
  flushReport(): Promise<void>;
  /** Fills each empty side of each text from the drafts; returns how many were filled. */
  fillReportDrafts(): Promise<number>;
  saveMember(member: MemberInput): Promise<void>;
  /** Rejects with `member-in-use` (an ApiError) unless `detach`: the caller asks first. */
  removeMember(id: string, detach: boolean): Promise<void>;
  moveMember(id: string, direction: -1 | 1): Promise<void>;
  /** Changes the letterhead at once on screen; saved like the report, within AUTOSAVE_MS. */
  editLetterhead(letterhead: LetterheadInput): void;
}

/**
 * The same way notes save (notes-slice, autosave): edits show at once, are gathered for
 * AUTOSAVE_MS (never more than AUTOSAVE_MAX_WAIT_MS after the first), then sent one request
 * at a time, and sent at once when the page goes away; a request that fails puts its fields
 * back in line, so the next edit (or leaving the page) sends them again, and the save
 * indicator says it failed.
 */
function gathered(send: () => Promise<void>, onPending: (pending: boolean) => void) {
  // The fields to send are read when it is their turn, so the patch itself carries nothing.
  const saver = new Autosaver<true>({ send, merge: () => true, onPending });
  return {
    schedule: () => saver.edit(true),
    flush: () => saver.flush(),
  };
}

export const createReportSlice =
  (api: ApiClient): StateCreator<AppState, [], [], ReportSlice> =>
  (set, get) => {
    const failed = (error: unknown) =>
      get().applySaveStatus({
        ...get().saveStatus,
        state: 'failed',
        error: error instanceof ApiError ? error.payload : { code: 'internal', params: {} },
      });

    const pendingFields = new Set<ReportField>();
    const report = gathered(
      async () => {
        const current = get().report;
        const forumId = get().reportForumId;
        if (!current || !forumId || pendingFields.size === 0) return;
        const fields = [...pendingFields];
        pendingFields.clear();
        const patch = Object.fromEntries(fields.map((f) => [f, current[f]])) as ReportPatch;
        try {
          await api.call('report.update', { forumId, patch });
        } catch (error) {
          for (const field of fields) pendingFields.add(field);
          failed(error);
          throw error; // the autosaver keeps it in line and tries again after a pause
        }
      },
      (pending) => get().setUnsent('report', pending),
    );

    let letterheadPending = false;
    const letterhead = gathered(
      async () => {
        const current = get().profile?.letterhead;
        if (!current || !letterheadPending) return;
        letterheadPending = false;
        try {
          await api.call('letterhead.update', { letterhead: letterheadInput(current) });
        } catch (error) {
          letterheadPending = true;
          failed(error);
          throw error;
        }
      },
      (pending) => get().setUnsent('letterhead', pending),
    );

    /** Takes the members from the host; what the profile form shows is left alone. */
    const applyMembers = (profile: DelegationProfile) =>
      set((state) => ({
        profile: state.profile ? { ...state.profile, members: profile.members } : profile,
      }));

    return {
      report: null,
      reportForumId: null,
      async loadReport(forumId) {
        await report.flush();
        const [details, profile] = await Promise.all([
          api.call('report.get', { forumId }),
          api.call('profile.get', {}),
        ]);
        applyMembers(profile);
        set({ report: details, reportForumId: forumId });
      },
      editReport(patch) {
        const current = get().report;
        if (!current) return;
        for (const field of Object.keys(patch) as ReportField[]) pendingFields.add(field);
        set({ report: { ...current, ...patch } });
        report.schedule();
      },
      async flushReport() {
        await Promise.all([report.flush(), letterhead.flush()]);
      },
      async fillReportDrafts() {
        const forumId = get().reportForumId;
        if (!forumId) return 0;
        const drafts = await api.call('report.draft', { forumId });
        // Read after the drafts arrive: whatever was typed meanwhile is kept.
        const current = get().report;
        if (!current || get().reportForumId !== forumId) return 0;
        const patch: Partial<Pick<ReportDetails, ReportField>> = {};
        let filled = 0;
        for (const field of reportTextFields) {
          const text = { ...current[field] };
          for (const side of ['id', 'en'] as const) {
            const draft = drafts[field][side].trim();
            if (text[side].trim() === '' && draft !== '') {
              text[side] = draft;
              filled++;
            }
          }
          if (text.id !== current[field].id || text.en !== current[field].en) patch[field] = text;
        }
        if (filled > 0) {
          get().editReport(patch);
          await report.flush();
        }
        return filled;
      },
      async saveMember(member) {
        applyMembers(await api.call('members.save', { member }));
      },
      async removeMember(id, detach) {
        await report.flush();
        applyMembers(await api.call('members.remove', { id, detach }));
        // The host may have taken the member out of this forum's report too.
        const forumId = get().reportForumId;
        if (detach && forumId) set({ report: await api.call('report.get', { forumId }) });
      },
      async moveMember(id, direction) {
        applyMembers(await api.call('members.move', { id, direction }));
      },
      editLetterhead(next) {
        const profile = get().profile;
        if (!profile) return;
        letterheadPending = true;
        set({ profile: { ...profile, letterhead: { ...profile.letterhead, ...next } } });
        letterhead.schedule();
      },
    };
  };

function letterheadInput(letterhead: Letterhead): LetterheadInput {
  return {
    lines: letterhead.lines.map((l) => ({ id: l.id, en: l.en })),
    address: { id: letterhead.address.id, en: letterhead.address.en },
    logo: letterhead.logo,
  };
}
