import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Signatory } from '../../../../electron/common/domain/forum-schema';
import type { DelegationMember } from '../../../../electron/common/domain/workspace-schema';
import { Field } from '../../app/Field';

const MAX_SIGNATORIES = 6;
const OUTSIDE = '';

interface SignatoriesEditorProps {
  signatories: Signatory[];
  members: readonly DelegationMember[];
  /** Members who travelled: the first of them is offered as the one who reports. */
  travelled: string[];
  onChange: (signatories: Signatory[]) => void;
}

function SignatoryFields(props: {
  number: number;
  signatory: Signatory;
  members: readonly DelegationMember[];
  onChange: (signatory: Signatory) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('report');
  const selectId = useId();
  const { signatory, onChange } = props;
  const set = (patch: Partial<Signatory>) => onChange({ ...signatory, ...patch });
  const known = props.members.some((m) => m.id === signatory.memberId);
  return (
    <fieldset className="signatory">
      <legend>{t('signatories.heading', { number: props.number })}</legend>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={selectId}>{t('signatories.who')}</label>
          <select
            id={selectId}
            value={known ? (signatory.memberId ?? OUTSIDE) : OUTSIDE}
            onChange={(e) => set({ memberId: e.target.value || null })}
          >
            {props.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
            <option value={OUTSIDE}>{t('signatories.outside')}</option>
          </select>
        </div>
        {!known && (
          <>
            <Field
              label={t('signatories.name')}
              maxLength={200}
              value={signatory.name}
              onChange={(name) => set({ name })}
            />
            <Field
              label={t('signatories.nip')}
              maxLength={40}
              inputMode="numeric"
              value={signatory.nip}
              onChange={(nip) => set({ nip })}
            />
          </>
        )}
      </div>
      {!known && (
        <div className="pair-row">
          <Field
            label={t('signatories.positionId')}
            lang="id"
            maxLength={300}
            value={signatory.position.id}
            onChange={(id) => set({ position: { ...signatory.position, id } })}
          />
          <Field
            label={t('signatories.positionEn')}
            lang="en"
            maxLength={300}
            value={signatory.position.en}
            onChange={(en) => set({ position: { ...signatory.position, en } })}
          />
        </div>
      )}
      <div className="pair-row">
        <Field
          label={t('signatories.captionId')}
          lang="id"
          maxLength={200}
          value={signatory.caption.id}
          onChange={(id) => set({ caption: { ...signatory.caption, id } })}
        />
        <Field
          label={t('signatories.captionEn')}
          lang="en"
          maxLength={200}
          value={signatory.caption.en}
          onChange={(en) => set({ caption: { ...signatory.caption, en } })}
        />
      </div>
      <div className="form-actions">
        <button type="button" className="button small subtle" onClick={props.onRemove}>
          {t('signatories.remove', { number: props.number })}
        </button>
      </div>
    </fieldset>
  );
}

/** Who signs the report: members of the delegation, or officials outside it. */
export function SignatoriesEditor({
  signatories,
  members,
  travelled,
  onChange,
}: SignatoriesEditorProps) {
  const { t } = useTranslation('report');

  function add() {
    const first = signatories.length === 0;
    // The first signs as the one who reports, the next ones acknowledge.
    const memberId = first
      ? (travelled.find((id) => members.some((m) => m.id === id)) ?? null)
      : null;
    onChange([
      ...signatories,
      {
        id: crypto.randomUUID(),
        memberId,
        name: '',
        nip: '',
        position: { id: '', en: '' },
        caption: first
          ? { id: t('signatories.reportedId'), en: t('signatories.reportedEn') }
          : { id: t('signatories.acknowledgedId'), en: t('signatories.acknowledgedEn') },
      },
    ]);
  }

  return (
    <div className="signatories">
      {signatories.length === 0 && <p className="muted">{t('signatories.none')}</p>}
      {signatories.map((signatory, index) => (
        <SignatoryFields
          key={signatory.id}
          number={index + 1}
          signatory={signatory}
          members={members}
          onChange={(next) => onChange(signatories.map((s) => (s.id === next.id ? next : s)))}
          onRemove={() => onChange(signatories.filter((s) => s.id !== signatory.id))}
        />
      ))}
      {signatories.length < MAX_SIGNATORIES && (
        <div className="form-actions">
          <button type="button" className="button" onClick={add}>
            {t('signatories.add')}
          </button>
        </div>
      )}
    </div>
  );
}
