// Child process for the "saved means on disk" crash test: edits a note and, in the same
// moment, another document; kills itself with SIGKILL the instant the workspace's save
// status first says the note edit is on disk. The test then looks for the edit on disk.
import { forumKey, Workspace } from '../../electron/node/store/workspace';
import { gwangjuForum, noteRecord } from './forums';

const [dir, run] = process.argv.slice(2);
if (!dir || !run) throw new Error('usage: saved-crash-writer DIR RUN');

let target = Infinity;
const workspace = await Workspace.open(dir, {
  holder: 'saved-crash-writer',
  onSaveStatus: (status) => {
    if (status.state !== 'failed' && status.savedThrough >= target) {
      process.stdout.write(`saved ${run}\n`);
      process.kill(process.pid, 'SIGKILL');
    }
  },
});
let forumId = workspace.forumIds()[0];
if (!forumId) {
  forumId = workspace.createForum(gwangjuForum).id;
  // A forum heavy enough that its write takes longer than the small workspace.json's.
  workspace.updateForum(forumId, (doc) => {
    for (let i = 0; i < 4000; i++)
      doc.notes.push(noteRecord(`filler-${i}`, 'Catatan. '.repeat(60)));
    doc.notes.push(noteRecord('target', ''));
  });
  await workspace.flush();
}
const id = forumId;
// The note edit first, then an edit of another document that reaches the disk sooner.
workspace.updateForum(id, (doc) => {
  const note = doc.notes.find((n) => n.id === 'target');
  if (note) note.body.id = `suntingan ${run}`;
});
target = workspace.documentStatus(forumKey(id))?.edit ?? Infinity;
workspace.update((doc) => {
  doc.settings.language = Number(run) % 2 ? 'id' : 'en';
});
process.stdout.write(`edited ${run}\n`);
