import type { StateCreator } from 'zustand';
import type {
  ClauseDocumentInput,
  ClauseBase,
  ClausePatch,
  CommitmentInput,
  CommitmentBase,
  CommitmentPatchInput,
  PositionInput,
  SplitItem,
} from '../../../electron/common/domain/agreement-schema';
import type {
  AgreementView,
  CommitmentView,
  SplitApplied,
  SplitPreview,
} from '../../../electron/common/domain/notebook-views';
import type { UiLanguage } from '../../../electron/common/language';
import type { ApiClient } from '../api/api-client';
import type { AppState } from './app-store';

export interface AgreementSlice {
  agreement: AgreementView | null;
  agreementForumId: string | null;
  commitments: CommitmentView[];
  /** Whose commitments are listed: one forum's, or (null) every forum's. */
  commitmentsScope: string | null | undefined;
  loadAgreement(forumId: string): Promise<void>;
  createClauseDocument(input: ClauseDocumentInput): Promise<string>;
  updateClauseDocument(id: string, patch: Partial<ClauseDocumentInput>): Promise<void>;
  deleteClauseDocument(id: string): Promise<void>;
  previewSplit(documentId: string, text: string): Promise<SplitPreview>;
  applySplit(
    documentId: string,
    language: UiLanguage,
    items: SplitItem[],
    replace?: boolean,
  ): Promise<SplitApplied>;
  /** `base`: what the text or reason was typed on, so a colleague's words in it stay. */
  updateClause(id: string, patch: ClausePatch, base?: ClauseBase): Promise<void>;
  setPosition(id: string, position: PositionInput, base?: ClauseBase): Promise<void>;
  recordClauseVersion(id: string, label: string): Promise<void>;
  /** Puts an earlier text back on `sides`; the toast's *Undo* puts back the text it replaced. */
  restoreClauseVersion(id: string, versionId: string, sides: UiLanguage[]): Promise<void>;
  /** The clause whose history is open, if any. */
  clauseHistoryId: string | null;
  openClauseHistory(id: string | null): void;
  moveClause(id: string, direction: -1 | 1): Promise<void>;
  renumberClauses(documentId: string): Promise<void>;
  deleteClause(id: string): Promise<void>;
  loadCommitments(forumId: string | null): Promise<void>;
  createCommitment(forumId: string, input: CommitmentInput): Promise<void>;
  /** `base`: the statement as the form opened on it, when the statement was changed. */
  updateCommitment(
    forumId: string,
    id: string,
    patch: CommitmentPatchInput,
    base?: CommitmentBase,
  ): Promise<void>;
  deleteCommitment(forumId: string, id: string): Promise<void>;
}

