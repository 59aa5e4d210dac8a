import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactQr, ContactSummary } from '../../../../electron/common/domain/notebook-views';
import { Dialog } from '../../app/Dialog';
import { saveFile } from '../../app/save-file';
import { useAppStore } from '../../store/app-store';
import { ContactChoices } from './ContactChoices';

export function QrDialog({
  name,
  qr,
  onClose,
}: {
  name: string;
  qr: ContactQr | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('contacts');
  return (
    <Dialog title={t('qrTitle', { name })} open={qr !== null} onClose={onClose}>
      {qr && (
        <>
          <img
            className="qr"
            alt={t('qrTitle', { name })}
            src={`data:image/svg+xml;utf8,${encodeURIComponent(qr.svg)}`}
          />
          <p className="help">{qr.compact ? t('qrCompact') : t('qrHelp')}</p>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}

type Format = 'vcf4' | 'vcf3' | 'csv';

export function ExportDialog({
  open,
  forumId,
  contacts,
  onClose,
}: {
  open: boolean;
  forumId: string | null;
  contacts: ContactSummary[];
  onClose: (message?: string) => void;
}) {
  const { t } = useTranslation('contacts');
  const exportContacts = useAppStore((s) => s.exportContacts);
  const [format, setFormat] = useState<Format>('vcf4');
  const [chosen, setChosen] = useState<string[]>([]);
  const sensitive = contacts.filter((c) => c.sensitive);

  async function download() {
    const result = await exportContacts({
      format: format === 'csv' ? 'csv' : 'vcf',
      version: format === 'vcf3' ? '3.0' : '4.0',
      forumId,
      includeSensitive: chosen,
    });
    saveFile(result.fileName, result.mimeType, result.content);
    setChosen([]);
    onClose(t('exportDialog.done', { count: result.count, leftOut: result.leftOut }));
  }

  return (
    <Dialog title={t('exportDialog.title')} open={open} onClose={() => onClose()}>
      <fieldset className="choices">
        <legend>{t('exportDialog.format')}</legend>
        {(['vcf4', 'vcf3', 'csv'] as const).map((f) => (
          <label key={f} className="radio">
            <input
              type="radio"
              name="export-format"
              checked={format === f}
              onChange={() => setFormat(f)}
            />
            {t(`exportDialog.formats.${f}`)}
          </label>
        ))}
      </fieldset>
      {sensitive.length > 0 && (
        <ContactChoices
          legend={t('exportDialog.sensitiveTitle')}
          help={t('exportDialog.sensitiveHelp')}
          contacts={sensitive}
          chosen={chosen}
          setChosen={setChosen}
        />
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => onClose()}>
          {t('exportDialog.cancel')}
        </button>
        <button type="button" className="button primary" onClick={() => void download()}>
          {t('exportDialog.download')}
        </button>
      </div>
    </Dialog>
  );
}
