import { z } from "zod";

/**
 * The caller's abilities on a resource: one boolean per action, computed by the same rules the server enforces
 * when the action is called. The web app shows an action only when its ability is true.
 */
export function abilitiesOf<const A extends readonly [string, ...string[]]>(actions: A) {
  const shape = Object.fromEntries(actions.map((action) => [action, z.boolean()])) as { [K in A[number]]: z.ZodBoolean };
  return z.object(shape).describe("what the caller may do with this resource now; each action is refused by the server when false");
}

/** The abilities type of an action list, e.g. `Abilities<typeof PLACEMENT_ACTIONS>`. */
export type Abilities<A extends readonly string[]> = { [K in A[number]]: boolean };
