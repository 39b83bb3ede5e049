import type { FastifyInstance } from "fastify";
import { AppError, type InvalidParam } from "./errors.js";

const NUL = "\u0000";

/** The path of every string (or key) in a parsed body or query that holds a NUL character. */
export function nullCharacterPaths(value: unknown, path: readonly string[] = []): string[] {
  const name = path.length > 0 ? path.join(".") : "body";
  if (typeof value === "string") return value.includes(NUL) ? [name] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nullCharacterPaths(item, [...path, String(index)]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes(NUL) ? [[...path, key.replaceAll(NUL, "\\0")].join(".")] : nullCharacterPaths(item, [...path, key]),
    );
  }
  return [];
}

/**
 * Refuses text with a NUL character in a validated body or query string: PostgreSQL cannot store it in a text
 * column (it answered 500) and SQLite would, so both databases now answer alike, 400 naming each field. It runs
 * after validation, so only the fields a route reads are named (a schema drops unknown ones).
 */
export function registerTextInputCheck(app: FastifyInstance): void {
  app.addHook("preHandler", async (request) => {
    // A body or query without a schema is not read by its route, so nothing of it is stored.
    const schema = request.routeOptions.schema;
    const fields = [
      ...(schema?.body ? nullCharacterPaths(request.body) : []),
      ...(schema?.querystring ? nullCharacterPaths(request.query) : []),
    ];
    if (fields.length === 0) return;
    const invalidParams: InvalidParam[] = fields.map((name) => ({
      name,
      code: "nullCharacter",
      reason: "Text may not contain a NUL character",
    }));
    throw new AppError(400, "invalidInput", "Invalid input", `Check these fields: ${fields.join(", ")}.`, invalidParams);
  });
}
