import { randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors';
import type { UiLanguage } from '../../common/language';
import type {
  ChangedBy,
  ForumDocument,
  HistoryKind,
  ReportDetails,
  ReportVersion,
} from '../../common/domain/forum-schema';
import type { ReportTextField } from '../../common/domain/vocabulary';

/**
 * The travel report narrative's history: a colleague's text replaced by the delegate's
 * where both rewrote the same words is kept here, with who wrote it, as a note side's is in
 * the note's history, so a reload or a closed notice loses nothing. It stays on this laptop
 * (like `noteHistory`); a restore keeps the text it replaces in turn.
 */

/** Texts kept per narrative side; the oldest beyond this are let go. */
export const REPORT_HISTORY_KEPT = 30;

/** Who last wrote a side of a narrative text, when known. */
export const textAuthor = (report: ReportDetails, field: ReportTextField, side: UiLanguage) =>
  report.textBy?.[field]?.[side]?.name ?? '';

/** Records that `by` wrote `side` of `field`, so its history can name them later. */
export function markWritten(
  report: ReportDetails,
  field: ReportTextField,
  side: UiLanguage,
  by: ChangedBy,
): void {
  report.textBy = { ...report.textBy, [field]: { ...report.textBy?.[field], [side]: by } };
}

export function keepReportVersion(
  doc: ForumDocument,
  entry: { field: ReportTextField; side: UiLanguage; text: string; author: string },
  kind: HistoryKind,
  at: string,
): ReportVersion {
  const version: ReportVersion = { id: randomUUID(), ...entry, recordedAt: at, kind };
  const history = [...(doc.reportHistory ?? []), version];
  const same = history.filter((v) => v.field === entry.field && v.side === entry.side);
  const drop = new Set(same.slice(0, Math.max(0, same.length - REPORT_HISTORY_KEPT)));
  doc.reportHistory = history.filter((v) => !drop.has(v));
  return version;
}

/** The narrative's earlier texts, newest first. */
export const reportHistoryOf = (doc: ForumDocument): ReportVersion[] =>
  structuredClone(doc.reportHistory ?? []).reverse();

/** Puts an earlier text back on its side; the one it replaces is kept in the history. */
export function restoreReportVersion(
  doc: ForumDocument,
  versionId: string,
  by: ChangedBy,
): ReportDetails {
  const version = (doc.reportHistory ?? []).find((v) => v.id === versionId);
  if (!version) throw new AppError('not-found', { id: versionId });
  const { field, side } = version;
  const current = doc.report[field][side];
  if (current !== version.text) {
    keepReportVersion(
      doc,
      { field, side, text: current, author: textAuthor(doc.report, field, side) },
      'restore',
      by.at,
    );
    doc.report[field] = { ...doc.report[field], [side]: version.text };
    markWritten(doc.report, field, side, by);
  }
  return structuredClone(doc.report);
}
