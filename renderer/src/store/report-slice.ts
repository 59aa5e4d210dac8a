import type { StateCreator } from 'zustand';
import type { ReportDetails, ReportVersion } from '../../../electron/common/domain/forum-schema';
import type {
  LetterheadInput,
  MemberInput,
  ReportBase,
  ReportPatch,
} from '../../../electron/common/domain/report-input-schema';
import { reportTextFields } from '../../../electron/common/domain/vocabulary';
import type { ReportTextField } from '../../../electron/common/domain/vocabulary';
import type { ReportUpdated } from '../../../electron/common/domain/notebook-views';
import type {
  DelegationProfile,
  Letterhead,
} from '../../../electron/common/domain/workspace-schema';
import type { ApiClient } from '../api/api-client';
import type { AppState } from './app-store';
import { Autosaver } from './autosave';

/** The report details the editor changes: every field the contract lets a patch carry. */
export type ReportField = keyof Required<ReportPatch>;
type ReportEdit = Partial<Pick<ReportDetails, ReportField>>;

export interface ReportSlice {
  report: ReportDetails | null;
  reportForumId: string | null;
  loadReport(forumId: string): Promise<void>;
  /** Changes the report at once on screen; the host gets it as notes do (autosave.ts). */
  editReport(patch: ReportEdit): void;
  flushReport(): Promise<void>;
  /**
   * Something came in from a colleague: the report is read again, unless what the delegate
   * typed is on its way (its answer brings the merged text then).
   */
  refreshReport(): Promise<void>;
  /** The narrative's earlier texts (a colleague's replaced at a merge, ...), newest first. */
  reportHistory: ReportVersion[];
  /** Puts an earlier narrative text back; the one it replaces goes into the history. */
  restoreReportVersion(versionId: string): Promise<void>;
  /** Fills each empty side of each text from the drafts; returns how many were filled. */
  fillReportDrafts(): Promise<number>;
  saveMember(member: MemberInput): Promise<void>;
  /** Rejects with `member-in-use` (an ApiError) unless `detach`: the caller asks first. */
  removeMember(id: string, detach: boolean): Promise<void>;
  moveMember(id: string, direction: -1 | 1): Promise<void>;
  /** Changes the letterhead at once on screen; saved like the report. */
  editLetterhead(letterhead: LetterheadInput): void;
}

