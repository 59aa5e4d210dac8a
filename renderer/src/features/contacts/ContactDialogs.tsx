import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ContactImportPreview,
  ContactQr,
  ContactSummary,
} from '../../../../electron/common/domain/notebook-views';
import { csvFields } from '../../../../electron/common/domain/vocabulary';
import { Dialog } from '../../app/Dialog';
import { saveFile } from '../../app/save-file';
import { useAppStore } from '../../store/app-store';
import type { CsvMapping } from '../../store/contacts-slice';

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

interface MappingSelectProps {
  label: string;
  unused: string;
  headers: string[];
  value: number | undefined;
  onChange: (column: number | undefined) => void;
}

function MappingSelect({ label, unused, headers, value, onChange }: MappingSelectProps) {
  const id = useId();
  return (
    <div className="field inline">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      >
        <option value="">{unused}</option>
        {headers.map((header, index) => (
          <option key={index} value={index}>
            {header || `#${index + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}

interface ImportProps {
  preview: ContactImportPreview | null;
  onRemap: (mapping: CsvMapping) => void;
  onClose: (message?: string) => void;
}

export function ImportDialog({ preview, onRemap, onClose }: ImportProps) {
  const { t } = useTranslation('contacts');
  const commit = useAppStore((s) => s.commitContactImport);
  const csv = preview?.csv ?? null;
  return (
    <Dialog title={t('importDialog.title')} open={preview !== null} onClose={() => onClose()} wide>
      {preview && (
        <div className="form">
          {preview.problems.map((p) => (
            <p key={`${p.card}:${p.line}`} className="form-problem" role="alert">
              {t('importDialog.problem', {
                card: p.card,
                line: p.line,
                reason: t(`importDialog.reasons.${p.reason}`),
              })}
            </p>
          ))}
          {csv && (
            <fieldset className="csv-mapping">
              <legend>{t('importDialog.mapping')}</legend>
              {csvFields.map((field) => (
                <MappingSelect
                  key={field}
                  label={t(`importDialog.fields.${field}`)}
                  unused={t('importDialog.unused')}
                  headers={csv.headers}
                  value={csv.mapping[field]}
                  onChange={(column) => {
                    const { [field]: _previous, ...others } = csv.mapping;
                    onRemap(column === undefined ? others : { ...others, [field]: column });
                  }}
                />
              ))}
            </fieldset>
          )}
          {csv?.rowProblems.map((p) => (
            <p key={p.line} className="form-problem">
              {t('importDialog.rowProblem', {
                line: p.line,
                reason: t(`importDialog.rowReasons.${p.reason}`),
              })}
            </p>
          ))}
          <p role="status">{t('importDialog.found', { count: preview.contacts.length })}</p>
          <ul className="import-list">
            {preview.contacts.map((c, i) => (
              <li key={i}>
                <strong>{c.name}</strong>{' '}
                {[c.organisation, c.email, c.phone].filter(Boolean).join(' · ')}
                {c.duplicateOf && (
                  <span className="status status-missing-en">{t('importDialog.duplicate')}</span>
                )}
              </li>
            ))}
          </ul>
          <p className="help">{t('importDialog.backup')}</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => onClose()}>
              {t('importDialog.cancel')}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={preview.contacts.length === 0}
              onClick={async () =>
                onClose(t('importDialog.imported', { count: await commit(preview.token) }))
              }
            >
              {t('importDialog.accept')}
            </button>
          </div>
        </div>
      )}
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
        <fieldset className="choices">
          <legend>{t('exportDialog.sensitiveTitle')}</legend>
          <p className="help">{t('exportDialog.sensitiveHelp')}</p>
          {sensitive.map((c) => (
            <label key={c.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(c.id)}
                onChange={(e) =>
                  setChosen((ids) =>
                    e.target.checked ? [...ids, c.id] : ids.filter((id) => id !== c.id),
                  )
                }
              />
              {c.name}
            </label>
          ))}
        </fieldset>
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
