// The planner's view: a what-if run against the baseline (closed centers, added units, a surge drawn on the map),
// its progress and KPIs; and where to station k units.
import * as echarts from "echarts/core";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { api } from "./api";
import { clear, h } from "./dom";
import { Form, input, select } from "./forms";
import { circlePolygon } from "./geo";
import { histogramSeries, kpiRows, lateShareByRegion } from "./kpis";
import type { Overlay } from "./map";
import type { GeoPoint, NetworkDocument, PlacementAnswer, ScenarioRun } from "./types";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface PlannerContext {
  network: () => NetworkDocument | undefined;
  overlay: (overlay: Overlay) => void;
}

interface AddedUnits { centerId: string; type: string; count: number; }

export class PlannerView {
  readonly element: HTMLElement;
  private readonly form = new Form();
  private readonly name = input("text", { value: "What-if", maxlength: 200 });
  private readonly start = input("date", { value: new Date().toISOString().slice(0, 10) });
  private readonly days = input("number", { value: "1", min: "0.1", max: "400", step: "any" });
  private readonly rate = input("number", { value: "200", min: "1", step: "any" });
  private readonly seed = input("number", { value: "1", step: "1" });
  private readonly policy = select([["coverage", "coverage (score)"], ["closest", "closest (ETA only)"]], "coverage");
  private readonly baselinePolicy = select([["closest", "closest (ETA only)"], ["coverage", "coverage (score)"]], "closest");
  private readonly closeCenters = h("select", { multiple: true, size: 6 });
  private readonly addCenter = input("text", { list: "center-ids", placeholder: "center id" });
  private readonly addType = select(["flatbed"]);
  private readonly addCount = input("number", { value: "1", min: "1", max: "50", step: "1" });
  private readonly added: AddedUnits[] = [];
  private readonly addedList = h("ul", { class: "chips", "aria-label": "Units to add" });
  private readonly surgeOn = input("checkbox");
  private readonly surgeLat = input("number", { step: "any", placeholder: "click the map" });
  private readonly surgeLon = input("number", { step: "any" });
  private readonly surgeRadius = input("number", { value: "150", min: "1", step: "any" });
  private readonly surgeFactor = input("number", { value: "3", min: "0", max: "100", step: "any" });
  private readonly progress = h("progress", { max: 1, value: 0, id: "scenario-progress", "aria-label": "Run progress" });
  private readonly status = h("p", { class: "meta", id: "scenario-status", "aria-live": "polite" });
  private readonly results = h("section", { class: "result", id: "scenario-results", "aria-label": "Scenario against baseline" });
  private readonly placementForm = new Form();
  private readonly model = select([["mclp", "maximal covering (mclp)"], ["pmedian", "p-median"]], "mclp");
  private readonly k = input("number", { value: "3", min: "1", step: "1" });
  private readonly placementType = select(["flatbed"]);
  private readonly placementResult = h("div", { class: "result", id: "placement-result", "aria-live": "polite" });
  private run?: ScenarioRun;
  private timer?: number;
  private chart?: echarts.ECharts;

