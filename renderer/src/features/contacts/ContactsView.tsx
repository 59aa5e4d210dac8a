import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactQr } from '../../../../electron/common/domain/notebook-views';
import type { Contact } from '../../../../electron/common/domain/workspace-schema';
import { useBilingual } from '../../app/use-bilingual';
import { useAppStore } from '../../store/app-store';
import { confirmLeave } from '../../store/unsaved-changes';
import { saveFile } from '../../app/save-file';
import { ExportDialog, QrDialog } from './ContactDialogs';
import { ImportDialog } from './ImportDialog';
import { ContactForm } from './ContactForm';
import { MergeDialog } from './MergeDialog';

const SHOWN = 300;
const MAX_IMPORT_BYTES = 12 * 1024 * 1024;
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** All contacts (forumId null), or those met at one forum. */
export function ContactsView({ forumId }: { forumId: string | null }) {
  const { t } = useTranslation('contacts');
  const text = useBilingual();
  const all = useAppStore((s) => s.contacts);
  const load = useAppStore((s) => s.loadContacts);
  const getContact = useAppStore((s) => s.getContact);
  const createContact = useAppStore((s) => s.createContact);
  const updateContact = useAppStore((s) => s.updateContact);
  const deleteContact = useAppStore((s) => s.deleteContact);
  const deleteContacts = useAppStore((s) => s.deleteContacts);
  const forums = useAppStore((s) => s.forums);
  const linkContacts = useAppStore((s) => s.linkContacts);
  const contactQr = useAppStore((s) => s.contactQr);
  const exportContacts = useAppStore((s) => s.exportContacts);
  const filterId = useId();
  const linkForumId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<Contact | 'new' | null>(null);
  const [importFile, setImportFile] = useState<File | null>(null);
  // A new dialog (and its state) for each file chosen.
  const [importCount, setImportCount] = useState(0);
  const [checked, setChecked] = useState<string[]>([]);
  const [linkForum, setLinkForum] = useState<string>(forumId ?? '');
  const [exporting, setExporting] = useState(false);
  const [merging, setMerging] = useState(false);
  const [qr, setQr] = useState<ContactQr | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const contacts = useMemo(
    () => (all ?? []).filter((c) => !forumId || c.metForumIds.includes(forumId)),
    [all, forumId],
  );
  const shown = useMemo(() => {
    const needle = fold(filter.trim());
    return needle
      ? contacts.filter((c) =>
          fold([c.name, c.organisation.id, c.organisation.en, c.email, c.city].join(' ')).includes(
            needle,
          ),
        )
      : contacts;
  }, [contacts, filter]);
  const current = selected === 'new' ? null : selected;

  return (
    <div className="contacts-view">
      <div className="toolbar">
        <div className="field inline grow">
          <label htmlFor={filterId}>{t('filter')}</label>
          <input
            id={filterId}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
        <button
          type="button"
          className="button primary"
          onClick={async () => (await confirmLeave()) && setSelected('new')}
        >
          {t('new')}
        </button>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          {t('import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".vcf,.csv,text/vcard,text/x-vcard,text/csv"
          className="visually-hidden"
          aria-label={t('import')}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            // Larger files go through the CLI: the app would have to hold them whole in memory twice.
            if (file.size > MAX_IMPORT_BYTES) return setMessage(t('tooLarge'));
            setImportCount((n) => n + 1);
            setImportFile(file);
          }}
        />
        <button
          type="button"
          className="button"
          disabled={contacts.length < 2}
          onClick={() => setMerging(true)}
        >
          {t('duplicates')}
        </button>
        <button
          type="button"
          className="button"
          disabled={contacts.length === 0}
          onClick={() => setExporting(true)}
        >
          {t('export')}
        </button>
      </div>
      {message && (
        <p className="inline-status" role="status">
          {message}
        </p>
      )}
      {checked.length > 0 && (
        <div className="toolbar selection-bar" role="group" aria-label={t('selection.title')}>
          <span>{t('selection.count', { count: checked.length })}</span>
          <div className="field inline">
            <label htmlFor={linkForumId}>{t('selection.forum')}</label>
            <select
              id={linkForumId}
              value={linkForum}
              onChange={(e) => setLinkForum(e.target.value)}
            >
              <option value="">{t('selection.chooseForum')}</option>
              {forums.map((f) => (
                <option key={f.id} value={f.id}>
                  {text(f.name)}
                </option>
              ))}
            </select>
          </div>
          {([true, false] as const).map((linked) => (
            <button
              key={String(linked)}
              type="button"
              className="button"
              disabled={!linkForum}
              onClick={async () => {
                // The toast says how many changed, with *Undo*.
                await linkContacts(checked, linkForum, null, linked);
                setChecked([]);
              }}
            >
              {t(linked ? 'selection.link' : 'selection.unlink')}
            </button>
          ))}
          <button
            type="button"
            className="button"
            onClick={async () => {
              await deleteContacts(checked);
              if (current && checked.includes(current.id)) setSelected(null);
              setChecked([]);
            }}
          >
            {t('selection.delete')}
          </button>
          <button type="button" className="button subtle" onClick={() => setChecked([])}>
            {t('selection.clear')}
          </button>
        </div>
      )}
      <div className="contacts-layout">
        <div>
          {all && contacts.length === 0 && <p className="empty-state">{t('empty')}</p>}
          {contacts.length > 0 && shown.length === 0 && <p className="empty-state">{t('none')}</p>}
          {shown.length > SHOWN && (
            <p className="help">{t('shown', { shown: SHOWN, count: shown.length })}</p>
          )}
          <ul className="contact-list" aria-label={t('title')}>
            {shown.slice(0, SHOWN).map((c) => (
              <li key={c.id} className="contact-row">
                <input
                  type="checkbox"
                  className="contact-check"
                  aria-label={t('selection.choose', { name: c.name })}
                  checked={checked.includes(c.id)}
                  onChange={(e) =>
                    setChecked((ids) =>
                      e.target.checked ? [...ids, c.id] : ids.filter((id) => id !== c.id),
                    )
                  }
                />
                <button
                  type="button"
                  className="note-item"
                  aria-current={current?.id === c.id ? 'true' : undefined}
                  onClick={async () =>
                    (await confirmLeave()) && setSelected(await getContact(c.id))
                  }
                >
                  <span className="note-item-title">
                    {c.name}
                    {c.sensitive && (
                      <span className="status status-outdated-en"> {t('sensitive')}</span>
                    )}
                  </span>
                  <span className="note-item-session" data-user-content>
                    {[text(c.organisation), c.email].filter(Boolean).join(' · ')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
        <section aria-label={current?.name ?? t('new')} className="contact-detail">
          {selected === null ? (
            <p className="empty-state">{t('choose')}</p>
          ) : (
            <>
              <ContactForm
                key={current?.id ?? 'new'}
                contact={current}
                forumId={forumId}
                onSave={async (value) => {
                  setSelected(
                    current ? await updateContact(current.id, value) : await createContact(value),
                  );
                }}
              />
              {current && (
                <div className="form-actions">
                  <button
                    type="button"
                    className="button"
                    disabled={current.sensitive}
                    title={current.sensitive ? t('qrSensitive') : undefined}
                    onClick={async () => setQr(await contactQr(current.id))}
                  >
                    {t('qr')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={current.sensitive}
                    title={current.sensitive ? t('sensitiveHelp') : undefined}
                    onClick={async () => {
                      const result = await exportContacts({
                        format: 'vcf',
                        version: '4.0',
                        ids: [current.id],
                      });
                      saveFile(result.fileName, result.mimeType, result.content);
                    }}
                  >
                    {t('exportOne')}
                  </button>
                  <button
                    type="button"
                    className="button subtle"
                    onClick={async () => {
                      await deleteContact(current.id);
                      setSelected(null);
                    }}
                  >
                    {t('delete')}
                  </button>
                </div>
              )}
            </>
          )}
        </section>
      </div>
      <MergeDialog
        open={merging}
        onClose={(result) => {
          setMerging(false);
          setSelected(null);
          if (result) setMessage(result);
        }}
      />
      <QrDialog name={current?.name ?? ''} qr={qr} onClose={() => setQr(null)} />
      <ImportDialog
        key={importCount}
        file={importFile}
        forumId={forumId}
        forumName={text(forums.find((f) => f.id === forumId)?.name ?? { id: '', en: '' })}
        onClose={(result) => {
          setImportFile(null);
          if (result) setMessage(result);
        }}
      />
      <ExportDialog
        open={exporting}
        forumId={forumId}
        contacts={contacts}
        onClose={(result) => {
          setExporting(false);
          if (result) setMessage(result);
        }}
      />
    </div>
  );
}

export function ContactsPage() {
  const { t } = useTranslation('contacts');
  return (
    <div className="page forum-page">
      <h1>{t('title')}</h1>
      <ContactsView forumId={null} />
    </div>
  );
}
