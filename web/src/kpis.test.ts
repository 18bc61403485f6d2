import { describe, expect, it } from "vitest";
import { histogramSeries, kpiRows, lateShareByRegion } from "./kpis";
import type { Kpis } from "./types";

function kpis(overrides: Partial<Kpis> = {}): Kpis {
  return {
    incidents: 100, served: 98, unserved: 2, queued: 0, stockOuts: 1, withinStandardShare: 0.9,
    responseMin: { mean: 40, p50: 35, p90: 70, p95: 80, max: 150 },
    byRegion: [{ region: "540000", incidents: 4, withinStandardShare: 0.75 }, { region: "110000", incidents: 0, withinStandardShare: null }],
    coverage: { tow: { all: 0.8, remote: 0.5 } },
    responseHistogram: { binMin: 10, counts: [1, 2, 3] },
    ...overrides,
  };
}

describe("kpiRows", () => {
  it("formats both columns and marks the better one by the KPI's direction", () => {
    const rows = kpiRows(kpis({ withinStandardShare: 0.95, responseMin: { mean: 50, p50: 35, p90: 70, p95: 80, max: 150 } }), kpis());
    const within = rows.find((r) => r.label === "Within standard")!;
    expect(within).toEqual({ label: "Within standard", scenario: "95.0 %", baseline: "90.0 %", better: "scenario" });
    expect(rows.find((r) => r.label === "Late share")!.better).toBe("scenario");
    expect(rows.find((r) => r.label === "Response mean")!.better).toBe("baseline");
    expect(rows.find((r) => r.label === "Response p50")!.better).toBe("same");
  });

  it("shows a dash for a statistic over no values", () => {
    const none = kpis({ withinStandardShare: null, responseMin: { mean: null, p50: null, p90: null, p95: null, max: null } });
    const row = kpiRows(none, kpis()).find((r) => r.label === "Response p90")!;
    expect(row.scenario).toBe("–");
    expect(row.better).toBe("n/a");
  });
});

describe("histogramSeries", () => {
  it("puts both runs on the longer run's bins, the last one open", () => {
    const series = histogramSeries(kpis({ responseHistogram: { binMin: 10, counts: [5, 5, 5, 1] } }), kpis());
    expect(series.labels).toEqual(["0–10", "10–20", "20–30", "≥ 30"]);
    expect(series.scenario).toEqual([5, 5, 5, 1]);
    expect(series.baseline).toEqual([1, 2, 3, 0]);
  });
});

describe("lateShareByRegion", () => {
  it("is one minus the within-standard share, null where no call came", () => {
    const late = lateShareByRegion(kpis());
    expect(late.get("540000")).toBeCloseTo(0.25);
    expect(late.get("110000")).toBeNull();
  });
});
