import { Alert } from "@web/components/Alert.js";
import { type ReactNode, useEffect, useRef } from "react";

/**
 * A success message that takes focus when it appears: the button that led to it usually leaves the page (a
 * proposed role, a decided proposal), so keyboard users continue from the message.
 */
export function Notice({ children, focusKey }: { children: ReactNode; focusKey: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [focusKey]);
  return (
    <div ref={ref} tabIndex={-1} className="nv-notice">
      <Alert type="ok" role="status">
        {children}
      </Alert>
    </div>
  );
}
