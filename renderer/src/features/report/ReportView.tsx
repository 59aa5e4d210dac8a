import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDetails } from '../../../../electron/common/domain/forum-schema';
import type { Bilingual } from '../../../../electron/common/domain/primitives';
import { reportTextFields } from '../../../../electron/common/domain/vocabulary';
import type { ReportTextField } from '../../../../electron/common/domain/vocabulary';
import { ApiError } from '../../api/api-client';
import { Field } from '../../app/Field';
import { useErrorMessage } from '../../app/use-error-message';
import { useLanguageName } from '../../app/use-language-name';
import { NONE, useAppStore } from '../../store/app-store';
import { HistoryDialog, sideVersionItem } from '../history/HistoryDialog';
import type { HistoryItem } from '../history/HistoryDialog';
import { MembersPicker } from './MembersPicker';
import { ReportDateField } from './ReportDateField';
import { SignatoriesEditor } from './SignatoriesEditor';

/** Two fields side by side, Indonesian then English, as notes are written. */
function PairFields(props: {
  labelId: string;
  labelEn: string;
  value: Bilingual;
  max: number;
  onChange: (value: Bilingual) => void;
}) {
  return (
    <div className="pair-row">
      <Field
        label={props.labelId}
        lang="id"
        maxLength={props.max}
        value={props.value.id}
        onChange={(id) => props.onChange({ ...props.value, id })}
      />
      <Field
        label={props.labelEn}
        lang="en"
        maxLength={props.max}
        value={props.value.en}
        onChange={(en) => props.onChange({ ...props.value, en })}
      />
    </div>
  );
}

/**
 * A narrative text's History: texts a colleague wrote that the delegate's replaced where both
 * rewrote the same words, and texts a restore replaced; each can be put back.
 */
function ReportTextHistory({ field, value }: { field: ReportTextField; value: Bilingual }) {
  const { t } = useTranslation('report');
  const { t: tn } = useTranslation('notebook');
  const history = useAppStore((s) => s.reportHistory);
  const restore = useAppStore((s) => s.restoreReportVersion);
  const [open, setOpen] = useState(false);
  const items: HistoryItem[] = history
    .filter((v) => v.field === field)
    .map((v) => ({
      ...sideVersionItem(v),
      ...(v.kind === 'merge' ? { what: t('texts.replacedAtMerge') } : {}),
    }));
  if (items.length === 0) return null;
  const title = tn('history.title', { what: t(`texts.${field}`) });
  return (
    <>
      <button
        type="button"
        className="button small subtle"
        aria-haspopup="dialog"
        aria-label={title}
        onClick={() => setOpen(true)}
      >
        {tn('history.openCount', { count: items.length })}
      </button>
      <HistoryDialog
        title={title}
        open={open}
        items={items}
        current={value}
        onClose={() => setOpen(false)}
        onRestore={(item) => restore(item.id)}
      />
    </>
  );
}

function ReportText({ field, value }: { field: ReportTextField; value: Bilingual }) {
  const { t } = useTranslation('report');
  const languageName = useLanguageName();
  const editReport = useAppStore((s) => s.editReport);
  const id = useId();
  return (
    <div className="report-text" role="group" aria-labelledby={`${id}-title`}>
      <div className="report-text-head">
        <h4 id={`${id}-title`}>{t(`texts.${field}`)}</h4>
        <ReportTextHistory field={field} value={value} />
      </div>
      <div className="sides">
        {(['id', 'en'] as const).map((side) => (
          <div key={side} className="side">
            <label htmlFor={`${id}-${side}`} className="side-label">
              {languageName(side, 'start')}
            </label>
            <textarea
              id={`${id}-${side}`}
              className="report-textarea"
              lang={side}
              aria-label={`${t(`texts.${field}`)} · ${languageName(side, 'start')}`}
              value={value[side]}
              spellCheck
              rows={8}
              onChange={(e) => editReport({ [field]: { ...value, [side]: e.target.value } })}
            />
          </div>
        ))}
      </div>
    </div>
  );
}

