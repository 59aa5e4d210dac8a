import { useTranslation } from 'react-i18next';
import type { DelegationMember } from '../../../../electron/common/domain/workspace-schema';
import { useBilingual } from '../../app/use-bilingual';

interface MembersPickerProps {
  members: readonly DelegationMember[];
  selected: string[];
  onChange: (memberIds: string[]) => void;
}

/**
 * Who travelled, ticked from the profile's members; the report lists them in the profile's
 * order. An id no longer in the profile stays visible, to be taken out on purpose.
 */
export function MembersPicker({ members, selected, onChange }: MembersPickerProps) {
  const { t } = useTranslation('report');
  const text = useBilingual();
  const known = new Set(members.map((m) => m.id));
  const missing = selected.filter((id) => !known.has(id));
  const toggle = (id: string, on: boolean) => {
    const chosen = new Set(selected);
    if (on) chosen.add(id);
    else chosen.delete(id);
    onChange([...members.map((m) => m.id).filter((m) => chosen.has(m)), ...missing]);
  };
  return (
    <fieldset className="member-picker">
      <legend className="help">{t('members.help')}</legend>
      {members.map((member) => (
        <label key={member.id} className="checkbox member-choice">
          <input
            type="checkbox"
            checked={selected.includes(member.id)}
            onChange={(e) => toggle(member.id, e.target.checked)}
          />
          <span>
            <strong>{member.name}</strong>
            <span className="muted">
              {' '}
              {[member.nip ? `NIP ${member.nip}` : t('members.noNip'), text(member.position)]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </span>
        </label>
      ))}
      {missing.map((id) => (
        <div key={id} className="checkbox member-choice missing" role="alert">
          <span>{t('members.missing')}</span>
          <button
            type="button"
            className="button small"
            onClick={() => onChange(selected.filter((m) => m !== id))}
          >
            {t('members.removeMissing')}
          </button>
        </div>
      ))}
    </fieldset>
  );
}
