// Child process for the shared-forum crash test: opens a workspace whose shared forum's view
// matches its document (so the document is not loaded at opening), types a sentence into a
// note, and stops dead where a crash hurts most: the change log is appended and fsynced, the
// view's rename has not happened. It says `appended` there and waits to be SIGKILLed.
import type { ForumDocument } from '../../electron/common/domain/forum-schema';
import { nodeFs } from '../../electron/node/store/durable-file';
import type { DurableFs } from '../../electron/node/store/durable-file';
import { Workspace } from '../../electron/node/store/workspace';

const [dir, forumId, sentence] = process.argv.slice(2);
if (!dir || !forumId || !sentence) throw new Error('usage: shared-crash-writer DIR FORUM TEXT');

const stopAtView: DurableFs = {
  ...nodeFs,
  rename: async (from, to) => {
    if (String(to).endsWith(`${forumId}.json`)) {
      process.stdout.write('appended\n');
      await new Promise(() => undefined);
    }
    return nodeFs.rename(from, to);
  },
};
const workspace = await Workspace.open(dir, { holder: 'shared-crash-writer', fs: stopAtView });
workspace.updateForum(forumId, (view: ForumDocument) => {
  const note = view.notes[0];
  if (note) note.body.id += sentence;
});
await workspace.flush();
