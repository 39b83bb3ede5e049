import { Alert } from "@web/components/Alert.js";
import { focusOnMount } from "@web/components/focus.js";
import type { ReactNode } from "react";

/**
 * A success message that takes focus when it appears: the button that led to it usually leaves the page (a
 * proposed role, a decided proposal), so keyboard users continue from the message.
 */
export function Notice({ children, focusKey }: { children: ReactNode; focusKey: string }) {
  // A new key is a new message: its element is made afresh and takes focus again.
  return (
    <div key={focusKey} ref={focusOnMount} tabIndex={-1} className="nv-notice">
      <Alert type="ok" role="status">
        {children}
      </Alert>
    </div>
  );
}
