import { describe, expect, it } from "vitest";
import { describeReason, groupExclusions, ruleName, typesPhrase } from "./reasons";
import type { Rule } from "./types";

const classes = {
  flatbed: { coverageClass: "tow" }, wheel_lift: { coverageClass: "tow" }, heavy_wrecker: { coverageClass: "tow" },
  recovery_4x4: { coverageClass: "tow" }, service_van: { coverageClass: "service" }, charging_van: { coverageClass: "service" },
};
const rules: Rule[] = [
  { id: "changtang-reserve", kind: "partner_only", types: ["flatbed", "wheel_lift", "heavy_wrecker", "recovery_4x4"] },
  { id: "beijing-core-heavy-day", kind: "deny", types: ["heavy_wrecker"] },
];

describe("describeReason", () => {
  it("names a partner-only rule and the class of vehicles it concerns", () => {
    expect(describeReason("partner_only:changtang-reserve", rules, classes)).toBe("barred: Changtang reserve is partner-only for tow trucks");
  });

  it("names a deny rule and its one type", () => {
    expect(describeReason("rule_denied:beijing-core-heavy-day", rules, classes)).toBe("barred: Beijing core heavy day is closed to heavy wreckers");
  });

  it("still names a rule the document no longer has", () => {
    expect(describeReason("rule_denied:gone-rule", rules, classes)).toBe("barred: Gone rule is closed to this unit's type");
  });

  it("reads out the plain codes", () => {
    expect(describeReason("part_out_of_stock", rules, classes)).toBe("its center is out of the part needed");
    expect(describeReason("ev_requires_flatbed", rules, classes)).toBe("an electrified vehicle may only be towed on a flatbed");
    expect(describeReason("not_available", rules, classes)).toBe("busy or offline");
  });

  it("spells an unknown code out rather than hiding it", () => {
    expect(describeReason("some_new_reason", rules, classes)).toBe("some new reason");
  });
});

describe("ruleName and typesPhrase", () => {
  it("turns an id into words", () => {
    expect(ruleName("expressway-tow-partner")).toBe("Expressway tow partner");
  });

  it("lists mixed classes by type", () => {
    expect(typesPhrase(["flatbed", "service_van"], classes)).toBe("flatbeds, service vans");
  });
});

describe("groupExclusions", () => {
  it("groups by reason in the order of each reason's nearest unit, keeping units nearest first", () => {
    const groups = groupExclusions([
      { resourceId: "p-sv", centerId: "p", reason: "part_out_of_stock" },
      { resourceId: "c-fb1", centerId: "c", reason: "partner_only:changtang-reserve" },
      { resourceId: "p-4x4", centerId: "p", reason: "part_out_of_stock" },
      { resourceId: "c-fb2", centerId: "c", reason: "partner_only:changtang-reserve" },
    ], rules, classes);
    expect(groups.map((g) => g.reason)).toEqual(["part_out_of_stock", "partner_only:changtang-reserve"]);
    expect(groups[1].text).toBe("barred: Changtang reserve is partner-only for tow trucks");
    expect(groups[1].units.map((u) => u.resourceId)).toEqual(["c-fb1", "c-fb2"]);
  });
});
