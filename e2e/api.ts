import type { PlacementOutput } from "@shared/schemas/placements.js";
/** A JSON answer from the API: its status and body. */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

/** Calls the API as one demo account with its bearer token (no cookie, so no CSRF token needed). */
export type ApiCaller = <T = unknown>(method: string, path: string, body?: unknown) => Promise<ApiAnswer<T>>;

/** Logs in over the API and returns a caller for test setup that a user would do elsewhere in the app. */
export async function apiAs(baseUrl: string, email: string, password = "demo"): Promise<ApiCaller> {
  const login = await fetch(`${baseUrl}/api/v1/sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 201) throw new Error(`login as ${email} failed: ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

interface Role {
  id: string;
  title: string;
  places: number;
  placesTaken: number;
  mayTakePlacements: boolean;
  guidanceLevel: string;
}

/**
 * A Charlois client of the demo consultant, given room in capacity so a placement of a few hours fits. `mine` picks
 * one on the consultant's own caseload, whose signals reach the consultant's work queue.
 */
export async function clientWithCapacity(
  consultant: ApiCaller,
  skip: readonly string[] = [],
  mine = false,
): Promise<{ id: string; givenName: string }> {
  const clients = await consultant<{ items: { id: string; givenName: string }[] }>(
    "GET",
    `/clients?district=Charlois&pageSize=50${mine ? "&assignedToMe=true" : ""}`,
  );
  const client = clients.body.items.find((item) => !skip.includes(item.id));
  if (!client) throw new Error("no Charlois client");
  const patched = await consultant("PATCH", `/clients/${client.id}`, { capacityHoursPerWeek: 40 });
  if (patched.status !== 200) throw new Error(`could not give capacity: ${patched.status} ${JSON.stringify(patched.body)}`);
  return client;
}

/** Proposes a Charlois client for one of the host organisation's approved roles, as the consultant would. */
export async function referToHost(
  consultant: ApiCaller,
  organisationId: string,
  { mine = false, skip = [] }: { mine?: boolean; skip?: readonly string[] } = {},
): Promise<{ placementId: string; clientId: string; givenName: string; roleTitle: string }> {
  const roles = await consultant<{ items: Role[] }>("GET", `/roles?organisationId=${organisationId}&status=approved&pageSize=200`);
  const open = roles.body.items.filter((role) => role.mayTakePlacements && role.placesTaken < role.places);
  // A role offering the most guidance fits any client's need.
  const order = ["intensive", "regular", "light"];
  open.sort((a, b) => order.indexOf(a.guidanceLevel) - order.indexOf(b.guidanceLevel));
  const tried: string[] = [...skip];
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const client = await clientWithCapacity(consultant, tried, mine);
    tried.push(client.id);
    for (const role of open.slice(0, 10)) {
      const answer = await consultant<PlacementOutput>("POST", "/placements", {
        clientId: client.id,
        roleId: role.id,
        hoursPerWeek: 2,
        guidanceOverrideReason: "Met de organisatie afgesproken dat de begeleiding past.",
      });
      if (answer.status === 201)
        return {
          placementId: answer.body.id,
          clientId: client.id,
          givenName: answer.body.clientGivenName,
          roleTitle: answer.body.roleTitle,
        };
    }
  }
  throw new Error("no referral could be made to the host organisation");
}
