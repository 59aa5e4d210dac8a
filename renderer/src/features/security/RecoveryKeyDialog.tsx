import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { useFormat } from '../../app/use-format';

interface RecoveryKeyDialogProps {
  recoveryKey: string | null;
  workspaceDir: string;
  onClose: () => void;
}

/**
 * The recovery key, once: it is never stored in readable form, so this dialog is the only
 * chance to write it down. Printing shows a sheet with the key alone (see `@media print`).
 */
export function RecoveryKeyDialog({ recoveryKey, workspaceDir, onClose }: RecoveryKeyDialogProps) {
  const { t } = useTranslation('security');
  const format = useFormat();
  const [confirmed, setConfirmed] = useState(false);
  const close = () => {
    setConfirmed(false);
    onClose();
  };
  return (
    <Dialog
      title={t('recoveryKey.title')}
      open={recoveryKey !== null}
      onClose={close}
      dismissible={false}
    >
      <p>{t('recoveryKey.intro')}</p>
      <div className="recovery-sheet">
        <p className="recovery-sheet-title">{t('recoveryKey.sheetTitle')}</p>
        <p className="recovery-key" data-testid="recovery-key">
          {recoveryKey}
        </p>
        <p className="help">{t('recoveryKey.sheetWorkspace', { path: workspaceDir })}</p>
        <p className="help">
          {t('recoveryKey.sheetDate', { date: format.dateTime(new Date().toISOString()) })}
        </p>
      </div>
      <p className="help">{t('recoveryKey.instructions')}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
        />
        {t('recoveryKey.confirm')}
      </label>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('recoveryKey.print')}
        </button>
        <button type="button" className="button primary" disabled={!confirmed} onClick={close}>
          {t('recoveryKey.done')}
        </button>
      </div>
    </Dialog>
  );
}
