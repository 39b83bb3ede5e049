import table from "./data/rotterdam-districts.json" with { type: "json" };

/** A district name as it appears in the district table. */
export type District = string;

interface DistrictRow {
  name: string;
  /** The city area the district lies in; a table without areas leaves the level out. */
  area?: string;
  ranges: [number, number][];
}

const rows = table.districts as DistrictRow[];

/** The district names, in table order. */
export const DISTRICTS: readonly District[] = rows.map((row) => row.name);

/** Maps a normalised postcode (`1234 AB`) to its district, or null when the table has no match. */
export function districtForPostcode(postcode: string): District | null {
  const digits = Number(postcode.slice(0, 4));
  const row = rows.find((r) => r.ranges.some(([from, to]) => digits >= from && digits <= to));
  return row ? row.name : null;
}

/** The four-digit postcode areas of one district (used by the synthetic population). */
export function postcodeAreasOf(district: District): number[] {
  const row = rows.find((r) => r.name === district);
  if (!row) return [];
  return row.ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

/** The city area a district lies in (e.g. north or south of the river), or null when the table names none. */
export function areaOfDistrict(district: District): string | null {
  return rows.find((r) => r.name === district)?.area ?? null;
}
