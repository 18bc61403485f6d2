// Small geometry for the map: zones drawn by the planner, and the rings of GeoJSON polygons.
import type { GeoJsonGeometry, GeoPoint } from "./types";

const earthRadiusKm = 6371.0088;

/**
 * A circle of `radiusKm` around `center` as a closed GeoJSON Polygon of `segments` sides (the form scenarios
 * accept for a surge zone). Points are placed along great circles, so the circle stays round on the ground.
 */
export function circlePolygon(center: GeoPoint, radiusKm: number, segments = 48): GeoJsonGeometry {
  if (!(radiusKm > 0) || segments < 3) {
    throw new RangeError("A circle needs a positive radius and at least three segments.");
  }
  const lat1 = (center.lat * Math.PI) / 180;
  const lon1 = (center.lon * Math.PI) / 180;
  const d = radiusKm / earthRadiusKm;
  const ring: [number, number][] = [];
  for (let i = 0; i < segments; i++) {
    const bearing = (2 * Math.PI * i) / segments;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
    const lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
    ring.push([round((lon2 * 180) / Math.PI), round((lat2 * 180) / Math.PI)]);
  }
  ring.push(ring[0]);
  return { type: "Polygon", coordinates: [ring] };
}

/** The outer rings of a Polygon or MultiPolygon, as [lon, lat] pairs (holes are not drawn). */
export function outerRings(geometry: GeoJsonGeometry): [number, number][][] {
  if (geometry.type === "Polygon") {
    return [(geometry.coordinates as [number, number][][])[0]];
  }
  return (geometry.coordinates as [number, number][][][]).map((polygon) => polygon[0]);
}

export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
