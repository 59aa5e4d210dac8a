// Child process for the shared-forum crash tests: opens a workspace whose shared forum's view
// matches its document (so the document is not loaded at opening) and types a sentence into
// a note. Mode `appended` (the default): the document is loaded first (as a LAN start or a
// send loads it), and the child stops dead where a crash hurts most: the change log is
// appended and fsynced, the view's rename has not happened; it says `appended` there. Mode
// `pending`: the edit is saved before the document is loaded (the view is written, marked
// pending), and the child says `saved` and freezes its event loop before the document can
// load and take the edit. Either way it waits to be SIGKILLed.
import type { ForumDocument } from '../../electron/common/domain/forum-schema';
import { nodeFs } from '../../electron/node/store/durable-file';
import type { DurableFs } from '../../electron/node/store/durable-file';
import { Workspace } from '../../electron/node/store/workspace';

const [dir, forumId, sentence, mode = 'appended'] = process.argv.slice(2);
if (!dir || !forumId || !sentence) throw new Error('usage: shared-crash-writer DIR FORUM TEXT');

const stopAtView: DurableFs = {
  ...nodeFs,
  rename: async (from, to) => {
    if (mode === 'appended' && String(to).endsWith(`${forumId}.json`)) {
      process.stdout.write('appended\n');
      await new Promise(() => undefined);
    }
    return nodeFs.rename(from, to);
  },
};
const workspace = await Workspace.open(dir, { holder: 'shared-crash-writer', fs: stopAtView });
if (mode === 'appended') await workspace.loadShared(forumId);
workspace.updateForum(forumId, (view: ForumDocument) => {
  const note = view.notes[0];
  if (note) note.body.id += sentence;
});
await workspace.flush();
if (mode === 'pending') {
  process.stdout.write('saved\n');
  // The event loop stops here: the document's load, due next, never starts.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
