import { describe, expect, it } from "vitest";
import { circlePolygon, haversineKm, outerRings } from "./geo";

describe("circlePolygon", () => {
  it("is a closed ring whose every vertex lies at the radius", () => {
    const center = { lat: 30.6, lon: 104.07 };
    const polygon = circlePolygon(center, 150, 36);
    const [ring] = outerRings(polygon);
    expect(polygon.type).toBe("Polygon");
    expect(ring).toHaveLength(37);
    expect(ring[0]).toEqual(ring[36]);
    for (const [lon, lat] of ring) {
      expect(haversineKm(center, { lat, lon })).toBeCloseTo(150, 0);
    }
  });

  it("refuses a radius that is not positive", () => {
    expect(() => circlePolygon({ lat: 0, lon: 0 }, 0)).toThrow(RangeError);
  });
});

describe("outerRings", () => {
  it("takes the outer ring of each polygon of a MultiPolygon", () => {
    const rings = outerRings({ type: "MultiPolygon", coordinates: [[[[0, 0], [1, 0], [0, 1], [0, 0]], [[0.1, 0.1], [0.2, 0.1], [0.1, 0.2], [0.1, 0.1]]], [[[5, 5], [6, 5], [5, 6], [5, 5]]]] });
    expect(rings).toHaveLength(2);
    expect(rings[1][0]).toEqual([5, 5]);
  });
});
