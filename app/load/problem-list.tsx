import { capProblems } from './limits.ts';

/** The problems that refused a dataset (a file or a data link), the first few of them and a count of the rest. */
export function ProblemList({ problems }: { problems: readonly string[] }) {
  const capped = capProblems(problems);
  if (capped.shown.length === 0) return null;
  return (
    <ul className="load-problems">
      {capped.shown.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
      {capped.more > 0 && <li className="muted">and {capped.more} more</li>}
    </ul>
  );
}
