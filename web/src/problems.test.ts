import { describe, expect, it } from "vitest";
import { assignErrors, normalizePath } from "./problems";

const fields = ["location.lat", "location.lon", "fault", "vehicle.tireSpec", "demand.generate.days", "changes.closeCenters"];

describe("normalizePath", () => {
  it("drops indexes, a leading $ and case", () => {
    expect(normalizePath("$.changes.closeCenters[2]")).toBe("changes.closecenters");
  });
});

describe("assignErrors", () => {
  it("puts each message on the field its path names", () => {
    const { byField, unmatched } = assignErrors({ "location.lat": ["must be within -90..90"], fault: ["unknown fault 'x'"] }, fields);
    expect(byField.get("location.lat")).toEqual(["must be within -90..90"]);
    expect(byField.get("fault")).toEqual(["unknown fault 'x'"]);
    expect(unmatched).toEqual([]);
  });

  it("matches array elements to their list field", () => {
    const { byField } = assignErrors({ "changes.closeCenters[1]": ["no center has the id 'c-x'"] }, fields);
    expect(byField.get("changes.closeCenters")).toEqual(["no center has the id 'c-x'"]);
  });

  it("gives a parent's error to the first field below it", () => {
    const { byField } = assignErrors({ location: ["is required"] }, fields);
    expect(byField.get("location.lat")).toEqual(["is required"]);
  });

  it("gives a child's error to the nearest field above it", () => {
    const { byField } = assignErrors({ "demand.generate.days.value": ["must be > 0"] }, fields);
    expect(byField.get("demand.generate.days")).toEqual(["must be > 0"]);
  });

  it("keeps what no field claims for the form, with its path", () => {
    const { byField, unmatched } = assignErrors({ "vehicle.powertrain": ["must be bev, erev, phev or ice"] }, fields);
    expect(byField.size).toBe(0);
    expect(unmatched).toEqual(["vehicle.powertrain: must be bev, erev, phev or ice"]);
  });

  it("answers nothing for a problem without errors", () => {
    expect(assignErrors(undefined, fields)).toEqual({ byField: new Map(), unmatched: [] });
  });
});