function DraftsButton({ report }: { report: ReportDetails }) {
  const { t } = useTranslation('report');
  const errorMessage = useErrorMessage();
  const fillReportDrafts = useAppStore((s) => s.fillReportDrafts);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const empty = reportTextFields.some((f) => !report[f].id.trim() || !report[f].en.trim());

  async function fill() {
    setBusy(true);
    try {
      const count = await fillReportDrafts();
      setMessage(count > 0 ? t('texts.filled', { count }) : t('texts.nothingToFill'));
    } catch (error) {
      const reason = error instanceof ApiError ? errorMessage(error.payload) : String(error);
      setMessage(t('texts.fillFailed', { reason }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="drafts">
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-describedby="drafts-help"
          onClick={() => void fill()}
        >
          {t('texts.fill')}
        </button>
        <span role="status" className={message ? 'inline-status' : undefined}>
          {message ?? ''}
        </span>
      </div>
      <p id="drafts-help" className="help">
        {empty ? t('texts.fillHelp') : t('texts.nothingToFill')}
      </p>
    </div>
  );
}

/**
 * The travel report's details for one forum: who went, on whose order, the report's number,
 * date and addressee, who signs, and the delegate's texts in both languages. Saved as typed.
 */
export function ReportView({ forumId }: { forumId: string }) {
  const { t } = useTranslation('report');
  const report = useAppStore((s) => (s.reportForumId === forumId ? s.report : null));
  const members = useAppStore((s) => s.profile?.members ?? NONE);
  const loadReport = useAppStore((s) => s.loadReport);
  const editReport = useAppStore((s) => s.editReport);
  const navigate = useAppStore((s) => s.navigate);

  useEffect(() => {
    void loadReport(forumId);
  }, [forumId, loadReport]);

  if (!report) return null;
  const edit = (patch: Partial<ReportDetails>) => editReport(patch);

  return (
    <div className="report-view">
      <p className="help">{t('intro')}</p>

      <section className="card" aria-labelledby="report-members">
        <h3 id="report-members">{t('members.title')}</h3>
        {members.length === 0 ? (
          <div className="form-actions">
            <p className="muted">{t('members.none')}</p>
            <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
              {t('members.openProfile')}
            </button>
          </div>
        ) : (
          <MembersPicker
            members={members}
            selected={report.memberIds}
            onChange={(memberIds) => edit({ memberIds })}
          />
        )}
      </section>

      <section className="card" aria-labelledby="report-assignment">
        <h3 id="report-assignment">{t('assignment.title')}</h3>
        <div className="form-grid">
          <Field
            label={t('assignment.number')}
            maxLength={200}
            value={report.assignment.number}
            onChange={(number) => edit({ assignment: { ...report.assignment, number } })}
          />
          <ReportDateField
            name="assignmentDate"
            label={t('assignment.date')}
            value={report.assignment.date}
            onChange={(date) => edit({ assignment: { ...report.assignment, date } })}
          />
        </div>
        <PairFields
          labelId={t('assignment.issuedById')}
          labelEn={t('assignment.issuedByEn')}
          max={300}
          value={report.assignment.issuedBy}
          onChange={(issuedBy) => edit({ assignment: { ...report.assignment, issuedBy } })}
        />
      </section>

      <section className="card" aria-labelledby="report-document">
        <h3 id="report-document">{t('document.title')}</h3>
        <div className="form-grid">
          <Field
            label={t('document.number')}
            maxLength={200}
            value={report.number}
            onChange={(number) => edit({ number })}
          />
          <ReportDateField
            name="date"
            label={t('document.date')}
            help={t('document.dateHelp')}
            value={report.date}
            onChange={(date) => edit({ date })}
          />
          <Field
            label={t('document.place')}
            maxLength={200}
            value={report.place}
            onChange={(place) => edit({ place })}
          />
        </div>
        <PairFields
          labelId={t('document.addresseeId')}
          labelEn={t('document.addresseeEn')}
          max={500}
          value={report.addressee}
          onChange={(addressee) => edit({ addressee })}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={report.useLetterhead}
            onChange={(e) => edit({ useLetterhead: e.target.checked })}
          />
          {t('document.useLetterhead')}
        </label>
      </section>

      <section className="card" aria-labelledby="report-signatories">
        <h3 id="report-signatories">{t('signatories.title')}</h3>
        <p className="help">{t('signatories.help')}</p>
        <SignatoriesEditor
          signatories={report.signatories}
          members={members}
          travelled={report.memberIds}
          onChange={(signatories) => edit({ signatories })}
        />
      </section>

      <section className="card" aria-labelledby="report-texts">
        <h3 id="report-texts">{t('texts.title')}</h3>
        <p className="help">{t('texts.help')}</p>
        <DraftsButton report={report} />
        {reportTextFields.map((field) => (
          <ReportText key={field} field={field} value={report[field]} />
        ))}
      </section>
    </div>
  );
}
