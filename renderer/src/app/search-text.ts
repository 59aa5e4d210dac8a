/** Lower case, no accents, separators as spaces: "Asia/Ho_Chi_Minh" and "ho chi minh" meet. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_/,.()\-–—]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How well a query matches one of several names of a thing, lower is better: an exact name,
 * then a name starting with the query, then a word starting with it, then anywhere. Earlier
 * names win ties, so the first name of a list is the strongest. `null`: no match.
 */
export function matchScore(query: string, keys: readonly string[]): number | null {
  if (!query) return 3;
  let best: number | null = null;
  keys.forEach((key, index) => {
    let score: number | null = null;
    if (key === query) score = 0;
    else if (key.startsWith(query)) score = 1;
    else if (key.includes(` ${query}`)) score = 2;
    else if (key.includes(query)) score = 3;
    if (score === null) return;
    const ranked = score + Math.min(index, 99) / 100;
    if (best === null || ranked < best) best = ranked;
  });
  return best;
}
