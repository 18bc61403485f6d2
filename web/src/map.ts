// The live map: China's regions from the network document as vector shapes (no tiles), with centers, units,
// open incidents, rule zones, and what each view adds (the point being entered, a surge zone, placement sites,
// the late share per region).
import * as echarts from "echarts/core";
import { CustomChart, EffectScatterChart, ScatterChart } from "echarts/charts";
import { GeoComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from "echarts/types/dist/shared";
import { outerRings } from "./geo";
import { escalationMark, isWaiting } from "./cases";
import { ageMinutes, incidentSize, isOpenCase, lateShareColor, priorityColors, statusColors, typeSymbols, unitMarks } from "./mapModel";
import type { Case, GeoJsonGeometry, GeoPoint, NetworkDocument } from "./types";

echarts.use([ScatterChart, EffectScatterChart, CustomChart, GeoComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const mapName = "dispatch-regions";

export interface Overlay {
  pick?: GeoPoint;
  surge?: GeoJsonGeometry;
  sites?: string[];
  lateShare?: Map<string, number | null>;
}

export class NetworkMap {
  private readonly chart: echarts.ECharts;
  private network?: NetworkDocument;
  private cases: Case[] = [];
  private overlay: Overlay = {};
  private registered = "";

  constructor(private readonly element: HTMLElement, onPick: (point: GeoPoint) => void) {
    this.chart = echarts.init(element, undefined, { renderer: "canvas" });
    this.chart.getZr().on("click", (event) => {
      const point = [event.offsetX, event.offsetY];
      if (!this.network || !this.chart.containPixel({ geoIndex: 0 }, point)) return;
      const [lon, lat] = this.chart.convertFromPixel({ geoIndex: 0 }, point) as number[];
      onPick({ lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4 });
    });
    new ResizeObserver(() => this.chart.resize()).observe(element);
  }

  setNetwork(network: NetworkDocument): void {
    this.network = network;
    const signature = network.regions.map((r) => r.code).join(",");
    if (signature !== this.registered) {
      echarts.registerMap(mapName, {
        type: "FeatureCollection",
        features: network.regions.map((r) => ({ type: "Feature", properties: { name: r.code }, geometry: r.geometry })),
      } as never);
      this.registered = signature;
    }
    this.render();
  }

  setCases(cases: Case[]): void {
    this.cases = cases.filter(isOpenCase);
    this.render();
  }

  setOverlay(overlay: Overlay): void {
    this.overlay = { ...this.overlay, ...overlay };
    this.render();
  }

  private render(): void {
    const network = this.network;
    if (!network) return;
    const now = new Date();
    const centerById = new Map(network.centers.map((c) => [c.id, c]));
    const units = unitMarks(network.centers);
    const late = this.overlay.lateShare;
    const zones = (network.rules ?? []).filter((r) => r.zone).map((r) => ({ name: r.id, rings: outerRings(r.zone!), rule: r }));
    if (this.overlay.surge) zones.push({ name: "surge", rings: outerRings(this.overlay.surge), rule: undefined as never });

    const unitSeries = Object.keys(statusColors).map((status) => ({
      name: `Units ${status}`,
      type: "scatter",
      coordinateSystem: "geo",
      symbolSize: 4,
      itemStyle: { color: statusColors[status], opacity: 0.85 },
      data: units.filter((u) => u.status === status).map((u) => ({
        name: u.id, value: [u.at.lon, u.at.lat], symbol: typeSymbols[u.type] ?? "circle",
        tip: `${u.id}<br>${u.type.replace(/_/g, " ")} · ${u.status}<br>${u.centerKind} center ${u.centerId}`,
      })),
      zlevel: 2,
      z: 1,
    }));

    const open = this.cases.map((c) => ({ c, level: c.escalationLevel, mark: escalationMark(c.escalationLevel), age: ageMinutes(c, now) }));
    const incidentPoint = (x: (typeof open)[number]) => ({
      name: x.c.id,
      value: [x.c.incident.location.lon, x.c.incident.location.lat],
      symbolSize: incidentSize(x.age),
      itemStyle: { color: priorityColors[x.c.incident.priority] ?? "#f9a825", borderColor: "#000", borderWidth: x.mark.borderWidth, borderType: isWaiting(x.c) ? "dashed" : "solid" },
      tip: `Case ${x.c.id}<br>${x.c.incident.priority.toUpperCase()} · ${x.c.incident.fault.replace(/_/g, " ")} · ${x.c.status}` +
        `<br>${Math.round(x.age)} min old${x.mark.label ? `<br><b>${x.mark.label}</b>` : ""}${isWaiting(x.c) ? "<br>waiting for a unit" : ""}`,
    });

    this.chart.setOption({
      animation: false,
      tooltip: { trigger: "item", formatter: (p: { data?: { tip?: string }; name: string }) => p.data?.tip ?? this.regionTip(p.name) },
      legend: { bottom: 4, left: 4, orient: "horizontal", textStyle: { fontSize: 11 }, itemWidth: 12, itemHeight: 10 },
      geo: {
        map: mapName,
        roam: true,
        center: [104, 36],
        zoom: 1.15,
        aspectScale: 0.8,
        label: { show: false },
        emphasis: { label: { show: false }, itemStyle: { areaColor: "#cfd8dc" } },
        itemStyle: { areaColor: "#eef1f4", borderColor: "#90a4ae", borderWidth: 0.6 },
        regions: network.regions.map((r) => ({
          name: r.code,
          itemStyle: late
            ? { areaColor: lateShareColor(late.get(r.code)) }
            : r.remote
              ? { areaColor: "#f3e5c8", decal: { symbol: "line", dashArrayX: [1, 0], dashArrayY: [2, 6], rotation: Math.PI / 4, color: "rgba(140,100,40,0.25)" } }
              : { areaColor: "#eef1f4" },
        })),
      },
      series: [
        {
          name: "Rule zones",
          type: "custom",
          coordinateSystem: "geo",
          zlevel: 1,
          data: zones.map((z, i) => ({ name: z.name, value: i, tip: z.rule ? `Rule ${z.rule.id} (${z.rule.kind})<br>${z.rule.description ?? ""}` : "Surge zone" })),
          renderItem: (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
            const zone = zones[params.dataIndex];
            const surge = zone.name === "surge";
            return {
              type: "group",
              children: zone.rings.map((ring) => ({
                type: "polygon",
                shape: { points: ring.map(([lon, lat]) => api.coord([lon, lat])) },
                style: { fill: surge ? "rgba(103,58,183,0.22)" : "rgba(211,47,47,0.18)", stroke: surge ? "#5e35b1" : "#d32f2f", lineWidth: 1.5, lineDash: surge ? [4, 3] : undefined },
              })),
            };
          },
        },
        ...unitSeries,
        {
          name: "Direct centers", type: "scatter", coordinateSystem: "geo", symbol: "rect", symbolSize: 7, zlevel: 2, z: 5,
          itemStyle: { color: "#1565c0" },
          data: network.centers.filter((c) => c.kind === "direct").map((c) => ({ name: c.id, value: [c.location.lon, c.location.lat], tip: `${c.name}<br>direct · ${c.id}` })),
        },
        {
          name: "Partner centers", type: "scatter", coordinateSystem: "geo", symbol: "diamond", symbolSize: 9, zlevel: 2, z: 5,
          itemStyle: { color: "#00897b" },
          data: network.centers.filter((c) => c.kind === "partner").map((c) => ({ name: c.id, value: [c.location.lon, c.location.lat], tip: `${c.name}<br>partner · ${c.id}` })),
        },
        {
          name: "Open incidents", type: "scatter", coordinateSystem: "geo", zlevel: 3,
          data: open.filter((x) => !x.mark.escalated).map(incidentPoint),
        },
        {
          name: "Escalated incidents", type: "effectScatter", coordinateSystem: "geo", zlevel: 3, rippleEffect: { scale: 3, brushType: "stroke" },
          itemStyle: { color: "#b71c1c" },
          data: open.filter((x) => x.mark.escalated).map(incidentPoint),
        },
        {
          name: "Chosen point", type: "scatter", coordinateSystem: "geo", symbol: "pin", symbolSize: 26, zlevel: 4,
          itemStyle: { color: "#6a1b9a" },
          data: this.overlay.pick ? [{ name: "chosen", value: [this.overlay.pick.lon, this.overlay.pick.lat], tip: `Chosen point ${this.overlay.pick.lat}, ${this.overlay.pick.lon}` }] : [],
        },
        {
          name: "Placement sites", type: "effectScatter", coordinateSystem: "geo", symbol: "pin", symbolSize: 24, zlevel: 4,
          itemStyle: { color: "#e65100" },
          data: (this.overlay.sites ?? []).map((id) => centerById.get(id)).filter((c) => c !== undefined)
            .map((c) => ({ name: c!.id, value: [c!.location.lon, c!.location.lat], tip: `Placement site<br>${c!.name}` })),
        },
      ],
    }, { replaceMerge: ["series"] });

    this.element.setAttribute("aria-label",
      `Map of ${network.regions.length} regions (${network.regions.filter((r) => r.remote).length} remote), ${network.centers.length} centers, ${units.length} units, ${open.length} open incidents` +
      (late ? ", coloured by late share" : ""));
  }

  private regionTip(code: string): string {
    const region = this.network?.regions.find((r) => r.code === code);
    if (!region) return code;
    const late = this.overlay.lateShare?.get(code);
    return `${region.name}${region.remote ? " (remote)" : ""}<br>standard ${region.coverageStandardMin ?? "?"} min` +
      (late !== undefined ? `<br>late share ${late === null ? "–" : (late * 100).toFixed(1) + " %"}` : "");
  }
}
