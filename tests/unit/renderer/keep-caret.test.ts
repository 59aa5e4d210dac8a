import { describe, expect, it } from 'vitest';
import { keepPlace } from '../../../renderer/src/features/notes/keep-caret';

/** The cursor of a note being typed in, when a colleague's words are merged into the text. */
describe('the cursor stays by its words', () => {
  const before = 'Sesi pleno dibuka. Delegasi menyampaikan sikap.';
  const at = before.indexOf(' Delegasi');

  it('before a change further on: it does not move', () => {
    expect(keepPlace(before, `${before} Budi menambahkan.`, at)).toBe(at);
  });

  it('after a change earlier on: it moves with its words', () => {
    const after = `Pagi hari. ${before}`;
    expect(after.slice(0, keepPlace(before, after, at))).toBe(`Pagi hari. Sesi pleno dibuka.`);
  });

  it('between two changes: by the words just before it', () => {
    const after = `Pagi hari. ${before} Budi menambahkan.`;
    expect(after.slice(0, keepPlace(before, after, at)).endsWith('Sesi pleno dibuka.')).toBe(true);
  });

  it('inside words a colleague replaced: right after what replaced them', () => {
    const after = 'Sesi pleno ditutup. Delegasi menyampaikan sikap.';
    const place = keepPlace(before, after, before.indexOf('uka'));
    expect(after.slice(0, place)).toBe('Sesi pleno ditutup');
  });
});
