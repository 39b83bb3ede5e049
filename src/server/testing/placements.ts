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
