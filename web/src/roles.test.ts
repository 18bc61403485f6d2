import { describe, expect, it } from "vitest";
import { abilitiesOf, nextEvents } from "./roles";

describe("abilitiesOf", () => {
  it("offers each role only its own views, and an admin both", () => {
    expect(abilitiesOf("agent")).toEqual({ agentView: true, plannerView: false });
    expect(abilitiesOf("planner")).toEqual({ agentView: false, plannerView: true });
    expect(abilitiesOf("admin")).toEqual({ agentView: true, plannerView: true });
    expect(abilitiesOf("someone")).toEqual({ agentView: false, plannerView: false });
  });
});

describe("nextEvents", () => {
  it("moves a case forward only, towing only in tow mode, cancellable until closed", () => {
    expect(nextEvents("dispatched", "onsite")).toEqual(["enroute", "onscene", "completed", "cancelled"]);
    expect(nextEvents("onscene", "tow")).toEqual(["towing", "completed", "cancelled"]);
    expect(nextEvents("open", undefined)).toEqual(["cancelled"]);
    expect(nextEvents("completed", "tow")).toEqual([]);
    expect(nextEvents("cancelled", "tow")).toEqual([]);
  });
});
