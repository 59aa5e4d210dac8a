import type { MergeSummary } from '../../sync/shared-forum';
import type { CommandContext } from '../command';

/** What came in with a merge, one line each: a received file and the LAN say it alike. */
export function printMergeSummary({ t, io }: CommandContext, summary: MergeSummary): void {
  for (const note of summary.notesAdded)
    io.out(t('cli:shareNoteAdded', { author: note.author || '?', text: note.preview }));
  for (const note of summary.notesChanged)
    io.out(t('cli:shareNoteChanged', { author: note.author || '?', text: note.preview }));
  for (const clause of summary.clausesChanged)
    io.out(t('cli:shareClauseChanged', { number: clause.number }));
  for (const commitment of summary.commitmentsChanged)
    io.out(t('cli:shareCommitmentChanged', { text: commitment.statement }));
}
