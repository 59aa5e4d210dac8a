import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactImportPreview } from '../../../../electron/common/domain/notebook-views';
import { csvFields, importEncodings } from '../../../../electron/common/domain/vocabulary';
import type { ImportEncoding } from '../../../../electron/common/domain/vocabulary';
import { Dialog } from '../../app/Dialog';
import { useAppStore } from '../../store/app-store';
import type { CsvMapping, ImportChoices } from '../../store/contacts-slice';

type CsvField = (typeof csvFields)[number];

/** The field each column feeds, from the field → columns mapping. */
function fieldOfColumn(mapping: CsvMapping, column: number): CsvField | '' {
  for (const field of csvFields) if (mapping[field]?.includes(column)) return field;
  return '';
}

function withColumn(mapping: CsvMapping, column: number, field: CsvField | ''): CsvMapping {
  const next: CsvMapping = {};
  for (const f of csvFields) {
    const columns = (mapping[f] ?? []).filter((c) => c !== column);
    if (f === field) columns.push(column);
    if (columns.length) next[f] = columns.sort((a, b) => a - b);
  }
  return next;
}

interface Props {
  file: File | null;
  /** Importing inside a forum links the contacts to it. */
  forumId: string | null;
  forumName: string;
  onClose: (message?: string) => void;
}

/**
 * Reads a file on the host's importer thread with a progress bar and a cancel button, then
 * shows what it holds: the encoding (changeable), a CSV list's columns (changeable, several
 * per field), what looks doubtful, values too long for their field (trim or leave out).
 */
