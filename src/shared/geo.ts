import table from "./data/rotterdam-postcode-centroids.json" with { type: "json" };

/** A point in WGS84 decimal degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** `[lat, lon]` per four-digit postcode area. */
const centroids: Record<string, number[]> = table.centroids;

/** Mean earth radius (IUGG), in kilometres. */
const EARTH_RADIUS_KM = 6371.0088;

/** The approximate centroid of a postcode's four-digit area (`3011 AB`, `3011AB` or `3011`), or null when unknown. */
export function postcodeCentroid(postcode: string): LatLon | null {
  const digits = postcode.trim().slice(0, 4);
  if (!/^\d{4}$/.test(digits)) return null;
  const [lat, lon] = centroids[digits] ?? [];
  return lat !== undefined && lon !== undefined ? { lat, lon } : null;
}

/** Great-circle (haversine) distance between two points, in kilometres. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Approximate distance between two postcodes' four-digit areas, in kilometres, or null when either is unknown. */
export function postcodeDistanceKm(a: string, b: string): number | null {
  const from = postcodeCentroid(a);
  const to = postcodeCentroid(b);
  return from && to ? distanceKm(from, to) : null;
}
