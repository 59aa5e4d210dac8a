// Child process for the crash tests: saves a forum durably over and over, saying before
// each save which state it is writing and after it which state reached the disk.
import { Workspace } from '../../electron/node/store/workspace';
import { gwangjuForum } from './forums';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: crash-writer DIR');

const workspace = await Workspace.open(dir, { holder: 'crash-writer', debounceMs: 1 });
let forumId = workspace.forumIds()[0];
if (!forumId) {
  forumId = workspace.createForum(gwangjuForum).id;
  await workspace.flush();
}
const paragraph =
  'Penguatan demokrasi lokal dan partisipatif melalui kota ramah hak asasi manusia. '.repeat(12);
let count = workspace.forum(forumId).notes.length;
process.stdout.write(`ready ${count}\n`);
for (;;) {
  count++;
  const at = new Date().toISOString();
  workspace.updateForum(forumId, (doc) => {
    doc.notes.push({
      id: `note-${count}`,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      sessionId: null,
      body: { id: `${count}: ${paragraph}`, en: `${count}: strengthening local democracy` },
      bodyUpdatedAt: { id: at, en: at },
      tags: [],
      pinned: false,
      author: '',
    });
  });
  workspace.update((doc) => {
    doc.settings.language = count % 2 ? 'id' : 'en';
  });
  process.stdout.write(`saving ${count}\n`);
  await workspace.flush();
  process.stdout.write(`saved ${count}\n`);
}
