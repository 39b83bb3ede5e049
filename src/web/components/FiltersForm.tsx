import type { FormEvent, ReactNode } from "react";

interface FiltersFormProps {
  /** Names the search landmark, e.g. "Filters for the caseload". */
  label: string;
  /** Extra classes beside `nv-filters`, e.g. `nv-filters--narrow`. */
  className?: string;
  /** Called on Enter in a field; the page itself never reloads. */
  onSubmit?: () => void;
  children: ReactNode;
}

/** The filters above a table: a named search landmark holding a form that filters in place. */
export function FiltersForm({ label, className, onSubmit, children }: FiltersFormProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit?.();
  }
  return (
    <search aria-label={label}>
      <form className={`nv-filters${className ? ` ${className}` : ""}`} onSubmit={submit}>
        {children}
      </form>
    </search>
  );
}
