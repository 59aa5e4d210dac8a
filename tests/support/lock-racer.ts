// Child process for the lock race tests: on "go" it tries to take the workspace lock once
// and answers "got" or "locked"; on "release" it lets go. The test kills it to crash it.
import { createInterface } from 'node:readline';
import { WorkspaceLock } from '../../electron/node/store/workspace-lock';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: lock-racer DIR');

let lock: WorkspaceLock | null = null;
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) {
  const [command, round] = line.split(' ');
  if (command === 'go') {
    try {
      lock = await WorkspaceLock.acquire(dir, `racer ${process.pid}`);
      process.stdout.write(`got ${round}\n`);
    } catch (error) {
      const code = (error as { code?: string }).code;
      process.stdout.write(
        code === 'workspace-locked' ? `locked ${round}\n` : `error ${round} ${String(error)}\n`,
      );
    }
  } else if (command === 'release') {
    await lock?.release();
    lock = null;
    process.stdout.write(`released ${round}\n`);
  }
}
