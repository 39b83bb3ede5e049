import type { FastifySerializerCompiler } from "fastify";
import { serializerCompiler } from "fastify-type-provider-zod";
import type { ZodType } from "zod";

/**
 * The response serializer: each answer is checked against its zod schema and written as JSON. A frozen answer is a
 * page kept for later requests (`casework-cache.ts`), never changed once made, so its JSON is written once and reused
 * for as long as the page is kept (held weakly: it goes with the page).
 */
export const responseSerializer: FastifySerializerCompiler<ZodType> = (route) => {
  const serialize = serializerCompiler(route);
  const written = new WeakMap<object, string>();
  return (data) => {
    if (typeof data !== "object" || data === null || !Object.isFrozen(data)) return serialize(data);
    const kept = written.get(data);
    if (kept !== undefined) return kept;
    const json = serialize(data);
    written.set(data, json);
    return json;
  };
};
