import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ContactsService } from '../../contacts/contacts-service';
import { csvFields } from '../../contacts/csv';
import { importEncodings } from '../../contacts/encoding';
import type { ImportEncoding } from '../../contacts/encoding';
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
  const encoding = values.encoding;
  if (encoding !== undefined && !(importEncodings as readonly unknown[]).includes(encoding)) {
    io.err(
      t('cli:badChoice', {
        option: '--encoding',
        value: String(encoding),
        choices: importEncodings.join(', '),
      }),
    );
    return 2;
  }
  const oversize = values.oversize ?? 'trim';
  if (oversize !== 'trim' && oversize !== 'omit') {
    io.err(
      t('cli:badChoice', { option: '--oversize', value: String(oversize), choices: 'trim, omit' }),
    );
    return 2;
  }
  const forumId = typeof values.forum === 'string' ? values.forum : null;
  return withContacts(ctx, async (contacts) => {
    const options = encoding ? { encoding: encoding as ImportEncoding } : {};
    let preview = await contacts.previewImport(bytes, options);
    if (preview.csv && typeof values.map === 'string') {
      const mapping = parseMap(values.map, preview.csv.headers);
      if (!mapping) {
        io.err(t('cli:badMap', { map: values.map }));
        return 2;
      }
      preview = await contacts.previewImport(bytes, { ...options, mapping });
    }
    io.out(t('cli:contactsEncoding', { file, encoding: preview.encoding }));
    if (preview.csv?.headerless) io.err(t('cli:csvHeaderless', { file }));
    for (const problem of preview.csv?.rowProblems ?? []) {
      io.err(
        t(`cli:row-${problem.reason}`, { file, line: problem.line, value: problem.value ?? '' }),
      );
    }
    for (const problem of preview.problems) {
      io.err(t(`cli:card-${problem.reason}`, { file, card: problem.card, line: problem.line }));
    }
    for (const item of preview.oversize) {
      for (const field of item.fields) {
        io.err(
          t(`cli:oversize-${oversize}`, {
            file,
            line: item.line,
            field: field.field,
            length: field.length,
            limit: field.limit,
          }),
        );
      }
    }
    if (preview.unreadable === 'not-contacts') io.err(t('cli:notContacts', { file }));
    if (preview.total === 0) return 1;
    const count = await contacts.commitImport(preview.token, { oversize, forumId });
    io.out(t('cli:contactsImported', { count, file, duplicates: preview.duplicates }));
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

/**
 * "name=First Name+Last Name,email=5": each field from one column or several joined with "+",
 * named by header or by 1-based number.
 */
function parseMap(text: string, headers: string[]): CsvMapping | null {
  const mapping: CsvMapping = {};
  for (const pair of text.split(',')) {
    const [field = '', columns = ''] = pair.split('=').map((p) => p.trim());
    if (!(csvFields as readonly string[]).includes(field)) return null;
    const indexes: number[] = [];
    for (const column of columns.split('+').map((c) => c.trim())) {
      const index = /^\d+$/.test(column)
        ? Number(column) - 1
        : headers.findIndex((h) => h.toLowerCase() === column.toLowerCase());
      if (index < 0 || index >= headers.length) return null;
      indexes.push(index);
    }
    mapping[field as CsvField] = indexes;
  }
  return mapping;
}

export const contactsCommand: Command = {
  options: {
    map: { type: 'string' },
    encoding: { type: 'string' },
    oversize: { type: 'string' },
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
