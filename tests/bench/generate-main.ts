import { generateWorkspace } from './generate';

const [dir, notes, forums, contacts, seed] = process.argv.slice(2);
if (!dir) throw new Error('usage: generate DIR NOTES FORUMS CONTACTS SEED');
await generateWorkspace(dir, {
  notes: Number(notes),
  forums: Number(forums),
  contacts: Number(contacts),
  seed: Number(seed),
});
