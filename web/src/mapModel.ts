// What the map draws, computed from API answers without touching ECharts, so it can be tested.
import type { Case, Center, GeoPoint, Resource } from "./types";

export interface UnitMark { id: string; type: string; status: string; centerId: string; centerKind: string; at: GeoPoint; parked: boolean; }

/**
 * Every unit with the place to draw it. A unit at its center (no position, or the center's own) is drawn on a small
 * ring around the center, by its index, so that seventeen units of one depot do not hide one another; a unit
 * elsewhere is drawn where it is.
 */
export function unitMarks(centers: readonly Center[], ringDeg = 0.25): UnitMark[] {
  const marks: UnitMark[] = [];
  for (const center of centers) {
    const units: Resource[] = center.resources ?? [];
    units.forEach((unit, index) => {
      const position = unit.position;
      const parked = !position || (Math.abs(position.lat - center.location.lat) < 1e-6 && Math.abs(position.lon - center.location.lon) < 1e-6);
      const angle = (2 * Math.PI * index) / Math.max(units.length, 1);
      const at = parked
        ? { lat: center.location.lat + ringDeg * Math.sin(angle), lon: center.location.lon + ringDeg * Math.cos(angle) }
        : position!;
      marks.push({ id: unit.id, type: unit.type, status: unit.status, centerId: center.id, centerKind: center.kind, at, parked });
    });
  }
  return marks;
}

export const statusColors: Record<string, string> = {
  available: "#2e7d32",
  assigned: "#ef6c00",
  offline: "#757575",
};

export const typeSymbols: Record<string, string> = {
  flatbed: "rect",
  wheel_lift: "roundRect",
  heavy_wrecker: "diamond",
  recovery_4x4: "triangle",
  service_van: "circle",
  charging_van: "pin",
};

export const priorityColors: Record<string, string> = { p1: "#c62828", p2: "#f57c00", p3: "#f9a825" };

/** Minutes since the case was reported (0 when the clock is behind). */
export function ageMinutes(c: Case, now: Date): number {
  const reported = Date.parse(c.incident.reportedAt ?? c.timeline[0]?.at ?? "");
  if (Number.isNaN(reported)) return 0;
  return Math.max(0, (now.getTime() - reported) / 60000);
}

/** Marker size by age: 10 px when new, growing to 26 px at two hours, so old cases stand out. */
export function incidentSize(ageMin: number): number {
  return Math.round(10 + Math.min(ageMin, 120) / 120 * 16);
}


export function isOpenCase(c: Case): boolean {
  return c.status !== "completed" && c.status !== "cancelled";
}

/** A colour for a late share (0 = all within standard: green; 0.5 or more: red), for the region fill. */
export function lateShareColor(late: number | null | undefined): string {
  if (late === null || late === undefined || Number.isNaN(late)) return "#e0e0e0";
  const t = Math.max(0, Math.min(1, late / 0.5));
  const from = [0x66, 0xbb, 0x6a];
  const to = [0xd3, 0x2f, 0x2f];
  const mix = from.map((f, i) => Math.round(f + (to[i] - f) * t));
  return "#" + mix.map((v) => v.toString(16).padStart(2, "0")).join("");
}
