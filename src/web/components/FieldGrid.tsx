import type { ReactNode } from "react";

/** Short fields of a form in two columns on wide screens and one under the other on narrow ones; in reading order. */
export function FieldGrid({ children }: { children: ReactNode }) {
  return <div className="nv-form__grid nv-form__grid--two">{children}</div>;
}