export function ImportDialog({ file, forumId, forumName, onClose }: Props) {
  const { t, i18n } = useTranslation('contacts');
  const start = useAppStore((s) => s.startContactImport);
  const status = useAppStore((s) => s.contactImportStatus);
  const cancel = useAppStore((s) => s.cancelContactImport);
  const commit = useAppStore((s) => s.commitContactImport);
  const encodingId = useId();
  const [choices, setChoices] = useState<ImportChoices>({});
  const [progress, setProgress] = useState<number | null>(0);
  const [preview, setPreview] = useState<ContactImportPreview | null>(null);
  const [failed, setFailed] = useState(false);
  const [oversize, setOversize] = useState<'trim' | 'omit'>('trim');
  const [busy, setBusy] = useState(false);
  const job = useRef<string | null>(null);
  // The dialog closes once: by import, by cancel, or by Escape (which also fires on close).
  const closed = useRef(false);
  const finish = (message?: string) => {
    if (closed.current) return;
    closed.current = true;
    onClose(message);
  };

  /** Reads the file again with another encoding or mapping. */
  function choose(next: ImportChoices) {
    setProgress(0);
    setFailed(false);
    setChoices(next);
  }

  useEffect(() => {
    if (!file) return;
    let stopped = false;
    void (async () => {
      try {
        const id = await start(file, choices);
        job.current = id;
        while (!stopped) {
          const now = await status(id);
          if (now.state === 'running') {
            setProgress(now.total ? now.done / now.total : 0);
            await new Promise((resolve) => setTimeout(resolve, 150));
            continue;
          }
          job.current = null;
          if (now.state === 'done' && now.preview) setPreview(now.preview);
          else if (now.state === 'failed') setFailed(true);
          setProgress(null);
          return;
        }
      } catch {
        if (!stopped) {
          setFailed(true);
          setProgress(null);
        }
      }
    })();
    return () => {
      stopped = true;
    };
  }, [file, choices, start, status]);

  async function stop() {
    if (closed.current) return;
    const id = job.current;
    job.current = null;
    if (id) await cancel(id).catch(() => undefined);
    finish(t('importDialog.cancelled'));
  }

  const csv = preview?.csv ?? null;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Dialog title={t('importDialog.title')} open={file !== null} onClose={() => void stop()} wide>
      {progress !== null && (
        <div className="form">
          <label>
            {t('importDialog.reading', { name: file?.name ?? '' })}
            <progress max={1} value={progress} aria-label={t('importDialog.progress')} />
          </label>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => void stop()}>
              {t('importDialog.stop')}
            </button>
          </div>
        </div>
      )}
      {failed && progress === null && (
        <p className="form-problem" role="alert">
          {t('importDialog.failed')}
        </p>
      )}
      {preview && progress === null && (
        <div className="form import-preview">
          <div className="field inline">
            <label htmlFor={encodingId}>{t('importDialog.encoding')}</label>
            <select
              id={encodingId}
              value={preview.encoding}
              onChange={(e) => choose({ ...choices, encoding: e.target.value as ImportEncoding })}
            >
              {importEncodings.map((encoding) => (
                <option key={encoding} value={encoding}>
                  {t(`importDialog.encodings.${encoding}`)}
                </option>
              ))}
            </select>
          </div>
          {preview.unreadable && (
            <p className="form-problem" role="alert">
              {t(`importDialog.unreadable.${preview.unreadable}`)}
            </p>
          )}
          {preview.problems
            // A file that is not text at all is said above, once.
            .filter((p) => !(preview.unreadable && p.reason === 'not-a-vcard'))
            .map((p) => (
              <p key={`${p.card}:${p.line}`} className="form-problem" role="alert">
                {/* "Not a vCard" is about the whole file, never a card number 0. */}
                {p.reason === 'not-a-vcard'
                  ? t('importDialog.notAVcard')
                  : t('importDialog.problem', {
                      card: p.card,
                      line: p.line,
                      reason: t(`importDialog.reasons.${p.reason}`),
                    })}
              </p>
            ))}
          {csv?.headerless && <p className="help">{t('importDialog.headerless')}</p>}
          {csv?.oneColumn && <p className="help">{t('importDialog.oneColumn')}</p>}
          {csv && (
            <fieldset className="csv-mapping">
              <legend>{t('importDialog.mapping')}</legend>
              <p className="help">{t('importDialog.mappingHelp')}</p>
              <div className="csv-columns">
                {csv.headers.map((header, column) => (
                  <label key={column} className="csv-column">
                    <span className="csv-column-name">
                      {/* A list without a header row has no names: its columns are numbered. */}
                      {csv.headerless || !header.trim()
                        ? t('importDialog.column', { number: column + 1 })
                        : header}
                      <span className="csv-column-sample">
                        {csv.sample.find((row) => row[column]?.trim())?.[column] ?? ''}
                      </span>
                    </span>
                    <select
                      value={fieldOfColumn(csv.mapping, column)}
                      onChange={(e) =>
                        choose({
                          encoding: preview.encoding,
                          mapping: withColumn(csv.mapping, column, e.target.value as CsvField | ''),
                        })
                      }
                    >
                      <option value="">{t('importDialog.unused')}</option>
                      {csvFields.map((field) => (
                        <option key={field} value={field}>
                          {t(`importDialog.fields.${field}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {csv && csv.rowProblemCount > 0 && (
            <details className="import-problems" open={csv.rowProblemCount <= 10}>
              <summary>{t('importDialog.doubtful', { count: csv.rowProblemCount })}</summary>
              <ul>
                {csv.rowProblems.map((p, i) => (
                  <li key={i}>
                    {t(`importDialog.rowReasons.${p.reason}`, {
                      line: p.line,
                      value: p.value ?? '',
                    })}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {preview.oversizeCount > 0 && (
            <fieldset className="choices import-oversize">
              <legend>{t('importDialog.oversize', { count: preview.oversizeCount })}</legend>
              <ul>
                {preview.oversize.map((o) => (
                  <li key={o.line}>
                    {t('importDialog.oversizeRow', {
                      line: o.line,
                      name: o.name,
                      fields: o.fields
                        .map((f) =>
                          t('importDialog.oversizeField', {
                            field: f.field,
                            length: number.format(f.length),
                            limit: number.format(f.limit),
                          }),
                        )
                        .join('; '),
                    })}
                  </li>
                ))}
              </ul>
              {(['trim', 'omit'] as const).map((how) => (
                <label key={how} className="radio">
                  <input
                    type="radio"
                    name="oversize"
                    checked={oversize === how}
                    onChange={() => setOversize(how)}
                  />
                  {t(`importDialog.oversizeChoice.${how}`)}
                </label>
              ))}
            </fieldset>
          )}
          <p role="status">
            {t('importDialog.found', {
              count: preview.total,
              formatted: number.format(preview.total),
            })}
            {preview.duplicates > 0 &&
              ` ${t('importDialog.duplicates', { count: preview.duplicates })}`}
          </p>
          <ul className="import-list" aria-label={t('importDialog.list')}>
            {preview.contacts.map((c, i) => (
              <li key={i}>
                <strong data-user-content>{c.name}</strong>{' '}
                <span data-user-content>
                  {[c.organisation, c.email, c.phone].filter(Boolean).join(' · ')}
                </span>
                {c.duplicateOf && (
                  <span className="status status-missing-en">{t('importDialog.duplicate')}</span>
                )}
              </li>
            ))}
          </ul>
          {preview.total > preview.contacts.length && (
            <p className="help">
              {t('importDialog.more', { count: preview.total - preview.contacts.length })}
            </p>
          )}
          {forumId && <p className="help">{t('importDialog.linkHere', { forum: forumName })}</p>}
          <p className="help">{t('importDialog.backup')}</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => finish()}>
              {t('importDialog.cancel')}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={preview.total === 0 || busy}
              onClick={async () => {
                setBusy(true);
                try {
                  const count = await commit(preview.token, { oversize, forumId });
                  finish(t('importDialog.imported', { count }));
                } finally {
                  setBusy(false);
                }
              }}
            >
              {t('importDialog.accept')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
