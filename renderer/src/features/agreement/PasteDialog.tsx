import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SplitPreview } from '../../../../electron/common/domain/notebook-views';
import type { UiLanguage } from '../../../../electron/common/language';
import { Dialog } from '../../app/Dialog';
import { useLanguageName } from '../../app/use-language-name';
import { useAppStore } from '../../store/app-store';

/** Rows a delegate can check and edit; a longer split is accepted whole. */
const EDITABLE = 300;
/** Replaced texts listed for checking; the count always covers them all. */
const SHOWN_REPLACED = 20;

interface Props {
  documentId: string;
  defaultLanguage: UiLanguage;
  open: boolean;
  onClose: (message?: string) => void;
}

export function PasteDialog({ documentId, defaultLanguage, open, onClose }: Props) {
  const { t } = useTranslation('agreement');
  const previewSplit = useAppStore((s) => s.previewSplit);
  const applySplit = useAppStore((s) => s.applySplit);
  const ids = { language: useId(), side: useId(), text: useId(), help: useId(), guard: useId() };
  const [language, setLanguage] = useState<UiLanguage>(defaultLanguage);
  /** Chosen by the delegate: then detection only warns, it no longer picks the side. */
  const [languageChosen, setLanguageChosen] = useState(false);
  /** What accepting does when it would replace texts: asked, never assumed. */
  const [choice, setChoice] = useState<'replace' | 'keep' | null>(null);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<SplitPreview | null>(null);
  const [items, setItems] = useState<{ number: string; text: string }[]>([]);
  const [busy, setBusy] = useState(false);

  const close = (message?: string) => {
    setText('');
    setPreview(null);
    setItems([]);
    setChoice(null);
    onClose(message);
  };
  const languageName = useLanguageName();
  const chooseLanguage = (side: UiLanguage) => {
    setLanguage(side);
    setLanguageChosen(true);
    setChoice(null);
  };
  const replaces = preview?.replaces[language] ?? [];
  const replacedNumbers = new Set(replaces.map((r) => r.number.trim().toLowerCase()));

  async function split() {
    setBusy(true);
    try {
      const result = await previewSplit(documentId, text);
      setPreview(result);
      setChoice(null);
      // The text's own language decides the side, unless the delegate chose one.
      if (!languageChosen && result.detected) setLanguage(result.detected);
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
      const kept =
        choice === 'keep'
          ? items.filter((item) => !replacedNumbers.has(item.number.trim().toLowerCase()))
          : items;
      const applied = await applySplit(documentId, language, kept, choice === 'replace');
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
              onChange={(e) => chooseLanguage(e.target.value as UiLanguage)}
            >
              <option value="en">{languageName('en', 'start')}</option>
              <option value="id">{languageName('id', 'start')}</option>
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
          <div className="field inline">
            <label htmlFor={ids.side}>{t('paste.side')}</label>
            <select
              id={ids.side}
              value={language}
              onChange={(e) => chooseLanguage(e.target.value as UiLanguage)}
            >
              <option value="en">{languageName('en', 'start')}</option>
              <option value="id">{languageName('id', 'start')}</option>
            </select>
          </div>
          {preview.detected && preview.detected !== language ? (
            <p className="form-problem" role="alert">
              {t('paste.mismatch', {
                detected: languageName(preview.detected),
                side: languageName(language),
              })}{' '}
              <button
                type="button"
                className="button small"
                onClick={() => chooseLanguage(preview.detected as UiLanguage)}
              >
                {t('paste.useDetected', { language: languageName(preview.detected) })}
              </button>
            </p>
          ) : (
            <p className="help">
              {preview.detected
                ? t('paste.detected', { language: languageName(preview.detected) })
                : t('paste.undetected')}
            </p>
          )}
          {replaces.length > 0 && (
            <section className="paste-guard" role="alert" aria-labelledby={ids.guard}>
              <h3 id={ids.guard}>
                {t('paste.replaceTitle', { count: replaces.length, side: languageName(language) })}
              </h3>
              <p className="help">{t('paste.replaceHelp')}</p>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('paste.replaceNumber')}</th>
                    <th scope="col">{t('paste.replaceOld')}</th>
                    <th scope="col">{t('paste.replaceNew')}</th>
                  </tr>
                </thead>
                <tbody>
                  {replaces.slice(0, SHOWN_REPLACED).map((r) => (
                    <tr key={r.number}>
                      <td>{r.number || t('clauses.preamble')}</td>
                      <td lang={language}>
                        <del>{r.before}</del>
                      </td>
                      <td>
                        <ins>{r.after}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {replaces.length > SHOWN_REPLACED && (
                <p className="help">
                  {t('paste.replaceMore', { count: replaces.length - SHOWN_REPLACED })}
                </p>
              )}
              <fieldset>
                <legend>{t('paste.choice')}</legend>
                <label>
                  <input
                    type="radio"
                    name={ids.guard}
                    checked={choice === 'replace'}
                    onChange={() => setChoice('replace')}
                  />
                  {t('paste.choiceReplace', {
                    count: replaces.length,
                    side: languageName(language),
                  })}
                </label>
                <label>
                  <input
                    type="radio"
                    name={ids.guard}
                    checked={choice === 'keep'}
                    onChange={() => setChoice('keep')}
                  />
                  {t('paste.choiceKeep')}
                </label>
              </fieldset>
            </section>
          )}
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
              disabled={busy || items.length === 0 || (replaces.length > 0 && choice === null)}
              aria-describedby={replaces.length > 0 && choice === null ? ids.guard : undefined}
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
