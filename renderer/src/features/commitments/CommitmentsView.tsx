import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentView } from '../../../../electron/common/domain/notebook-views';
import { Dialog } from '../../app/Dialog';
import { PrintButton } from '../../app/PrintButton';
import { ApiError } from '../../api/api-client';
import { NONE, useAppStore } from '../../store/app-store';
import { CommitmentForm } from './CommitmentForm';
import { CommitmentList } from './CommitmentList';

type Editing = {
  commitment?: CommitmentView;
  /**
   * The statement the form's text is now carried onto: as the form opened on it, or as a
   * colleague rewrote it meanwhile once the delegate has been told (and saves again).
   */
  statementBase?: CommitmentView['statement'];
} | null;

/** One forum's commitments (forumId), or every forum's (null). */
export function CommitmentsView({ forumId }: { forumId: string | null }) {
  const { t } = useTranslation('agreement');
  const commitments = useAppStore((s) => (s.commitmentsScope === forumId ? s.commitments : NONE));
  const loadCommitments = useAppStore((s) => s.loadCommitments);
  const agreement = useAppStore((s) => s.agreement);
  const agreementForumId = useAppStore((s) => s.agreementForumId);
  const loadAgreement = useAppStore((s) => s.loadAgreement);
  const createCommitment = useAppStore((s) => s.createCommitment);
  const updateCommitment = useAppStore((s) => s.updateCommitment);
  const contacts = useAppStore((s) => s.contacts ?? NONE);
  const loadContacts = useAppStore((s) => s.loadContacts);
  const [editing, setEditing] = useState<Editing>(null);
  const clauseForum = editing?.commitment?.forumId ?? forumId;

  useEffect(() => {
    void loadCommitments(forumId);
    void loadContacts();
  }, [forumId, loadCommitments, loadContacts]);
  useEffect(() => {
    if (clauseForum && agreementForumId !== clauseForum) void loadAgreement(clauseForum);
  }, [clauseForum, agreementForumId, loadAgreement]);

  return (
    <div>
      <div className="toolbar">
        <span />
        <div className="toolbar-actions">
          {commitments.length > 0 && <PrintButton what="commitments" />}
          {forumId && (
            <button type="button" className="button primary" onClick={() => setEditing({})}>
              {t('commitments.new')}
            </button>
          )}
        </div>
      </div>
      {commitments.length === 0 ? (
        <p className="empty-state">{t('commitments.empty')}</p>
      ) : (
        <CommitmentList
          commitments={commitments}
          groupings={
            forumId ? ['due', 'status', 'responsible'] : ['due', 'status', 'responsible', 'forum']
          }
          contacts={contacts}
          onEdit={(commitment) => setEditing({ commitment })}
        />
      )}
      <Dialog
        title={
          editing?.commitment ? t('commitmentForm.editTitle') : t('commitmentForm.createTitle')
        }
        open={editing !== null}
        onClose={() => setEditing(null)}
        wide
      >
        {editing && clauseForum && (
          <CommitmentForm
            commitment={editing.commitment}
            contacts={contacts}
            clauses={agreementForumId === clauseForum ? (agreement?.clauses ?? []) : []}
            onCancel={() => setEditing(null)}
            onSubmit={async (input, changed) => {
              if (editing.commitment) {
                // The statement as the form opened on it: a colleague's words merged in
                // meanwhile are kept, not overwritten by the form's copy. Where the colleague
                // rewrote the same words the save is refused and the form says what the
                // statement reads now; saving again writes the delegate's text onto that.
                const statement = editing.statementBase ?? editing.commitment.statement;
                if (Object.keys(changed).length)
                  await updateCommitment(clauseForum, editing.commitment.id, changed, {
                    statement,
                  }).catch((error: unknown) => {
                    if (
                      error instanceof ApiError &&
                      error.payload.code === 'statement-changed-elsewhere'
                    )
                      setEditing({
                        ...editing,
                        statementBase: {
                          id: String(error.payload.params.currentId ?? ''),
                          en: String(error.payload.params.currentEn ?? ''),
                        },
                      });
                    throw error;
                  });
              } else await createCommitment(clauseForum, input);
              setEditing(null);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}
