import type { ReactNode } from "react";

interface AlertProps {
  type: "info" | "ok" | "warning" | "error";
  children: ReactNode;
  /** "alert" or "status" when the message appears in response to an action and must be announced. */
  role?: "alert" | "status";
  id?: string;
}

/** A message block in the Utrecht alert style. */
export function Alert({ type, children, role, id }: AlertProps) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`} role={role} id={id}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}
