import type { UserRole } from "@shared/enums.js";

/** The authenticated caller of a request, as every policy, repo and audit entry sees it. */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  districts: string[];
  organisationId: string | null;
  clientId: string | null;
  /** Set when authenticated by the session cookie; writes must then carry the CSRF token. */
  session?: { id: string; csrfToken: string; viaCookie: boolean };
}

/** What a domain function needs to know about the request it serves. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
}
