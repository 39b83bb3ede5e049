import { z } from "zod";

/** A JSON text column holding a list of strings (skills, languages, weekday parts). */
export const jsonStringList = z.array(z.string());

/**
 * Reads a JSON text column through its zod schema: the value is what the schema says, or this throws here, where
 * the column is read, instead of a wrong shape travelling on under a cast.
 */
export function parseJsonColumn<S extends z.ZodType>(schema: S, text: string): z.output<S> {
  return schema.parse(JSON.parse(text));
}
