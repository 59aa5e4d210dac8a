import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ContactsService } from '../../contacts/contacts-service';
import { csvFields } from '../../contacts/csv';
import type { CsvField, CsvMapping } from '../../contacts/csv';
import { NotebookService } from '../../notebook/notebook-service';
import { DurableTextFile } from '../../store/durable-file';
import { openCliWorkspace } from '../unlock';
import type { Command, CommandContext } from '../command';

async function withContacts<T>(
  ctx: CommandContext,
  run: (contacts: ContactsService) => Promise<T>,
): Promise<T> {
  const opened = await openCliWorkspace(ctx, 'risalah contacts');
  try {
    return await run(new ContactsService(opened, new NotebookService(opened).search));
  } finally {
    await opened.close();
  }
}

async function importFile(ctx: CommandContext): Promise<number> {
  const { t, io, positionals, values } = ctx;
  const file = positionals[1];
  if (!file) {
    io.err(t('cli:contactsNeedFile'));
    return 2;
  }
  const bytes = await readFile(resolve(file)).catch(() => null);
  if (!bytes) {
    io.err(t('cli:fileUnreadable', { file }));
    return 1;
  }
  return withContacts(ctx, async (contacts) => {
    let preview = contacts.previewImport(bytes);
    if (preview.csv && typeof values.map === 'string') {
      const mapping = parseMap(values.map, preview.csv.headers);
      if (!mapping) {
        io.err(t('cli:badMap', { map: values.map }));
        return 2;
      }
      preview = contacts.previewImport(bytes, mapping);
    }
    for (const problem of preview.csv?.rowProblems ?? []) {
      io.err(t(`cli:row-${problem.reason}`, { file, line: problem.line }));
    }
    for (const problem of preview.problems) {
      io.err(t(`cli:card-${problem.reason}`, { file, card: problem.card, line: problem.line }));
    }
    if (preview.contacts.length === 0) return 1;
    const count = await contacts.commitImport(preview.token, preview.csv?.mapping);
    const duplicates = preview.contacts.filter((c) => c.duplicateOf).length;
    io.out(t('cli:contactsImported', { count, file, duplicates }));
    return 0;
  });
}

async function exportFile(ctx: CommandContext): Promise<number> {
  const { t, io, values } = ctx;
  const format = values.format;
  const version = values['vcard-version'] ?? '4.0';
  const out = values.out;
  if (format !== 'vcf' && format !== 'csv') {
    io.err(t('cli:badChoice', { option: '--format', value: String(format), choices: 'vcf, csv' }));
    return 2;
  }
  if (version !== '3.0' && version !== '4.0') {
    io.err(
      t('cli:badChoice', {
        option: '--vcard-version',
        value: String(version),
        choices: '3.0, 4.0',
      }),
    );
    return 2;
  }
  if (typeof out !== 'string') {
    io.err(t('cli:missingValue', { option: '--out' }));
    return 2;
  }
  const forumId = typeof values.forum === 'string' ? values.forum : null;
  const result = await withContacts(ctx, async (contacts) =>
    contacts.export({ format, version, forumId }),
  );
  // Written whole or not at all: a failed export leaves no partial file behind.
  await new DurableTextFile(resolve(out)).write(result.content);
  io.out(t('cli:contactsExported', { count: result.count, out, leftOut: result.leftOut }));
  return 0;
}

/** "name=Nama Lengkap,email=5": a field per column, named by header or by 1-based number. */
function parseMap(text: string, headers: string[]): CsvMapping | null {
  const mapping: CsvMapping = {};
  for (const pair of text.split(',')) {
    const [field = '', column = ''] = pair.split('=').map((p) => p.trim());
    if (!(csvFields as readonly string[]).includes(field)) return null;
    const index = /^\d+$/.test(column)
      ? Number(column) - 1
      : headers.findIndex((h) => h.toLowerCase() === column.toLowerCase());
    if (index < 0 || index >= headers.length) return null;
    mapping[field as CsvField] = index;
  }
  return mapping;
}

export const contactsCommand: Command = {
  options: {
    map: { type: 'string' },
    format: { type: 'string' },
    'vcard-version': { type: 'string' },
    forum: { type: 'string' },
    out: { type: 'string' },
  },
  positionals: 2,
  async run(ctx) {
    const action = ctx.positionals[0];
    if (action === 'import') return importFile(ctx);
    if (action === 'export') return exportFile(ctx);
    ctx.io.err(ctx.t('cli:contactsUsage'));
    return 2;
  },
};
