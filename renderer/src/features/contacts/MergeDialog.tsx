import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePair, MergeField } from '../../../../electron/common/domain/notebook-views';
import { mergeFields } from '../../../../electron/common/domain/vocabulary';
import type { Contact } from '../../../../electron/common/domain/workspace-schema';
import { Dialog } from '../../app/Dialog';
import { useAppStore } from '../../store/app-store';

type Choices = Partial<Record<MergeField, 'keep' | 'other'>>;

/** Offers each likely duplicate for merging, field by field: nothing is merged silently. */
export function MergeDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: (message?: string) => void;
}) {
  const { t } = useTranslation('contacts');
  const findDuplicates = useAppStore((s) => s.findDuplicates);
  const getContact = useAppStore((s) => s.getContact);
  const merge = useAppStore((s) => s.mergeContacts);
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [index, setIndex] = useState(0);
  const [pair, setPair] = useState<[Contact, Contact] | null>(null);
  const [choices, setChoices] = useState<Choices>({});

  useEffect(() => {
    if (!open) return;
    void findDuplicates().then((found) => {
      setPairs(found);
      setIndex(0);
    });
  }, [open, findDuplicates]);

  const current = pairs?.[index];
  useEffect(() => {
    if (!current) return;
    void Promise.all([getContact(current.a), getContact(current.b)]).then(([a, b]) => {
      setPair([a, b]);
      setChoices({});
    });
  }, [current, getContact]);

  const show = (contact: Contact, field: MergeField) => {
    const value = contact[field];
    if (typeof value === 'boolean') return value ? t('mergeDialog.yes') : t('mergeDialog.no');
    if (value && typeof value === 'object')
      return [value.id, value.en].filter(Boolean).join(' / ') || t('mergeDialog.empty');
    if (field === 'photo') return value ? '✓' : t('mergeDialog.empty');
    return (value as string | null) || t('mergeDialog.empty');
  };

  return (
    <Dialog title={t('mergeDialog.title')} open={open} onClose={() => onClose()} wide>
      {pairs && pairs.length === 0 && <p>{t('mergeDialog.none')}</p>}
      {current && pair && (
        <div className="form">
          <p className="help">
            {t('mergeDialog.pair', {
              current: index + 1,
              count: pairs?.length ?? 0,
              reason: t(`mergeDialog.reasons.${current.reason}`),
            })}
          </p>
          <table className="table merge-table">
            <thead>
              <tr>
                <th scope="col">{t('mergeDialog.field')}</th>
                <th scope="col">{t('mergeDialog.left')}</th>
                <th scope="col">{t('mergeDialog.right')}</th>
              </tr>
            </thead>
            <tbody>
              {mergeFields.map((field) => {
                const same = show(pair[0], field) === show(pair[1], field);
                return (
                  <tr key={field}>
                    <th scope="row">{t(`mergeDialog.fields.${field}`)}</th>
                    {(['keep', 'other'] as const).map((side, i) => (
                      <td key={side}>
                        <label className="radio">
                          <input
                            type="radio"
                            name={`merge-${field}`}
                            disabled={same}
                            checked={(choices[field] ?? 'keep') === side}
                            onChange={() => setChoices({ ...choices, [field]: side })}
                          />
                          {show(pair[i] as Contact, field)}
                        </label>
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="help">{t('mergeDialog.lists')}</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setIndex(index + 1)}>
              {t('mergeDialog.skip')}
            </button>
            <button
              type="button"
              className="button primary"
              onClick={async () => {
                const merged = await merge(pair[0].id, pair[1].id, choices);
                onClose(t('mergeDialog.merged', { name: merged.name }));
              }}
            >
              {t('mergeDialog.merge')}
            </button>
          </div>
        </div>
      )}
      {pairs && (pairs.length === 0 || !current) && (
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onClose()}>
            {t('mergeDialog.close')}
          </button>
        </div>
      )}
    </Dialog>
  );
}
