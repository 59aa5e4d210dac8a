import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { useBilingual } from '../../app/use-bilingual';
import { useLanguageName } from '../../app/use-language-name';
import { useAppStore } from '../../store/app-store';
import { ClauseRow } from './ClauseRow';
import { DocumentForm } from './DocumentForm';
import { ClauseHistoryDialog } from './ClauseHistory';
import { PasteDialog } from './PasteDialog';

export function AgreementView({ forumId }: { forumId: string }) {
  const { t } = useTranslation('agreement');
  const languageName = useLanguageName();
  const text = useBilingual();
  const agreement = useAppStore((s) => (s.agreementForumId === forumId ? s.agreement : null));
  const loadAgreement = useAppStore((s) => s.loadAgreement);
  const createDocument = useAppStore((s) => s.createClauseDocument);
  const updateDocument = useAppStore((s) => s.updateClauseDocument);
  const renumber = useAppStore((s) => s.renumberClauses);
  const deleteDocument = useAppStore((s) => s.deleteClauseDocument);
  const historyId = useAppStore((s) => s.clauseHistoryId);
  const [selected, setSelected] = useState<string | null>(null);
  const [form, setForm] = useState<'new' | 'edit' | null>(null);
  const [pasting, setPasting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void loadAgreement(forumId);
  }, [forumId, loadAgreement]);

  if (!agreement) return null;
  const document = agreement.documents.find((d) => d.id === selected) ?? agreement.documents[0];
  const clauses = document ? agreement.clauses.filter((c) => c.documentId === document.id) : [];
  const siblings = (parentId: string | null) => clauses.filter((c) => c.parentId === parentId);
  const hasText = (side: 'id' | 'en') => clauses.some((c) => c.text[side].trim());
  // The side with more clauses still empty; with none yet, the authoritative language.
  const empties = (side: 'id' | 'en') => clauses.filter((c) => !c.text[side].trim()).length;
  const otherSide = document?.authoritativeLanguage === 'en' ? 'id' : 'en';
  const pasteLanguage = document
    ? clauses.length === 0 || !hasText(document.authoritativeLanguage)
      ? document.authoritativeLanguage
      : empties(otherSide) >= empties(document.authoritativeLanguage)
        ? otherSide
        : document.authoritativeLanguage
    : 'en';

  return (
    <div className="agreement">
      <div className="toolbar">
        {agreement.documents.length > 1 ? (
          <div className="segmented" role="group" aria-label={t('documents.label')}>
            {agreement.documents.map((d) => (
              <button
                key={d.id}
                type="button"
                aria-pressed={d.id === document?.id}
                onClick={() => setSelected(d.id)}
              >
                {text(d.title)}
              </button>
            ))}
          </div>
        ) : (
          <span />
        )}
        <button type="button" className="button" onClick={() => setForm('new')}>
          {t('documents.new')}
        </button>
      </div>
      {message && (
        <p className="inline-status" role="status">
          {message}
        </p>
      )}
      {!document && <p className="empty-state">{t('documents.empty')}</p>}
      {document && (
        <section aria-labelledby="document-title" className="clause-document">
          <header className="document-header">
            <div>
              <p className="eyebrow">
                {t(`documents.kinds.${document.kind}`)} ·{' '}
                {t(`documents.statuses.${document.status}`)}
              </p>
              <h2 id="document-title">{text(document.title)}</h2>
              <p className="help">
                {t('documents.authoritative', {
                  language: languageName(document.authoritativeLanguage),
                })}
                {document.source && ` · ${t('documents.source')}: ${document.source}`}
              </p>
            </div>
            <div className="header-actions">
              <button type="button" className="button primary" onClick={() => setPasting(true)}>
                {t('clauses.paste')}
              </button>
              {clauses.length > 0 && (
                <button type="button" className="button" onClick={() => void renumber(document.id)}>
                  {t('clauses.renumber')}
                </button>
              )}
              <button type="button" className="button subtle" onClick={() => setForm('edit')}>
                {t('documents.edit')}
              </button>
              <button
                type="button"
                className="button subtle"
                onClick={() => {
                  setSelected(null);
                  void deleteDocument(document.id);
                }}
              >
                {t('documents.delete')}
              </button>
            </div>
          </header>
          {clauses.length === 0 && <p className="empty-state">{t('clauses.empty')}</p>}
          <ol className="clauses" aria-label={t('clauses.label')}>
            {clauses.map((clause) => {
              const group = siblings(clause.parentId);
              return (
                <ClauseRow
                  // Not keyed by its update time: a reason saving itself while typed must not
                  // remount the row under the delegate's cursor.
                  key={clause.id}
                  clause={clause}
                  authoritative={document.authoritativeLanguage}
                  first={group[0]?.id === clause.id}
                  last={group.at(-1)?.id === clause.id}
                />
              );
            })}
          </ol>
          <ClauseHistoryDialog clause={clauses.find((c) => c.id === historyId)} />
          <PasteDialog
            key={`${document.id}:${pasteLanguage}`}
            documentId={document.id}
            defaultLanguage={pasteLanguage}
            open={pasting}
            onClose={(result) => {
              setPasting(false);
              if (result) setMessage(result);
            }}
          />
        </section>
      )}
      <Dialog
        title={form === 'edit' ? t('documentForm.editTitle') : t('documentForm.createTitle')}
        open={form !== null}
        onClose={() => setForm(null)}
        wide
      >
        {form && (
          <DocumentForm
            document={form === 'edit' ? document : undefined}
            onCancel={() => setForm(null)}
            onSubmit={async (input) => {
              if (form === 'edit' && document) await updateDocument(document.id, input);
              else setSelected(await createDocument(input));
              setForm(null);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}
