import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberInput } from '../../../../electron/common/domain/report-input-schema';
import type { DelegationMember } from '../../../../electron/common/domain/workspace-schema';
import { ApiError } from '../../api/api-client';
import { Field } from '../../app/Field';
import { useErrorMessage } from '../../app/use-error-message';

interface MemberFormProps {
  member: DelegationMember | null;
  onSave: (member: MemberInput) => Promise<void>;
  onClose: () => void;
  /** Told when the form holds changes not yet saved, so its dialog does not close on Escape. */
  onDirty: (dirty: boolean) => void;
}

const blank = {
  name: '',
  nip: '',
  rank: '',
  position: { id: '', en: '' },
  role: { id: '', en: '' },
};

/** Digits of a NIP as typed: "19680412 199303 1 007" has 18. */
export const nipDigits = (nip: string) => nip.replace(/\D/g, '').length;

export function MemberForm({ member, onSave, onClose, onDirty }: MemberFormProps) {
  const { t } = useTranslation('report');
  const errorMessage = useErrorMessage();
  const initial = member
    ? {
        name: member.name,
        nip: member.nip,
        rank: member.rank,
        position: { id: member.position.id, en: member.position.en },
        role: { id: member.role.id, en: member.role.en },
      }
    : blank;
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const dirty = JSON.stringify(value) !== JSON.stringify(initial);
  const set = (patch: Partial<typeof value>) => {
    const next = { ...value, ...patch };
    setValue(next);
    setConfirmDiscard(false);
    onDirty(JSON.stringify(next) !== JSON.stringify(initial));
  };
  const digits = nipDigits(value.nip);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!value.name.trim()) return setProblem(t('profile.nameRequired'));
    try {
      await onSave({ ...(member ? { id: member.id } : {}), ...value, name: value.name.trim() });
      onDirty(false);
      onClose();
    } catch (error) {
      setProblem(error instanceof ApiError ? errorMessage(error.payload) : String(error));
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="form-grid">
        <Field
          label={t('profile.name')}
          value={value.name}
          onChange={(name) => set({ name })}
          required
          autoFocus
        />
        <Field
          label={t('profile.nip')}
          help={t('profile.nipHelp')}
          warning={digits > 0 && digits !== 18 ? t('profile.nipWarning', { count: digits }) : null}
          value={value.nip}
          inputMode="numeric"
          onChange={(nip) => set({ nip })}
        />
        <Field
          label={t('profile.rank')}
          help={t('profile.rankHelp')}
          value={value.rank}
          onChange={(rank) => set({ rank })}
        />
        <Field
          label={t('profile.positionId')}
          lang="id"
          value={value.position.id}
          onChange={(id) => set({ position: { ...value.position, id } })}
        />
        <Field
          label={t('profile.positionEn')}
          lang="en"
          value={value.position.en}
          onChange={(en) => set({ position: { ...value.position, en } })}
        />
        <Field
          label={t('profile.roleId')}
          lang="id"
          value={value.role.id}
          onChange={(id) => set({ role: { ...value.role, id } })}
        />
        <Field
          label={t('profile.roleEn')}
          lang="en"
          value={value.role.en}
          onChange={(en) => set({ role: { ...value.role, en } })}
        />
      </div>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      {confirmDiscard && (
        <p className="form-problem" role="alert">
          {t('profile.unsaved')}
        </p>
      )}
      <div className="dialog-actions">
        {confirmDiscard ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              onDirty(false);
              onClose();
            }}
          >
            {t('profile.discard')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            // Input typed into the form is never dropped without a word.
            onClick={() => (dirty ? setConfirmDiscard(true) : onClose())}
          >
            {t('profile.cancel')}
          </button>
        )}
        <button type="submit" className="button primary">
          {t('profile.save')}
        </button>
      </div>
    </form>
  );
}
