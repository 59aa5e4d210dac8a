import { ActionWithOutcome } from '../../app/ActionWithOutcome';
import type { ActionOutcome } from '../../app/ActionWithOutcome';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportPreview } from '../../../../electron/common/domain/notebook-views';
import { ApiError } from '../../api/api-client';
import { bytesOfBase64, saveFile } from '../../app/save-file';
import { useBilingual } from '../../app/use-bilingual';
import { useErrorMessage } from '../../app/use-error-message';
import { useAppStore } from '../../store/app-store';
import { ContactChoices } from '../contacts/ContactChoices';

type Template = 'summary' | 'travel-report';
type Language = 'id' | 'en' | 'both';
type Layout = 'parallel' | 'sequential';
type Format = 'docx' | 'pdf' | 'html' | 'md';

function Choice<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  options: readonly T[];
  label: (v: T) => string;
  onChange: (v: T) => void;
}) {
  return (
    <fieldset className="choices inline-choices">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option} className="radio">
          <input
            type="radio"
            name={props.name}
            checked={props.value === option}
            onChange={() => props.onChange(option)}
          />
          {props.label(option)}
        </label>
      ))}
    </fieldset>
  );
}

/** The export tab: choose document, language and layout, check the preview, then save. */
export function ExportView({ forumId }: { forumId: string }) {
  const { t } = useTranslation('exportUi');
  const text = useBilingual();
  const contacts = useAppStore((s) => s.contacts);
  const loadContacts = useAppStore((s) => s.loadContacts);
  const previewExport = useAppStore((s) => s.previewExport);
  const exportFile = useAppStore((s) => s.exportFile);
  const [template, setTemplate] = useState<Template>('summary');
  const [language, setLanguage] = useState<Language>('both');
  const [layout, setLayout] = useState<Layout>('parallel');
  const [format, setFormat] = useState<Format>('docx');
  const [useOther, setUseOther] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const errorMessage = useErrorMessage();
  /** The outcome of the last save, shown next to the button: never a success left from before. */
  const [outcome, setOutcome] = useState<ActionOutcome>(null);
  const [busy, setBusy] = useState(false);
  const met = useMemo(
    () => (contacts ?? []).filter((c) => c.metForumIds.includes(forumId)),
    [contacts, forumId],
  );
  const options = useMemo(
    () => ({ forumId, language, layout, template, useOtherLanguage: useOther, contactIds: chosen }),
    [forumId, language, layout, template, useOther, chosen],
  );

  useEffect(() => {
    void loadContacts();
  }, [loadContacts]);

  useEffect(() => {
    let current = true;
    void previewExport(options).then((result) => current && setPreview(result));
    return () => {
      current = false;
    };
  }, [previewExport, options]);

  async function save() {
    setOutcome(null);
    setBusy(true);
    try {
      const file = await exportFile({ ...options, format });
      saveFile(file.fileName, file.mimeType, await bytesOfBase64(file.base64));
      setOutcome({ ok: true, text: t('saved', { file: file.fileName }) });
    } catch (error) {
      const reason =
        error instanceof ApiError
          ? errorMessage(error.payload)
          : errorMessage({ code: 'internal', params: {} });
      setOutcome({ ok: false, text: t('failed', { format: t(`formats.${format}`), reason }) });
    } finally {
      setBusy(false);
    }
  }

  const missing = preview?.missing ?? [];
  return (
    <div className="export-view">
      <div className="export-options card">
        <Choice
          legend={t('template')}
          name="template"
          value={template}
          options={['summary', 'travel-report'] as const}
          label={(v) => t(`templates.${v}`)}
          onChange={setTemplate}
        />
        <Choice
          legend={t('language')}
          name="language"
          value={language}
          options={['id', 'en', 'both'] as const}
          label={(v) => t(`languages.${v}`)}
          onChange={setLanguage}
        />
        {language === 'both' && (
          <Choice
            legend={t('layout')}
            name="layout"
            value={layout}
            options={['parallel', 'sequential'] as const}
            label={(v) => t(`layouts.${v}`)}
            onChange={setLayout}
          />
        )}
        {language !== 'both' && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={useOther}
              onChange={(e) => setUseOther(e.target.checked)}
            />
            {t('useOther')}
          </label>
        )}
        {met.length > 0 && (
          <ContactChoices
            legend={t('contacts')}
            help={t('contactsHelp')}
            contacts={met}
            chosen={chosen}
            setChosen={setChosen}
            sensitiveBadge={<span className="status status-outdated-en">{t('sensitive')}</span>}
          />
        )}
        <Choice
          legend={t('format')}
          name="format"
          value={format}
          options={['docx', 'pdf', 'html', 'md'] as const}
          label={(v) => t(`formats.${v}`)}
          onChange={setFormat}
        />
        <ActionWithOutcome
          label={t('save')}
          busyLabel={t('saving')}
          busy={busy}
          onClick={() => void save()}
          outcome={outcome}
        />
      </div>
      {language !== 'both' && missing.some((m) => m.language === language) && (
        <section
          className="banner warning"
          aria-label={t('missingTitle', { language: t(`languages.${language}`) })}
        >
          <h2>{t('missingTitle', { language: t(`languages.${language}`) })}</h2>
          <ul>
            {missing
              .filter((m) => m.language === language)
              .slice(0, 8)
              .map((m, i) => (
                <li key={i}>{text(m.where).slice(0, 120)}</li>
              ))}
          </ul>
          {missing.filter((m) => m.language === language).length > 8 && (
            <p>
              {t('missingMore', {
                count: missing.filter((m) => m.language === language).length - 8,
              })}
            </p>
          )}
        </section>
      )}
      <section aria-label={t('preview')} className="export-preview">
        {/* Escaped by the host's renderer: every text in it went through its HTML escaping. */}
        {preview && <div dangerouslySetInnerHTML={{ __html: preview.html }} />}
      </section>
    </div>
  );
}
