import { checkWorkspace } from '../../store/check';
import type { Command } from '../command';
import { cliSealer } from '../unlock';

export const checkCommand: Command = {
  options: {},
  async run(ctx) {
    const { t, io, workspace } = ctx;
    const { documents, problems } = await checkWorkspace(workspace, await cliSealer(ctx));
    if (problems.length === 0) {
      io.out(t('cli:checkOk', { workspace, documents }));
      return 0;
    }
    const errors = problems.filter((p) => p.severity === 'error').length;
    io.out(
      t('cli:checkProblems', { workspace, documents, errors, warnings: problems.length - errors }),
    );
    for (const problem of problems) {
      const severity = t(problem.severity === 'error' ? 'cli:checkError' : 'cli:checkWarning');
      io.out(`  ${severity}: ${problem.file} ${t(`cli:check-${problem.code}`, problem.params)}`);
    }
    return errors > 0 ? 1 : 0;
  },
};
