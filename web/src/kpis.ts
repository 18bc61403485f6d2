// Scenario against baseline: the rows of the KPI cards and the response-time distributions.
import type { Kpis } from "./types";

export interface KpiRow { label: string; scenario: string; baseline: string; better: "scenario" | "baseline" | "same" | "n/a"; }

type Pick = (k: Kpis) => number | null | undefined;

const rows: { label: string; pick: Pick; format: (v: number) => string; lowerIsBetter: boolean }[] = [
  { label: "Incidents", pick: (k) => k.incidents, format: String, lowerIsBetter: false },
  { label: "Served", pick: (k) => k.served, format: String, lowerIsBetter: false },
  { label: "Unserved", pick: (k) => k.unserved, format: String, lowerIsBetter: true },
  { label: "Within standard", pick: (k) => k.withinStandardShare, format: percent, lowerIsBetter: false },
  { label: "Late share", pick: (k) => (k.withinStandardShare == null ? null : 1 - k.withinStandardShare), format: percent, lowerIsBetter: true },
  { label: "Response mean", pick: (k) => k.responseMin.mean, format: minutes, lowerIsBetter: true },
  { label: "Response p50", pick: (k) => k.responseMin.p50, format: minutes, lowerIsBetter: true },
  { label: "Response p90", pick: (k) => k.responseMin.p90, format: minutes, lowerIsBetter: true },
  { label: "Response p95", pick: (k) => k.responseMin.p95, format: minutes, lowerIsBetter: true },
  { label: "Stock-outs", pick: (k) => k.stockOuts, format: String, lowerIsBetter: true },
  { label: "Tow coverage", pick: (k) => k.coverage?.tow?.all, format: percent, lowerIsBetter: false },
  { label: "Tow coverage, remote", pick: (k) => k.coverage?.tow?.remote, format: percent, lowerIsBetter: false },
];

export function kpiRows(scenario: Kpis, baseline: Kpis): KpiRow[] {
  return rows.map((row) => {
    const s = row.pick(scenario);
    const b = row.pick(baseline);
    let better: KpiRow["better"] = "n/a";
    if (s != null && b != null) {
      better = Math.abs(s - b) < 1e-9 ? "same" : (s < b) === row.lowerIsBetter ? "scenario" : "baseline";
    }
    return { label: row.label, scenario: s == null ? "–" : row.format(s), baseline: b == null ? "–" : row.format(b), better };
  });
}

/** Both histograms on one set of bins (the longer one's), labelled "0–10", ..., "≥ 120" for the open last bin. */
export function histogramSeries(scenario: Kpis, baseline: Kpis): { labels: string[]; scenario: number[]; baseline: number[] } {
  const s = scenario.responseHistogram;
  const b = baseline.responseHistogram;
  const bin = s?.binMin ?? b?.binMin ?? 10;
  const n = Math.max(s?.counts.length ?? 0, b?.counts.length ?? 0);
  const labels = Array.from({ length: n }, (_, i) => (i === n - 1 ? `≥ ${i * bin}` : `${i * bin}–${(i + 1) * bin}`));
  const pad = (counts: number[] | undefined) => Array.from({ length: n }, (_, i) => counts?.[i] ?? 0);
  return { labels, scenario: pad(s?.counts), baseline: pad(b?.counts) };
}

/** Late share (1 − within standard) per region code, for the map. */
export function lateShareByRegion(k: Kpis): Map<string, number | null> {
  return new Map(k.byRegion.map((r) => [r.region, r.withinStandardShare == null ? null : 1 - r.withinStandardShare]));
}

function percent(v: number): string {
  return `${(v * 100).toFixed(1)} %`;
}

function minutes(v: number): string {
  return `${v.toFixed(1)} min`;
}