  constructor(private readonly context: PlannerContext) {
    const f = this.form;
    const addButton = h("button", { type: "button" }, "Add units");
    addButton.addEventListener("click", () => this.addUnits());
    const scenarioForm = h("form", { "aria-label": "What-if scenario", novalidate: true },
      h("h2", {}, "What-if"),
      h("div", { class: "row" },
        f.field({ id: "sc-name", label: "Name", path: "name", input: this.name }),
        f.field({ id: "sc-start", label: "Start (UTC day)", path: "demand.generate.start", input: this.start })),
      h("div", { class: "row" },
        f.field({ id: "sc-days", label: "Days", path: "demand.generate.days", input: this.days }),
        f.field({ id: "sc-rate", label: "Calls per day", path: "demand.generate.ratePerDay", input: this.rate }),
        f.field({ id: "sc-seed", label: "Seed", path: "demand.generate.seed", input: this.seed })),
      h("div", { class: "row" },
        f.field({ id: "sc-policy", label: "Scenario policy", path: "policy", input: this.policy }),
        f.field({ id: "sc-baseline-policy", label: "Baseline policy", path: "baselinePolicy", input: this.baselinePolicy })),
      f.field({ id: "sc-close", label: "Close centers (Ctrl/Shift to pick several)", path: "changes.closeCenters", input: this.closeCenters }),
      h("fieldset", {}, h("legend", {}, "Add units"),
        h("div", { class: "row" },
          f.field({ id: "sc-add-center", label: "At center", path: "changes.addResources.centerId", input: this.addCenter }),
          f.field({ id: "sc-add-type", label: "Type", path: "changes.addResources.type", input: this.addType }),
          f.field({ id: "sc-add-count", label: "How many", path: "changes.addResources", input: this.addCount })),
        addButton, this.addedList),
      h("fieldset", {}, h("legend", {}, "Surge"),
        f.field({ id: "sc-surge", label: "Surge in a circle (click the map for its center)", path: "demand.generate.surges", input: this.surgeOn }),
        h("div", { class: "row" },
          f.field({ id: "sc-surge-lat", label: "Center lat", path: "demand.generate.surges.zone", input: this.surgeLat }),
          f.field({ id: "sc-surge-lon", label: "Center lon", path: "demand.generate.surges.zone.coordinates", input: this.surgeLon }),
          f.field({ id: "sc-surge-radius", label: "Radius km", path: "surge.radius", input: this.surgeRadius }),
          f.field({ id: "sc-surge-factor", label: "Factor", path: "demand.generate.surges.factor", input: this.surgeFactor }))),
      f.message,
      h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "run-scenario" }, "Run"), this.progress),
      this.status);
    scenarioForm.addEventListener("submit", (e) => { e.preventDefault(); void this.submit(); });
    for (const el of [this.surgeOn, this.surgeLat, this.surgeLon, this.surgeRadius]) el.addEventListener("change", () => this.showSurge());

    const p = this.placementForm;
    const placement = h("form", { "aria-label": "Placement", novalidate: true },
      h("h2", {}, "Where to station units"),
      h("div", { class: "row" },
        p.field({ id: "pl-model", label: "Model", path: "model", input: this.model }),
        p.field({ id: "pl-k", label: "Units (k)", path: "k", input: this.k }),
        p.field({ id: "pl-type", label: "Type", path: "resourceType", input: this.placementType })),
      p.message,
      h("div", { class: "actions" }, h("button", { type: "submit", id: "run-placement" }, "Find sites")),
      this.placementResult);
    placement.addEventListener("submit", (e) => { e.preventDefault(); void this.place(); });
    this.element = h("div", { class: "view", id: "planner-view" }, scenarioForm, this.results, placement, h("datalist", { id: "center-ids" }));
  }

  networkChanged(network: NetworkDocument): void {
    if (this.closeCenters.options.length === network.centers.length) return;
    clear(this.closeCenters);
    const datalist = this.element.querySelector("#center-ids")!;
    clear(datalist);
    for (const c of [...network.centers].sort((a, b) => a.name.localeCompare(b.name))) {
      this.closeCenters.append(h("option", { value: c.id }, `${c.name} (${c.kind})`));
      datalist.append(h("option", { value: c.id }, c.name));
    }
    const types = Object.keys(network.parameters.resourceTypes).sort();
    for (const s of [this.addType, this.placementType]) {
      clear(s);
      for (const t of types) s.append(h("option", { value: t, selected: t === "flatbed" }, t.replace(/_/g, " ")));
    }
  }

  picked(point: GeoPoint): void {
    this.surgeLat.value = String(point.lat);
    this.surgeLon.value = String(point.lon);
    this.surgeOn.checked = true;
    this.showSurge();
  }

  active(): void {
    this.showSurge();
  }

  private surgeZone() {
    const lat = this.surgeLat.valueAsNumber;
    const lon = this.surgeLon.valueAsNumber;
    const radius = this.surgeRadius.valueAsNumber;
    if (!this.surgeOn.checked || !Number.isFinite(lat) || !Number.isFinite(lon) || !(radius > 0)) return undefined;
    return circlePolygon({ lat, lon }, radius);
  }

  private showSurge(): void {
    this.context.overlay({ surge: this.surgeZone() });
  }

  private addUnits(): void {
    const centerId = this.addCenter.value.trim();
    const count = Math.max(1, Math.min(50, Math.round(this.addCount.valueAsNumber || 1)));
    if (!centerId) {
      this.form.showMessage("Name the center to add units at.");
      this.addCenter.focus();
      return;
    }
    this.added.push({ centerId, type: this.addType.value, count });
    this.renderAdded();
  }

  private renderAdded(): void {
    clear(this.addedList);
    this.added.forEach((a, i) => {
      const remove = h("button", { type: "button", class: "link", "aria-label": `Remove ${a.count} ${a.type} at ${a.centerId}` }, "×");
      remove.addEventListener("click", () => { this.added.splice(i, 1); this.renderAdded(); });
      this.addedList.append(h("li", {}, `${a.count} × ${a.type.replace(/_/g, " ")} at ${a.centerId} `, remove));
    });
  }

  private request(): unknown {
    const start = new Date(`${this.start.value || new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    const days = this.days.valueAsNumber;
    const zone = this.surgeZone();
    const addResources = this.added.flatMap((a, group) => Array.from({ length: a.count }, (_, i) => ({
      centerId: a.centerId, type: a.type, id: `whatif-${group + 1}-${i + 1}-${a.centerId}`,
    })));
    const closeCenters = [...this.closeCenters.selectedOptions].map((o) => o.value);
    const end = new Date(start.getTime() + (Number.isFinite(days) ? days : 1) * 86400000);
    return {
      name: this.name.value.trim() || undefined,
      base: "live",
      changes: { closeCenters, addResources },
      demand: {
        generate: {
          start: start.toISOString(),
          days: Number.isFinite(days) ? days : null,
          ratePerDay: Number.isFinite(this.rate.valueAsNumber) ? this.rate.valueAsNumber : null,
          seed: Number.isFinite(this.seed.valueAsNumber) ? this.seed.valueAsNumber : 1,
          surges: zone ? [{ zone, from: start.toISOString(), to: end.toISOString(), factor: this.surgeFactor.valueAsNumber }] : [],
        },
      },
      policy: this.policy.value,
      baselinePolicy: this.baselinePolicy.value,
    };
  }

  private async submit(): Promise<void> {
    this.form.clearErrors();
    window.clearInterval(this.timer);
    try {
      this.run = await api<ScenarioRun>("POST", "/v1/scenarios", this.request());
      this.progress.value = 0;
      this.status.textContent = `Run ${this.run.id}: ${this.run.status}`;
      clear(this.results);
      this.timer = window.setInterval(() => void this.poll(), 1000);
    } catch (error) {
      this.form.showError(error);
    }
  }

  private async poll(): Promise<void> {
    if (!this.run) return;
    try {
      this.run = await api<ScenarioRun>("GET", `/v1/scenarios/${encodeURIComponent(this.run.id)}`);
    } catch { return; }
    this.progress.value = this.run.progress ?? 0;
    this.status.textContent = `Run ${this.run.id}: ${this.run.status} (${Math.round((this.run.progress ?? 0) * 100)} %)` +
      (this.run.error ? ` – ${this.run.error}` : "");
    if (this.run.status === "completed" || this.run.status === "failed" || this.run.status === "cancelled") {
      window.clearInterval(this.timer);
      if (this.run.status === "completed") this.renderResults();
    }
  }

  private renderResults(): void {
    const s = this.run?.scenario;
    const b = this.run?.baseline;
    clear(this.results);
    if (!s || !b) return;
    const rows = kpiRows(s, b);
    const show = select([["scenario", "scenario"], ["baseline", "baseline"]], "scenario");
    show.id = "late-map-source";
    show.addEventListener("change", () => this.context.overlay({ lateShare: lateShareByRegion(show.value === "scenario" ? s : b) }));
    const chartEl = h("div", { class: "chart", role: "img", "aria-label": "Response-time distribution, scenario against baseline" });
    this.results.append(
      h("h2", {}, "Scenario against baseline"),
      h("div", { class: "kpi-cards", id: "kpi-cards" }, ...rows.map((r) => h("div", { class: "kpi-card" },
        h("div", { class: "kpi-label" }, r.label),
        h("div", { class: "kpi-values" },
          h("span", { class: `kpi-scenario${r.better === "scenario" ? " better" : ""}`, "data-column": "scenario" }, h("small", {}, "scenario "), r.scenario),
          h("span", { class: `kpi-baseline${r.better === "baseline" ? " better" : ""}`, "data-column": "baseline" }, h("small", {}, "baseline "), r.baseline))))),
      h("h3", {}, "Response times"), chartEl,
      h("div", { class: "field inline" }, h("label", { for: "late-map-source" }, "Map: late share per region of"), show),
      h("p", { class: "scale" }, h("span", { class: "swatch", style: "background:#66bb6a" }), " none late ",
        h("span", { class: "swatch", style: "background:#9d754d" }), " 25 % ",
        h("span", { class: "swatch", style: "background:#d32f2f" }), " half or more late ",
        h("span", { class: "swatch", style: "background:#e0e0e0" }), " no calls"));
    this.chart?.dispose();
    this.chart = echarts.init(chartEl);
    const hist = histogramSeries(s, b);
    this.chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 28, bottom: 40 },
      xAxis: { type: "category", data: hist.labels, name: "min", nameLocation: "middle", nameGap: 28, axisLabel: { fontSize: 10 } },
      yAxis: { type: "value", name: "calls" },
      series: [
        { name: "scenario", type: "bar", data: hist.scenario, itemStyle: { color: "#5e35b1" } },
        { name: "baseline", type: "bar", data: hist.baseline, itemStyle: { color: "#90a4ae" } },
      ],
    });
    this.context.overlay({ lateShare: lateShareByRegion(s) });
  }

  private async place(): Promise<void> {
    this.placementForm.clearErrors();
    clear(this.placementResult);
    try {
      const answer = await api<PlacementAnswer>("POST", "/v1/planning/placement", {
        model: this.model.value, k: this.k.valueAsNumber, resourceType: this.placementType.value, timeLimitMs: 20000,
      });
      const centers = new Map((this.context.network()?.centers ?? []).map((c) => [c.id, c]));
      this.placementResult.append(
        h("p", { class: "meta" }, `objective ${answer.objective.toFixed(1)}${answer.optimal ? " (optimal)" : ` (gap ${(answer.gap * 100).toFixed(1)} %)`} · ${answer.solveMillis} ms`),
        h("ol", { id: "placement-sites" }, ...answer.sites.map((id) => h("li", {}, centers.get(id)?.name ?? id, h("small", {}, ` ${id}`)))));
      this.context.overlay({ sites: answer.sites });
    } catch (error) {
      this.placementForm.showError(error);
    }
  }
}
