import { ErrorSummary } from "./ErrorSummary.js";
import { ProblemAlert } from "./ProblemAlert.js";
import type { FormErrors } from "./problems.js";

/**
 * What went wrong with a form, shown above it: the summary of field errors (each linking to its field, taking
 * focus so keyboard and screen reader users hear what to fix) and any failure that is not about a field.
 */
export function FormProblems({ errors }: { errors: FormErrors }) {
  return (
    <>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
    </>
  );
}
