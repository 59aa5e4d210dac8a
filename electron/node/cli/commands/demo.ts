import { AgreementService } from '../../clauses/agreement-service';
import { NotebookService } from '../../notebook/notebook-service';
import { createExampleForums } from '../../notebook/example-forums';
import { openCliWorkspace } from '../unlock';
import type { Command } from '../command';

export const demoCommand: Command = {
  options: {},
  async run(ctx) {
    const { t, io, workspace } = ctx;
    const opened = await openCliWorkspace(ctx, 'risalah demo');
    try {
      const notebook = new NotebookService(opened);
      const created = createExampleForums(notebook, new AgreementService(opened, notebook.search));
      const names = notebook
        .listForums()
        .filter((f) => created.includes(f.id))
        .map((f) => `  ${f.id}  ${f.name.en}`);
      io.out(
        created.length
          ? t('cli:demoCreated', { workspace, forums: names.join('\n') })
          : t('cli:demoPresent', { workspace }),
      );
    } finally {
      await opened.close();
    }
    return 0;
  },
};
