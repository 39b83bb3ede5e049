import type { Clock } from "@server/clock.js";
import type { UserRole } from "@shared/enums.js";
import type { AdminAccessReason } from "@shared/schemas/clients.js";

/** The authenticated caller of a request, as every policy, repo and audit entry sees it. */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  districts: string[];
  organisationId: string | null;
  clientId: string | null;
  /**
   * Today by the app's clock when the caller was authenticated: the date scoped reads are evaluated on (a host
   * still sees a client for 30 days after a placement closes).
   */
  scopeDate: string;
  /**
   * The instant the caller was authenticated (ISO-8601), where a scope depends on the minute: a host sees a referral
   * once its hold for undoing has passed. Absent for actors made outside a request, which see no hold.
   */
  scopeTime?: string;
  /** Set when authenticated by the session cookie; writes must then carry the CSRF token. */
  session?: {
    id: string;
    csrfToken: string;
    viaCookie: boolean;
    /** How the session was opened: `password`, or the OpenID Connect provider (`digid`, `staff`). */
    loginMethod?: "password" | "digid" | "staff";
  };
}

/** What a domain function needs to know about the request it serves. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  /** The app's clock: every "now" and "today" of the request comes from it. */
  clock: Clock;
  /** The task an administrator named to open a client's record; every audit entry of the request records it. */
  accessReason?: AdminAccessReason;
  /** Minutes the client's notice of a letter that can still be undone is held back; the default when absent. */
  undoHoldMinutes?: number;
}
