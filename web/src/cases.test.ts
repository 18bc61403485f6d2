import { describe, expect, it } from "vitest";
import { byText, caseListOrder, escalationMark, etaText, isWaiting, notificationText, timelineText } from "./cases";
import type { Case, DispatchOption } from "./types";

function aCase(overrides: Partial<Case> = {}): Case {
  return {
    id: "i-1", status: "open", assignment: null, timeToDispatchSec: null, escalationLevel: 0, waiting: false, notifications: [],
    incident: { location: { lat: 30, lon: 100 }, fault: "flat_tire", vehicle: { powertrain: "erev" }, priority: "p2", reportedAt: "2026-01-01T10:00:00Z" },
    timeline: [{ type: "reported", at: "2026-01-01T10:00:00Z", by: "system" }],
    ...overrides,
  };
}

const at = "2026-01-01T10:00:00Z";

describe("timelineText", () => {
  it("words a reassignment with the released unit and the reason", () => {
    expect(timelineText({ type: "reassigned", at, by: "k1", resourceId: "fb-1", detail: "turned_back_by_local_rule" }))
      .toBe("Reassigned: fb-1 released (turned back by local rule)");
  });

  it("tells a queue dispatch from a dispatch by hand", () => {
    expect(timelineText({ type: "dispatched", at, by: "system", resourceId: "fb-2", detail: "from_queue" })).toBe("Dispatched fb-2 from the waiting queue");
    expect(timelineText({ type: "dispatched", at, by: "k1", resourceId: "fb-2", detail: "tow" })).toBe("Dispatched fb-2 (tow)");
  });

  it("words both escalation levels differently", () => {
    expect(timelineText({ type: "escalated", at, by: "system", level: 1 })).toBe("Escalated, level 1: no unit dispatched within the standard");
    expect(timelineText({ type: "escalated", at, by: "system", level: 2 })).toBe("Escalated, level 2: still no unit, escalated again");
  });

  it("lists why a case waits, and words overdue and erasure", () => {
    expect(timelineText({ type: "waiting", at, by: "k1", detail: "not_available, part_out_of_stock" })).toBe("Waiting for a unit: not available, part out of stock");
    expect(timelineText({ type: "overdue", at, by: "system" })).toBe("Overdue: not closed within the standard");
    expect(timelineText({ type: "customerErased", at, by: "admin-1" })).toBe("Customer data erased");
  });

  it("falls back to the type for an entry it does not know", () => {
    expect(timelineText({ type: "somethingNew", at, by: "system", detail: "x" })).toBe("somethingNew · x");
  });
});

describe("byText", () => {
  it("names the system or the key", () => {
    expect(byText("system")).toBe("by the system");
    expect(byText("key_5b70fdf8")).toBe("by key_5b70fdf8");
  });
});

describe("escalationMark", () => {
  it("marks nothing at level 0 and level 2 louder than level 1", () => {
    expect(escalationMark(0)).toEqual({ escalated: false, className: undefined, label: undefined, borderWidth: 1 });
    const one = escalationMark(1);
    const two = escalationMark(2);
    expect(one.escalated && two.escalated).toBe(true);
    expect(one.label).toBe("escalated, level 1");
    expect(two.className).toContain("level-2");
    expect(two.borderWidth).toBeGreaterThan(one.borderWidth);
  });
});

describe("isWaiting and caseListOrder", () => {
  it("shows waiting only while the case is open", () => {
    expect(isWaiting(aCase({ waiting: true }))).toBe(true);
    expect(isWaiting(aCase({ waiting: true, status: "cancelled" }))).toBe(false);
    expect(isWaiting(aCase())).toBe(false);
  });

  it("puts escalated cases first, the higher level first, then waiting ones, then by priority", () => {
    const cases = [
      aCase({ id: "plain-p1", incident: { ...aCase().incident, priority: "p1" } }),
      aCase({ id: "waiting", waiting: true }),
      aCase({ id: "level-1", escalationLevel: 1 }),
      aCase({ id: "plain-p3", incident: { ...aCase().incident, priority: "p3" } }),
      aCase({ id: "level-2", escalationLevel: 2 }),
    ];
    expect([...cases].sort(caseListOrder).map((c) => c.id)).toEqual(["level-2", "level-1", "waiting", "plain-p1", "plain-p3"]);
  });
});

describe("notificationText", () => {
  it("gives the kind, the state, the tries and the last error", () => {
    expect(notificationText({ id: "n1", kind: "dispatched", createdAt: at, state: "delivered", attempts: 1 })).toBe("dispatched · delivered after 1 try");
    expect(notificationText({ id: "n2", kind: "unit_changed", createdAt: at, state: "failed", attempts: 3, lastError: "timeout" }))
      .toBe("unit changed · failed after 3 tries: timeout");
    expect(notificationText({ id: "n3", kind: "dispatched", createdAt: at, state: "pending", attempts: 0 })).toBe("dispatched · pending");
    expect(notificationText({ id: "n4", kind: "reassigned", createdAt: at, state: "skipped", attempts: 0 })).toBe("reassigned · skipped");
  });
});

describe("etaText", () => {
  const option = (etaMin: number, withinStandard: boolean): DispatchOption => ({
    resourceId: "u", resourceType: "flatbed", centerId: "c", centerKind: "partner", mode: "tow", part: null, etaMin, score: etaMin, withinStandard,
    breakdown: { etaMin, modePenaltyMin: 0, crossRegionPenaltyMin: 0, partnerPenaltyMin: 0, coverageLoss: 0, coveragePenaltyMin: 0 },
  });

  it("follows the silo's withinStandard, not its own arithmetic", () => {
    expect(etaText(option(60, true), 60)).toEqual({ text: "60 min ✓ (standard 60)", className: "ok" });
    expect(etaText(option(59.6, false), 60)).toEqual({ text: "60 min late (standard 60)", className: "late" });
  });
});
