import { type RawBuilder, sql } from "kysely";

/**
 * The words of a search, in small letters: "Martina, Rosalia", "Martina Rosalia" and "Rosalia Martina" give the same
 * words, which a row matches when it holds every one, in any order. At most six words count.
 */
export function searchWords(q: string | undefined): string[] {
  return (q ?? "")
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((word) => word !== "")
    .slice(0, 6);
}

/**
 * `column LIKE '%word%'` on SQLite and PostgreSQL alike, with `%`, `_` and `\` in the word standing for themselves.
 * The column must hold small letters (or be wrapped in `lower()` by the caller).
 */
export function holdsWord(column: RawBuilder<unknown>, word: string): RawBuilder<boolean> {
  const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${column} LIKE ${pattern} ESCAPE '\\'`;
}
