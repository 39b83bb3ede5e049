import { describe, expect, it } from "vitest";
import table from "./data/rotterdam-postcode-centroids.json" with { type: "json" };
import { DISTRICTS, postcodeAreasOf } from "./districts.js";
import { distanceKm, type LatLon, postcodeCentroid, postcodeDistanceKm } from "./geo.js";

const allAreas = DISTRICTS.flatMap((district) => postcodeAreasOf(district));

function centroidOf(area: number): LatLon {
  const point = postcodeCentroid(String(area));
  if (!point) throw new Error(`no centroid for ${area}`);
  return point;
}

describe("geo", () => {
  it("has a centroid for every four-digit area in the district table, and no others", () => {
    expect(allAreas.length).toBe(75);
    for (const area of allAreas) expect(postcodeCentroid(String(area)), String(area)).not.toBeNull();
    expect(Object.keys(table.centroids).sort()).toEqual(allAreas.map(String).sort());
  });

  it("places every centroid inside Rotterdam's bounding box, Hoek van Holland included", () => {
    for (const area of allAreas) {
      const { lat, lon } = centroidOf(area);
      expect(lat, String(area)).toBeGreaterThan(51.8);
      expect(lat, String(area)).toBeLessThan(52.05);
      // Hoek van Holland lies at about 4.13 east, well inside the lower bound.
      expect(lon, String(area)).toBeGreaterThan(3.95);
      expect(lon, String(area)).toBeLessThan(4.65);
    }
  });

  it("keeps every centroid of a district within 6 km of the district's mean centroid", () => {
    for (const district of DISTRICTS) {
      const points = postcodeAreasOf(district).map(centroidOf);
      const mean = {
        lat: points.reduce((sum, p) => sum + p.lat, 0) / points.length,
        lon: points.reduce((sum, p) => sum + p.lon, 0) / points.length,
      };
      for (const point of points) expect(distanceKm(point, mean), district).toBeLessThan(6);
    }
  });

  it("computes known distances", () => {
    const centreToAlexander = postcodeDistanceKm("3011", "3069");
    expect(centreToAlexander).toBeGreaterThan(5);
    expect(centreToAlexander).toBeLessThan(12);

    const damToBlaak = distanceKm({ lat: 52.3731, lon: 4.8926 }, { lat: 51.9199, lon: 4.4896 });
    expect(damToBlaak).toBeGreaterThan(57);
    expect(damToBlaak).toBeLessThan(60);

    expect(distanceKm({ lat: 51.92, lon: 4.49 }, { lat: 51.92, lon: 4.49 })).toBe(0);
  });

  it("reads the first four digits of a postcode", () => {
    const expected = postcodeCentroid("3011");
    expect(expected).not.toBeNull();
    expect(postcodeCentroid("3011 AB")).toEqual(expected);
    expect(postcodeCentroid("3011ab")).toEqual(expected);
    expect(postcodeDistanceKm("3011 AB", "3011")).toBe(0);
  });

  it("returns null for unknown postcodes", () => {
    expect(postcodeCentroid("9999")).toBeNull();
    expect(postcodeCentroid("9999 ZZ")).toBeNull();
    expect(postcodeCentroid("")).toBeNull();
    expect(postcodeCentroid("abcd")).toBeNull();
    expect(postcodeDistanceKm("3011", "9999")).toBeNull();
    expect(postcodeDistanceKm("9999", "3011")).toBeNull();
  });
});
