import { resolve } from 'node:path';
import type { ExportFormat } from '../../export/exporter';
import { DurableTextFile } from '../../store/durable-file';
import { openCliWorkspace } from '../unlock';
import type { Command } from '../command';

const choices = {
  format: ['docx', 'pdf', 'md', 'html'] satisfies ExportFormat[] as readonly string[],
  lang: ['id', 'en', 'both'],
  layout: ['parallel', 'sequential'],
  template: ['summary', 'travel-report'],
};

export const exportCommand: Command = {
  options: {
    forum: { type: 'string' },
    format: { type: 'string' },
    lang: { type: 'string' },
    layout: { type: 'string' },
    template: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx) {
    const { t, io, values } = ctx;
    const value = (name: keyof typeof choices, fallback?: string) => {
      const given = typeof values[name] === 'string' ? (values[name] as string) : fallback;
      if (given === undefined || !choices[name].includes(given)) {
        io.err(
          t('cli:badChoice', {
            option: `--${name}`,
            value: String(given ?? ''),
            choices: choices[name].join(', '),
          }),
        );
        return null;
      }
      return given;
    };
    const format = value('format');
    const language = value('lang');
    const layout = value('layout', 'parallel');
    const template = value('template', 'summary');
    if (!format || !language || !layout || !template) return 2;
    if (typeof values.forum !== 'string' || typeof values.out !== 'string') {
      io.err(
        t('cli:missingValue', { option: typeof values.forum !== 'string' ? '--forum' : '--out' }),
      );
      return 2;
    }
    const opened = await openCliWorkspace(ctx, 'risalah export');
    try {
      // Loaded when used: the document libraries would slow every other command's start.
      const { exportForum } = await import('../../export/exporter');
      const file = await exportForum(opened, {
        forumId: values.forum,
        format: format as ExportFormat,
        language: language as 'id' | 'en' | 'both',
        layout: layout as 'parallel' | 'sequential',
        template: template as 'summary' | 'travel-report',
        useOtherLanguage: true,
        contactIds: [],
      });
      for (const gap of file.missing.slice(0, 20)) {
        io.err(
          t('cli:exportMissing', {
            language: gap.language,
            text: (gap.where.id || gap.where.en).slice(0, 80),
          }),
        );
      }
      // Written whole or not at all: an unwritable path leaves no partial file.
      await new DurableTextFile(resolve(values.out)).write(file.content);
      io.out(t('cli:exported', { out: values.out }));
      return 0;
    } finally {
      await opened.close();
    }
  },
};

export const forumsCommand: Command = {
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    const { io, values } = ctx;
    const opened = await openCliWorkspace(ctx, 'risalah forums');
    try {
      const forums = opened.data.forums.filter((f) => !f.deletedAt);
      if (values.json) io.out(JSON.stringify(forums, null, 2));
      else
        for (const f of forums)
          io.out(`${f.id}  ${f.startDate ?? '          '}  ${f.acronym || f.name.en || f.name.id}`);
      return 0;
    } finally {
      await opened.close();
    }
  },
};
