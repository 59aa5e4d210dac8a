import { useTranslation } from 'react-i18next';
import type { FieldConflict } from '../../../../electron/common/domain/notebook-views';
import { useFormat } from '../../app/use-format';
import { useAppStore } from '../../store/app-store';

/**
 * A field two members set differently while apart: the value every laptop shows, who set
 * it, and each other value with who set it and a button to choose it. Choosing (even the
 * value shown) ends the conflict on every laptop once the forum travels again.
 * `forumId` where the page is not the forum's own (all forums' commitments); `onChosen`
 * for a form that shows the field too and must show the value chosen.
 */
export function ConflictNotice({
  conflict,
  forumId,
  onChosen,
}: {
  conflict: FieldConflict;
  forumId?: string;
  onChosen?: (value: string | null) => void;
}) {
  const { t } = useTranslation('notebook');
  const { t: ta } = useTranslation('agreement');
  const format = useFormat();
  const resolve = useAppStore((s) => s.resolveConflict);
  const shown = (value: string | null): string => {
    if (value === null || value === '') return t('conflicts.empty');
    if (conflict.field === 'status') return ta(`commitments.statuses.${value}` as never);
    if (conflict.field === 'stance') return ta(`clauses.stances.${value}` as never);
    if (conflict.field === 'dueDate') return format.date(value);
    return value;
  };
  const by = (name: string) => name || t('conflicts.someone');
  const choose = async (value: string | null) => {
    await resolve(conflict, value, forumId);
    onChosen?.(value);
  };
  return (
    <div
      className="conflict-notice"
      role="group"
      aria-label={t(`conflicts.field.${conflict.field}`)}
    >
      <p>
        <strong>{t(`conflicts.field.${conflict.field}`)}</strong>{' '}
        {t('conflicts.shown', {
          value: shown(conflict.current.value),
          name: by(conflict.current.by),
        })}
      </p>
      <ul>
        {conflict.others.map((other) => (
          <li key={String(other.value)}>
            <span>{t('conflicts.other', { value: shown(other.value), name: by(other.by) })}</span>{' '}
            <button type="button" className="button small" onClick={() => void choose(other.value)}>
              {t('conflicts.useOther', { value: shown(other.value) })}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button small subtle"
        onClick={() => void choose(conflict.current.value)}
      >
        {t('conflicts.keep', { value: shown(conflict.current.value) })}
      </button>
    </div>
  );
}