export const createAgreementSlice =
  (api: ApiClient): StateCreator<AppState, [], [], AgreementSlice> =>
  (set, get) => {
    // An edit may end a conflict two members left (a new value is written over both).
    const refreshConflicts = async (forumId: string) => {
      if (get().forum?.forum.id === forumId && get().forum?.conflicts?.length)
        await get().loadForum(forumId);
    };
    const forumId = () => {
      const id = get().agreementForumId;
      if (!id) throw new Error('no agreement is open');
      return id;
    };
    /** Every change answers with the affected records; reading the whole view back keeps it simple and exact. */
    const reload = async () => {
      set({ agreement: await api.call('agreement.get', { forumId: forumId() }) });
    };
    const reloadCommitments = async () => {
      const scope = get().commitmentsScope;
      if (scope !== undefined)
        set({ commitments: await api.call('commitments.list', { forumId: scope }) });
    };
    return {
      agreement: null,
      agreementForumId: null,
      clauseHistoryId: null,
      openClauseHistory: (clauseHistoryId) => set({ clauseHistoryId }),
      commitments: [],
      commitmentsScope: undefined,
      async loadAgreement(id) {
        set({ agreement: await api.call('agreement.get', { forumId: id }), agreementForumId: id });
      },
      async createClauseDocument(input) {
        const created = await api.call('clauseDocuments.create', {
          forumId: forumId(),
          document: input,
        });
        await reload();
        return created.id;
      },
      async updateClauseDocument(id, patch) {
        await api.call('clauseDocuments.update', { forumId: forumId(), id, patch });
        await reload();
      },
      async deleteClauseDocument(id) {
        const forum = forumId();
        await api.call('clauseDocuments.delete', { forumId: forum, id });
        await reload();
        get().offerRestore({ kind: 'clauseDocument', forumId: forum, id });
      },
      previewSplit: (documentId, text) =>
        api.call('clauses.preview', { forumId: forumId(), documentId, text }),
      async applySplit(documentId, language, items, replace = false) {
        const forum = forumId();
        const applied = await api.call('clauses.apply', {
          forumId: forum,
          documentId,
          language,
          items,
          replace,
        });
        await reload();
        get().showToast(
          {
            key: 'pasted',
            params: {
              created: applied.created,
              updated: applied.updated,
              replaced: applied.replaced,
            },
          },
          async () => {
            await api.call('clauses.undoApply', { forumId: forum, batch: applied.batch });
            await get().reloadShown();
          },
        );
        return applied;
      },
      async updateClause(id, patch, base) {
        await api.call('clauses.update', {
          forumId: forumId(),
          id,
          patch,
          ...(base ? { base } : {}),
        });
        await reload();
      },
      async setPosition(id, position, base) {
        const forum = forumId();
        const shown = get().agreement?.clauses.find((c) => c.id === id);
        const before = shown?.position?.reason;
        const had = new Set(shown?.versions.map((v) => v.id));
        const clause = await api.call('clauses.position', {
          forumId: forum,
          id,
          position,
          ...(base ? { base } : {}),
        });
        await reload();
        await refreshConflicts(forum);
        // The colleague's reason this one replaced is in the clause's history: say so, and
        // offer it back (the history keeps it after the notice is gone).
        const kept = clause.versions.findLast(
          (v) => v.field === 'reason' && v.kind === 'merge' && v.id && !had.has(v.id),
        );
        if (kept?.id) {
          const versionId = kept.id;
          get().showToast({ key: 'reasonMergedPartly', sticky: true }, () =>
            get().restoreClauseVersion(id, versionId, kept.sides ?? ['id', 'en']),
          );
          return;
        }
        // A reason cleared went to the trash: say so, and offer it back.
        const after = clause.position?.reason;
        const emptied = (['id', 'en'] as const).some((side) => before?.[side] && !after?.[side]);
        if (emptied && clause.clearedReason)
          get().offerRestore({ kind: 'reason', forumId: forum, id });
      },
      async restoreClauseVersion(id, versionId, sides) {
        const forum = forumId();
        const clause = await api.call('clauses.restoreVersion', {
          forumId: forum,
          id,
          versionId,
          sides,
        });
        await reload();
        const kept = clause.versions.at(-1);
        const changed = kept?.kind === 'restore' && kept.id && kept.id !== versionId;
        get().showToast(
          { key: 'versionRestored' },
          changed && kept.id
            ? () => get().restoreClauseVersion(id, kept.id as string, sides)
            : undefined,
        );
      },
      async recordClauseVersion(id, label) {
        await api.call('clauses.recordVersion', { forumId: forumId(), id, label });
        await reload();
      },
      async moveClause(id, direction) {
        await api.call('clauses.move', { forumId: forumId(), id, direction });
        await reload();
      },
      async renumberClauses(documentId) {
        await api.call('clauses.renumber', { forumId: forumId(), documentId });
        await reload();
      },
      async deleteClause(id) {
        const forum = forumId();
        await api.call('clauses.delete', { forumId: forum, id });
        await reload();
        get().offerRestore({ kind: 'clause', forumId: forum, id });
      },
      async loadCommitments(scope) {
        set({
          commitmentsScope: scope,
          commitments: await api.call('commitments.list', { forumId: scope }),
        });
      },
      async createCommitment(forum, input) {
        await api.call('commitments.create', { forumId: forum, commitment: input });
        await reloadCommitments();
      },
      async updateCommitment(forum, id, patch, base) {
        await api.call('commitments.update', { forumId: forum, id, patch, base });
        await reloadCommitments();
        await refreshConflicts(forum);
      },
      async deleteCommitment(forum, id) {
        await api.call('commitments.delete', { forumId: forum, id });
        await reloadCommitments();
        get().offerRestore({ kind: 'commitment', forumId: forum, id });
      },
    };
  };
