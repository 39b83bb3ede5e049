import type { PlacementAttributionInput, PlacementOutput } from "@shared/schemas/placements.js";
import type { FastifyInstance } from "fastify";

type Headers = { authorization: string };

/**
 * Ends a placement as `ender` (usually the host, whose ending waits undetermined) and has `consultant` determine to
 * whom it is attributable after hearing the client, as a sanction on the ending requires. Throws when either step is
 * refused; returns the placement as the consultant then reads it.
 */
export async function endAndAttribute(
  app: FastifyInstance,
  placementId: string,
  parties: { ender: Headers; consultant: Headers },
  ending: { reason: string; note?: string; endedOn?: string },
  attribution: Partial<PlacementAttributionInput> & Pick<PlacementAttributionInput, "attributableTo">,
): Promise<PlacementOutput> {
  const ended = await app.inject({
    method: "POST",
    url: `/api/v1/placements/${placementId}/end`,
    headers: parties.ender,
    payload: { note: "Kwam twee keer niet zonder bericht.", ...ending },
  });
  if (ended.statusCode !== 200) throw new Error(`ending ${placementId} failed: ${ended.statusCode} ${ended.body}`);
  const attributed = await app.inject({
    method: "POST",
    url: `/api/v1/placements/${placementId}/attribution`,
    headers: parties.consultant,
    payload: {
      reasons: "Wij hebben beide kanten gehoord en gewogen.",
      clientAccount: "Ik ben gestopt omdat ik geen zin meer had.",
      channel: "inPerson",
      ...attribution,
    },
  });
  if (attributed.statusCode !== 200) throw new Error(`attributing ${placementId} failed: ${attributed.statusCode} ${attributed.body}`);
  return attributed.json() as PlacementOutput;
}

/**
 * A placement of `clientId` in a new approved role of the host's organisation: referred by `consultant`, accepted and
 * started by `host` with a signed agreement from `startDate` to `endDate`. Throws when a step is refused; returns its id.
 */
export async function startedPlacement(
  app: FastifyInstance,
  parties: { consultant: Headers; host: Headers },
  placement: {
    organisationId: string;
    clientId: string;
    title: string;
    hoursPerWeek: number;
    guidanceLevel: "light" | "regular" | "intensive";
    weekdayParts?: string[];
    startDate: string;
    endDate: string;
  },
): Promise<string> {
  const post = async (url: string, headers: Headers, payload: object = {}) => {
    const response = await app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload });
    if (response.statusCode >= 300) throw new Error(`POST ${url} failed: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const role = await post("/roles", parties.consultant, {
    organisationId: placement.organisationId,
    title: placement.title,
    description: "Koffie schenken, mensen welkom heten, tafels klaarzetten.",
    hoursPerWeek: placement.hoursPerWeek,
    guidanceLevel: placement.guidanceLevel,
    places: 3,
    ...(placement.weekdayParts ? { weekdayParts: placement.weekdayParts } : {}),
    displacementCheck: {
      paidInLastThreeYears: false,
      doneByPaidStaffElsewhere: false,
      wouldOtherwiseBePaid: false,
      partOfPaidService: false,
      recentStaffCuts: false,
    },
  });
  const id = (await post("/placements", parties.consultant, { clientId: placement.clientId, roleId: role.id })).id as string;
  await post(`/placements/${id}/accept`, parties.host);
  await post(`/placements/${id}/start`, parties.host, {
    agreement: {
      startDate: placement.startDate,
      endDate: placement.endDate,
      hoursPerWeek: placement.hoursPerWeek,
      tasks: "Koffie schenken en gasten ontvangen op dinsdagochtend.",
      contactPerson: "Fatima, coördinator vrijwilligers",
      guidanceArrangement: "Elke week een kort gesprek na afloop.",
    },
  });
  return id;
}
