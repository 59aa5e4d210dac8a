import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DelegationMember } from '../../../../electron/common/domain/workspace-schema';
import { ApiError } from '../../api/api-client';
import { Dialog } from '../../app/Dialog';
import { useBilingual } from '../../app/use-bilingual';
import { useErrorMessage } from '../../app/use-error-message';
import { useAppStore } from '../../store/app-store';
import { currentMember } from '../../../../electron/common/domain/team';
import { MemberForm } from './MemberForm';

type Editing = { member: DelegationMember | null } | null;
type Removing = { member: DelegationMember; inUse: string | null; problem: string | null } | null;

/** The delegation's members, kept once in the profile: each forum's report picks from them. */
export function MembersSection({ members }: { members: DelegationMember[] }) {
  const { t } = useTranslation('report');
  const text = useBilingual();
  const errorMessage = useErrorMessage();
  const saveMember = useAppStore((s) => s.saveMember);
  const removeMember = useAppStore((s) => s.removeMember);
  const moveMember = useAppStore((s) => s.moveMember);
  const [editing, setEditing] = useState<Editing>(null);
  const [dirty, setDirty] = useState(false);
  const [removing, setRemoving] = useState<Removing>(null);
  const meId = useId();
  const settings = useAppStore((s) => s.settings);
  const headName = useAppStore((s) => s.profile?.headName ?? '');
  const setMe = useAppStore((s) => s.setMe);
  // Who this laptop writes as: chosen, else the default the host also applies.
  const me = currentMember({ members, headName }, settings);
  const chosen = members.some((m) => m.id === settings.meMemberId);
  const fallback = currentMember({ members, headName }, { meMemberId: null });

  async function remove(detach: boolean) {
    if (!removing) return;
    try {
      await removeMember(removing.member.id, detach);
      setRemoving(null);
    } catch (error) {
      if (error instanceof ApiError && error.payload.code === 'member-in-use') {
        // Listed in a report: say where, and remove only when asked again.
        setRemoving({ ...removing, inUse: errorMessage(error.payload), problem: null });
      } else {
        const problem = error instanceof ApiError ? errorMessage(error.payload) : String(error);
        setRemoving({ ...removing, problem });
      }
    }
  }

  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">{t('profile.membersTitle')}</h2>
      <p className="help">{t('profile.membersHelp')}</p>
      {members.length === 0 ? (
        <p className="muted">{t('profile.empty')}</p>
      ) : (
        <ol className="member-list" aria-labelledby="members-title">
          {members.map((member, index) => (
            <li key={member.id} className="member-row">
              <div className="member-text">
                <strong>
                  {member.name}
                  {me.memberId === member.id && (
                    <span className="badge me-badge">{t('profile.meBadge')}</span>
                  )}
                </strong>
                <span className="muted">
                  {[
                    member.nip ? `NIP ${member.nip}` : t('profile.noNip'),
                    member.rank,
                    text(member.position),
                    text(member.role),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </div>
              <div className="member-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('profile.moveUp', { name: member.name })}
                  disabled={index === 0}
                  onClick={() => void moveMember(member.id, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('profile.moveDown', { name: member.name })}
                  disabled={index === members.length - 1}
                  onClick={() => void moveMember(member.id, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button small"
                  aria-label={`${t('profile.edit')}: ${member.name}`}
                  onClick={() => setEditing({ member })}
                >
                  {t('profile.edit')}
                </button>
                <button
                  type="button"
                  className="button small subtle"
                  aria-label={`${t('profile.remove')}: ${member.name}`}
                  onClick={() => setRemoving({ member, inUse: null, problem: null })}
                >
                  {t('profile.remove')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setEditing({ member: null })}>
          {t('profile.add')}
        </button>
      </div>
      <div className="field me-field" data-field="me">
        <label htmlFor={meId}>{t('profile.meLabel')}</label>
        <select
          id={meId}
          value={chosen ? (settings.meMemberId ?? '') : ''}
          onChange={(e) => void setMe(e.target.value || null)}
        >
          <option value="">{t('profile.meDefault', { name: fallback.name || '—' })}</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
        <p className="help">{t('profile.meHelp')}</p>
      </div>
      <Dialog
        title={editing?.member ? t('profile.editTitle') : t('profile.newTitle')}
        open={editing !== null}
        onClose={() => {
          setEditing(null);
          setDirty(false);
        }}
        dismissible={!dirty}
        wide
      >
        {editing && (
          <MemberForm
            member={editing.member}
            onSave={saveMember}
            onDirty={setDirty}
            onClose={() => {
              setEditing(null);
              setDirty(false);
            }}
          />
        )}
      </Dialog>
      <Dialog
        title={t('profile.removeTitle')}
        open={removing !== null}
        onClose={() => setRemoving(null)}
      >
        {removing && (
          <>
            <p>{t('profile.removeConfirm', { name: removing.member.name })}</p>
            {removing.inUse && (
              <div role="alert">
                <p className="form-problem">{removing.inUse}</p>
                <p>{t('profile.inUseExplained')}</p>
              </div>
            )}
            {removing.problem && (
              <p className="form-problem" role="alert">
                {removing.problem}
              </p>
            )}
            <div className="dialog-actions">
              <button type="button" className="button" onClick={() => setRemoving(null)}>
                {t('profile.cancel')}
              </button>
              <button
                type="button"
                className="button primary"
                onClick={() => void remove(removing.inUse !== null)}
              >
                {removing.inUse ? t('profile.removeAnyway') : t('profile.remove')}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </section>
  );
}
