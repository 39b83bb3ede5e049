import type { ReactNode } from "react";

/** Terms and their values as a description list, e.g. the details of a role or an organisation. */
export function FactsList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="nv-facts">
      {rows.map(([term, value]) => (
        <div key={term} className="nv-facts__item">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
