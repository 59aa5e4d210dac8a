import type { Workspace } from '../store/workspace';
import { buildBrief } from './brief';
import type { Brief, BriefTemplate } from './brief';
import { renderDocx } from './docx';
import { renderHtml, renderHtmlFragment } from './html';
import { renderMarkdown } from './markdown';
import type { ExportLanguage, ExportLayout } from './options';

export const exportFormats = ['docx', 'pdf', 'md', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportRequest {
  forumId: string;
  format: ExportFormat;
  language: ExportLanguage;
  layout: ExportLayout;
  template: BriefTemplate;
  useOtherLanguage: boolean;
  contactIds: string[];
  /** The signing date (YYYY-MM-DD); else the report's own date, else the forum's last day. */
  date?: string;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
  missing: Brief['missing'];
}

const MIME: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown',
  html: 'text/html',
};

export function briefFor(
  workspace: Workspace,
  request: Omit<ExportRequest, 'format' | 'layout' | 'useOtherLanguage'>,
): Brief {
  return buildBrief({
    profile: workspace.data.profile,
    forum: workspace.forum(request.forumId),
    contacts: workspace.data.contacts,
    template: request.template,
    contactIds: request.contactIds,
    // Without a date asked for, the report's own date (or the forum's last day) is used.
    date: request.date,
  });
}

/** Builds the brief once, then renders it in the format asked. */
export async function exportForum(
  workspace: Workspace,
  request: ExportRequest,
): Promise<ExportedFile> {
  const brief = briefFor(workspace, request);
  const options = {
    language: request.language,
    layout: request.layout,
    useOtherLanguage: request.useOtherLanguage,
  };
  const content =
    request.format === 'docx'
      ? await renderDocx(brief, options)
      : request.format === 'pdf'
        ? // Loaded on demand: the PDF library and its fonts would slow every CLI start.
          await (await import('./pdf')).renderPdf(brief, options)
        : Buffer.from(
            request.format === 'md' ? renderMarkdown(brief, options) : renderHtml(brief, options),
            'utf8',
          );
  const forum = workspace.forum(request.forumId).forum;
  const slug = (forum.acronym || forum.name.en || forum.name.id)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    // Both layouts of a bilingual brief get their own names, so saving one keeps the other.
    fileName: `${slug || 'forum'}-${request.template}-${request.language}${request.language === 'both' ? `-${request.layout}` : ''}.${request.format}`,
    mimeType: MIME[request.format],
    content,
    missing: brief.missing,
  };
}

/** What the export tab shows before saving: the brief as HTML, and what is untranslated. */
export function previewForum(
  workspace: Workspace,
  request: Omit<ExportRequest, 'format'>,
): { html: string; missing: Brief['missing'] } {
  const brief = briefFor(workspace, request);
  return {
    html: renderHtmlFragment(brief, {
      language: request.language,
      layout: request.layout,
      useOtherLanguage: request.useOtherLanguage,
    }),
    missing: brief.missing,
  };
}
