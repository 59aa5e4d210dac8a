import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SplitPreview } from '../../../../electron/common/domain/notebook-views';
import type { UiLanguage } from '../../../../electron/common/language';
import { Dialog } from '../../app/Dialog';
import { useAppStore } from '../../store/app-store';

/** Rows a delegate can check and edit; a longer split is accepted whole. */
const EDITABLE = 300;

interface Props {
  documentId: string;
  defaultLanguage: UiLanguage;
  open: boolean;
  onClose: (message?: string) => void;
}

export function PasteDialog({ documentId, defaultLanguage, open, onClose }: Props) {
  const { t } = useTranslation('agreement');
  const { t: tc } = useTranslation();
  const previewSplit = useAppStore((s) => s.previewSplit);
  const applySplit = useAppStore((s) => s.applySplit);
  const ids = { language: useId(), text: useId(), help: useId() };
  const [language, setLanguage] = useState<UiLanguage>(defaultLanguage);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<SplitPreview | null>(null);
  const [items, setItems] = useState<{ number: string; text: string }[]>([]);
  const [busy, setBusy] = useState(false);

  const close = (message?: string) => {
    setText('');
    setPreview(null);
    setItems([]);
    onClose(message);
  };

  async function split() {
    setBusy(true);
    try {
      const result = await previewSplit(documentId, text);
      setPreview(result);
      setItems(
        result.clauses.map(({ number, text: clauseText }) => ({ number, text: clauseText })),
      );
    } finally {
      setBusy(false);
    }
  }

  async function accept() {
    setBusy(true);
    try {
      const applied = await applySplit(documentId, language, items);
      close(t('paste.applied', { created: applied.created, updated: applied.updated }));
    } finally {
      setBusy(false);
    }
  }

  const edit = (index: number, patch: Partial<{ number: string; text: string }>) =>
    setItems((all) => all.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  return (
    <Dialog title={t('paste.title')} open={open} onClose={() => close()} wide>
      {!preview ? (
        <div className="form">
          <div className="field inline">
            <label htmlFor={ids.language}>{t('paste.language')}</label>
            <select
              id={ids.language}
              value={language}
              onChange={(e) => setLanguage(e.target.value as UiLanguage)}
            >
              <option value="en">{tc('language.en')}</option>
              <option value="id">{tc('language.id')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.text}>{t('paste.text')}</label>
            <textarea
              id={ids.text}
              className="paste-text"
              lang={language}
              aria-describedby={ids.help}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <p className="help" id={ids.help}>
              {t('paste.textHelp')}
            </p>
          </div>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => close()}>
              {t('paste.cancel')}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => void split()}
            >
              {t('paste.split')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form">
          {preview.warnings.map((w) => (
            <p key={w} className="form-problem" role="alert">
              {t(`paste.warnings.${w}`)}
            </p>
          ))}
          {items.length > 0 && <p role="status">{t('paste.preview', { count: items.length })}</p>}
          {preview.alignment && (
            <ul className="alignment">
              <li>{t('paste.aligned', { count: preview.alignment.matched.length })}</li>
              {preview.alignment.unmatchedInPaste.length > 0 && (
                <li>
                  {t('paste.unmatchedInPaste', {
                    numbers: preview.alignment.unmatchedInPaste
                      .map((n) => n || t('clauses.preamble'))
                      .join(', '),
                  })}
                </li>
              )}
              {preview.alignment.unmatchedClauses.length > 0 && (
                <li>
                  {t('paste.unmatchedClauses', {
                    numbers: preview.alignment.unmatchedClauses.join(', '),
                  })}
                </li>
              )}
            </ul>
          )}
          {items.length > EDITABLE && (
            <p className="help">
              {t('paste.shownFirst', { shown: EDITABLE, count: items.length })}
            </p>
          )}
          <ol className="split-preview">
            {items.slice(0, EDITABLE).map((item, index) => (
              <li key={index} className="split-row">
                <input
                  className="split-number"
                  aria-label={t('paste.number')}
                  value={item.number}
                  onChange={(e) => edit(index, { number: e.target.value })}
                />
                <textarea
                  aria-label={t('paste.clauseText', {
                    number: item.number || t('clauses.preamble'),
                  })}
                  lang={language}
                  value={item.text}
                  onChange={(e) => edit(index, { text: e.target.value })}
                />
                <button
                  type="button"
                  className="button small subtle"
                  aria-label={t('paste.remove', { number: item.number || t('clauses.preamble') })}
                  onClick={() => setItems((all) => all.filter((_, i) => i !== index))}
                >
                  ✕
                </button>
              </li>
            ))}
          </ol>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setPreview(null)}>
              {t('paste.back')}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={busy || items.length === 0}
              onClick={() => void accept()}
            >
              {t('paste.accept')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
