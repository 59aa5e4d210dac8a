import { diffWords } from 'diff';

/** The adopted wording against an earlier one, word by word. */
export function ClauseDiff({
  before,
  after,
  label,
}: {
  before: string;
  after: string;
  label: string;
}) {
  return (
    <p className="clause-diff" aria-label={label}>
      {diffWords(before, after).map((part, i) =>
        part.added ? (
          <ins key={i}>{part.value}</ins>
        ) : part.removed ? (
          <del key={i}>{part.value}</del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </p>
  );
}
