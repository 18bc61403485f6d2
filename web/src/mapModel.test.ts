import { describe, expect, it } from "vitest";
import { ageMinutes, incidentSize, isOpenCase, lateShareColor, unitMarks } from "./mapModel";
import type { Case, Center } from "./types";

const center: Center = {
  id: "c-1", name: "One", kind: "partner", location: { lat: 30, lon: 100 },
  resources: [
    { id: "u-1", type: "flatbed", status: "available" },
    { id: "u-2", type: "service_van", status: "assigned", position: { lat: 31, lon: 101 } },
    { id: "u-3", type: "flatbed", status: "offline", position: { lat: 30, lon: 100 } },
  ],
};

function aCase(overrides: Partial<Case> = {}): Case {
  return {
    id: "i-1", status: "open", assignment: null, timeToDispatchSec: null, escalationLevel: 0, waiting: false, notifications: [],
    incident: { location: { lat: 30, lon: 100 }, fault: "flat_tire", vehicle: { powertrain: "erev" }, priority: "p2", reportedAt: "2026-01-01T10:00:00Z" },
    timeline: [{ type: "reported", at: "2026-01-01T10:00:00Z", by: "system" }],
    ...overrides,
  };
}

describe("unitMarks", () => {
  it("rings the units parked at their center and draws the others where they are", () => {
    const marks = unitMarks([center], 0.1);
    expect(marks.map((m) => m.parked)).toEqual([true, false, true]);
    expect(marks[1].at).toEqual({ lat: 31, lon: 101 });
    for (const m of [marks[0], marks[2]]) {
      expect(Math.hypot(m.at.lat - 30, m.at.lon - 100)).toBeCloseTo(0.1, 6);
    }
    expect(marks[0].at).not.toEqual(marks[2].at);
    expect(marks[1].centerKind).toBe("partner");
  });
});

describe("cases on the map", () => {
  it("ages a case from its report time", () => {
    expect(ageMinutes(aCase(), new Date("2026-01-01T10:30:00Z"))).toBe(30);
    expect(ageMinutes(aCase(), new Date("2026-01-01T09:00:00Z"))).toBe(0);
  });

  it("grows the marker with age up to two hours", () => {
    expect(incidentSize(0)).toBe(10);
    expect(incidentSize(60)).toBe(18);
    expect(incidentSize(500)).toBe(26);
  });

  it("counts every status but completed and cancelled as open", () => {
    expect(isOpenCase(aCase({ status: "towing" }))).toBe(true);
    expect(isOpenCase(aCase({ status: "completed" }))).toBe(false);
    expect(isOpenCase(aCase({ status: "cancelled" }))).toBe(false);
  });
});

describe("lateShareColor", () => {
  it("runs from green at 0 to red at half late, grey without data", () => {
    expect(lateShareColor(0)).toBe("#66bb6a");
    expect(lateShareColor(0.5)).toBe("#d32f2f");
    expect(lateShareColor(0.9)).toBe("#d32f2f");
    expect(lateShareColor(null)).toBe("#e0e0e0");
  });
});

describe("lateShareColor halfway", () => {
  it("mixes evenly at a quarter late (the legend's middle swatch)", () => {
    expect(lateShareColor(0.25)).toBe("#9d754d");
  });
});