export const createReportSlice =
  (api: ApiClient): StateCreator<AppState, [], [], ReportSlice> =>
  (set, get) => {
    // One autosaver per forum, as notes have one per note: a patch belongs to its report.
    const savers = new Map<string, Autosaver<ReportPatch>>();
    /**
     * Each report's narrative as the host last had it, as far as this page knows: what is
     * typed is typed on it, and it goes with each patch (see the notes' `known`).
     */
    const known = new Map<string, Partial<Narrative>>();
    let edits = 0;
    const send = async (forumId: string, patch: ReportPatch) => {
      const was = known.get(forumId);
      const sent = was ? { ...was, ...narrativeOf(patch) } : undefined;
      if (sent) known.set(forumId, sent);
      let saved: ReportUpdated;
      try {
        saved = await api.call('report.update', {
          forumId,
          patch,
          ...(was ? { base: baseOf(was, patch) } : {}),
        });
      } catch (error) {
        // Not taken: the next try is typed on what the host still has.
        if (was && known.get(forumId) === sent) known.set(forumId, was);
        throw error;
      }
      get().setSendError(null);
      const { replaced, ...report } = saved;
      const still = savers.get(forumId)?.queued ?? {};
      // Fields not typed meanwhile show the host's (merged) text, and are the next base.
      known.set(forumId, {
        ...narrativeOf(report),
        ...pickFields(known.get(forumId) ?? {}, still),
      });
      set((state) =>
        state.reportForumId === forumId && state.report
          ? { report: { ...report, ...pickFields(state.report, still) } }
          : {},
      );
      if (replaced?.length) {
        await loadHistory(forumId);
        get().showToast({ key: 'reportMergedPartly', sticky: true }, async () => {
          const current = get().reportForumId === forumId ? get().report : null;
          if (!current) return;
          const back: ReportEdit = {};
          for (const { field, side, text } of replaced)
            back[field] = { ...(back[field] ?? current[field]), [side]: text };
          get().editReport(back);
          await saverFor(forumId).flush();
        });
      }
    };
    const loadHistory = async (forumId: string) => {
      const history = await api.call('report.history', { forumId });
      if (get().reportForumId === forumId) set({ reportHistory: history });
    };
    const saverFor = (forumId: string) => {
      let saver = savers.get(forumId);
      if (!saver) {
        saver = new Autosaver<ReportPatch>({
          send: (patch) => send(forumId, patch),
          // Each patch holds whole fields: the newer one wins field by field.
          merge: (older, newer) => ({ ...older, ...newer }),
          onPending: (pending) => get().setUnsent(`report:${forumId}`, pending),
          onError: (error) => get().setSendError(error),
        });
        savers.set(forumId, saver);
      }
      return saver;
    };
    const letterhead = new Autosaver<LetterheadInput>({
      send: async (next) => {
        await api.call('letterhead.update', { letterhead: next });
        get().setSendError(null);
      },
      merge: (_older, newer) => newer,
      onPending: (pending) => get().setUnsent('letterhead', pending),
      onError: (error) => get().setSendError(error),
    });
    const flushAll = () =>
      Promise.all([...savers.values(), letterhead].map((s) => s.flush())).then(() => undefined);

    /** Takes the members from the host; what the profile form shows is left alone. */
    const applyMembers = (profile: DelegationProfile) =>
      set((state) => ({
        profile: state.profile ? { ...state.profile, members: profile.members } : profile,
      }));

    return {
      report: null,
      reportForumId: null,
      reportHistory: [],
      async loadReport(forumId) {
        await flushAll();
        const [details, profile] = await Promise.all([
          api.call('report.get', { forumId }),
          api.call('profile.get', {}),
        ]);
        applyMembers(profile);
        known.set(forumId, narrativeOf(details));
        set({ report: details, reportForumId: forumId, reportHistory: [] });
        await loadHistory(forumId);
      },
      async restoreReportVersion(versionId) {
        const forumId = get().reportForumId;
        if (!forumId) return;
        await saverFor(forumId).flush();
        const details = await api.call('report.restoreVersion', { forumId, versionId });
        known.set(forumId, narrativeOf(details));
        if (get().reportForumId === forumId) set({ report: details });
        await loadHistory(forumId);
        get().showToast({ key: 'versionRestored' });
      },
      async refreshReport() {
        const forumId = get().reportForumId;
        if (!forumId || savers.get(forumId)?.pending) return;
        const editsBefore = edits;
        const details = await api.call('report.get', { forumId });
        if (get().reportForumId !== forumId || edits !== editsBefore) return;
        if (savers.get(forumId)?.pending) return;
        known.set(forumId, narrativeOf(details));
        set({ report: details });
      },
      editReport(patch) {
        const current = get().report;
        const forumId = get().reportForumId;
        if (!current || !forumId) return;
        edits++;
        set({ report: { ...current, ...patch } });
        saverFor(forumId).edit(patch as ReportPatch);
      },
      flushReport: flushAll,
      async fillReportDrafts() {
        const forumId = get().reportForumId;
        if (!forumId) return 0;
        const drafts = await api.call('report.draft', { forumId });
        // Read after the drafts arrive: whatever was typed meanwhile is kept.
        const current = get().report;
        if (!current || get().reportForumId !== forumId) return 0;
        const patch: ReportEdit = {};
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
          await saverFor(forumId).flush();
        }
        return filled;
      },
      async saveMember(member) {
        applyMembers(await api.call('members.save', { member }));
      },
      async removeMember(id, detach) {
        await flushAll();
        applyMembers(await api.call('members.remove', { id, detach }));
        // The host may have taken the member out of this forum's report too.
        const forumId = get().reportForumId;
        if (detach && forumId) {
          const details = await api.call('report.get', { forumId });
          known.set(forumId, narrativeOf(details));
          set({ report: details });
        }
      },
      async moveMember(id, direction) {
        applyMembers(await api.call('members.move', { id, direction }));
      },
      editLetterhead(next) {
        const profile = get().profile;
        if (!profile) return;
        const merged = { ...profile.letterhead, ...next };
        set({ profile: { ...profile, letterhead: merged } });
        letterhead.edit(letterheadInput(merged));
      },
    };
  };

type Narrative = Pick<ReportDetails, ReportTextField>;

function narrativeOf(from: Partial<Narrative>): Partial<Narrative> {
  return pickFields(from, from);
}

/** The narrative fields of `from` that `fields` holds. */
function pickFields(from: Partial<Narrative>, fields: object): Partial<Narrative> {
  const picked: Partial<Narrative> = {};
  for (const field of reportTextFields) {
    const value = from[field];
    if (field in fields && value) picked[field] = value;
  }
  return picked;
}

/** What each narrative field in `patch` was typed on, as the contract takes it. */
function baseOf(was: Partial<Narrative>, patch: object): ReportBase {
  const base: ReportBase = {};
  for (const [field, value] of Object.entries(pickFields(was, patch)) as [
    ReportTextField,
    Narrative[ReportTextField],
  ][])
    base[field] = { id: value.id, en: value.en };
  return base;
}

function letterheadInput(letterhead: Letterhead): LetterheadInput {
  return {
    lines: letterhead.lines.map((l) => ({ id: l.id, en: l.en })),
    address: { id: letterhead.address.id, en: letterhead.address.en },
    logo: letterhead.logo,
  };
}
