import type { SplitClause } from './split';

export interface Alignment {
  /** Clause id → the text found for it in the paste. */
  matched: { clauseId: string; number: string; text: string }[];
  /** Numbers in the paste that no clause has. */
  unmatchedInPaste: SplitClause[];
  /** Clauses the paste said nothing about. */
  unmatchedClauses: { clauseId: string; number: string }[];
}

/** Pairs the other language's clauses with the existing ones by their number. */
export function alignByNumber(
  existing: { id: string; number: string }[],
  pasted: SplitClause[],
): Alignment {
  const byNumber = new Map(existing.map((c) => [normalise(c.number), c]));
  const seen = new Set<string>();
  const matched: Alignment['matched'] = [];
  const unmatchedInPaste: SplitClause[] = [];
  for (const clause of pasted) {
    const key = normalise(clause.number);
    const target = byNumber.get(key);
    if (target && !seen.has(key)) {
      matched.push({ clauseId: target.id, number: target.number, text: clause.text });
      seen.add(key);
    } else {
      unmatchedInPaste.push(clause);
    }
  }
  const unmatchedClauses = existing
    .filter((c) => !seen.has(normalise(c.number)))
    .map((c) => ({ clauseId: c.id, number: c.number }));
  return { matched, unmatchedInPaste, unmatchedClauses };
}

const normalise = (number: string) => number.trim().toLowerCase();
