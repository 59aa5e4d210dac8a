import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { workspaceDocumentSchema } from '../../../common/domain/workspace-schema';
import { Backups } from '../../store/backups';
import { readDocumentText } from '../../store/document-loader';
import type { DocumentSealer } from '../../store/crypto';
import { WORKSPACE_FILE } from '../../store/workspace';
import type { Command, CommandContext } from '../command';
import { cliSealer, openCliWorkspace } from '../unlock';

/** Forum names by id, read without taking the lock (listing may run beside the app). */
async function forumNames(workspace: string, sealer: DocumentSealer): Promise<Map<string, string>> {
  try {
    const text = sealer.open(await readFile(join(workspace, WORKSPACE_FILE)), 'workspace');
    const { data } = readDocumentText(text, 'workspace', workspaceDocumentSchema);
    return new Map(data.forums.map((f) => [f.id, f.name.en || f.name.id]));
  } catch {
    return new Map();
  }
}

export const backupsCommand: Command = {
  options: {},
  async run(ctx: CommandContext) {
    const { t, io, workspace, language } = ctx;
    // Asked first, so an encrypted workspace lists nothing without its passphrase.
    const sealer = await cliSealer(ctx);
    const list = await new Backups(workspace).list();
    if (list.length === 0) {
      io.out(t('cli:backupsNone', { workspace }));
      return 0;
    }
    const names = await forumNames(workspace, sealer);
    const date = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const size = new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', {
      style: 'unit',
      unit: 'kilobyte',
      maximumFractionDigits: 1,
    });
    io.out(t('cli:backupsHeader', { workspace }));
    for (const entry of list) {
      const forumId = entry.document.replace(/^forum-/, '');
      io.out(
        t('cli:backupLine', {
          date: date.format(new Date(entry.createdAt)),
          reason: t(`cli:reason-${entry.reason}`),
          document:
            entry.document === 'workspace'
              ? t('cli:backupWorkspace')
              : t('cli:backupForum', { name: names.get(forumId) ?? forumId }),
          size: size.format(entry.size / 1024),
          id: entry.id,
        }),
      );
    }
    return 0;
  },
};

export const restoreCommand: Command = {
  options: {},
  positionals: 1,
  async run(ctx) {
    const { t, io, positionals } = ctx;
    const [id] = positionals;
    if (!id) {
      io.err(t('cli:restoreNeedsId'));
      return 2;
    }
    const opened = await openCliWorkspace(ctx, 'risalah restore');
    try {
      await opened.restoreBackup(id);
    } finally {
      await opened.close();
    }
    io.out(t('cli:restored', { id }));
    return 0;
  },
};
