import {
  applyPatches,
  cleanupSemantic,
  DIFF_INSERT,
  makeDiff,
  makePatches,
} from '@sanity/diff-match-patch';

export interface MergedText {
  text: string;
  /** Every change the delegate made found its place in the text as it is now. */
  clean: boolean;
}

/**
 * The delegate's edit of a note side, made on `base` (the text their screen started from),
 * carried onto `current` (what the store holds now: a colleague's change may have arrived
 * in between, by file or over the network). The page sends the whole side; without this
 * step the whole side would replace the colleague's words.
 *
 * diff-match-patch's patches carry their context, so each change lands beside the words it
 * was made beside, wherever they have moved. A change whose context the colleague rewrote
 * cannot be placed: `clean` is false, and the caller keeps the delegate's text elsewhere.
 */
export function mergeText(base: string, mine: string, current: string): MergedText {
  if (current === base || current === mine) return { text: mine, clean: true };
  if (mine === base) return { text: current, clean: true };
  // Word-aligned edits, as the shared document records them (see `spliceWords`).
  const patches = makePatches(base, cleanupSemantic(makeDiff(base, mine)));
  // diff-match-patch also applies a patch where its words are only alike (fuzzy matching):
  // "rencana aksi daerah HAM" rewritten here, "rencana aksi HAM daerah" there, and the
  // colleague's words were replaced as if they were the delegate's. Only a patch whose words
  // (its context and what it removes) are there as they were is placed; the others are not,
  // and the merge is not clean.
  const placeable = patches.filter((patch) =>
    current.includes(
      patch.diffs
        .filter(([op]) => op !== DIFF_INSERT)
        .map(([, part]) => part)
        .join(''),
    ),
  );
  const [text, applied] = applyPatches(placeable, current);
  return { text, clean: placeable.length === patches.length && applied.every(Boolean) };
}
