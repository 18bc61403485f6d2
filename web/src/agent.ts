// The agent's view: enter an incident, read the recommendation and why the others may not go, dispatch, and follow
// the case to its end.
import { api } from "./api";
import { clear, h } from "./dom";
import { Form, input, select } from "./forms";
import { byText, caseListOrder, escalationMark, etaText, isWaiting, notificationText, timelineText } from "./cases";
import { ApiError } from "./problems";
import { groupExclusions } from "./reasons";
import { nextEvents } from "./roles";
import type { Case, DispatchOption, GeoPoint, IncidentBody, NetworkDocument, Recommendation } from "./types";

export interface AgentContext {
  network: () => NetworkDocument | undefined;
  pick: (point: GeoPoint | undefined) => void;
  refresh: () => void;
}

export class AgentView {
  readonly element: HTMLElement;
  private readonly form = new Form();
  private readonly lat = input("number", { step: "any", min: -90, max: 90, required: true, value: "33.5" });
  private readonly lon = input("number", { step: "any", min: -180, max: 180, required: true, value: "86.0" });
  private readonly fault = select(["flat_tire"], "flat_tire");
  private readonly powertrain = select([["bev", "BEV"], ["erev", "EREV"], ["phev", "PHEV"], ["ice", "ICE"]], "erev");
  private readonly tireSpec = input("text", { value: "255/45R20", maxlength: 64 });
  private readonly priority = select([["p1", "P1 (life at risk)"], ["p2", "P2"], ["p3", "P3"]], "p2");
  private readonly expressway = input("checkbox");
  private readonly customerName = input("text", { maxlength: 200, autocomplete: "off" });
  private readonly customerPhone = input("tel", { maxlength: 64, autocomplete: "off" });
  private readonly result = h("section", { class: "result", "aria-live": "polite", "aria-label": "Recommendation" });
  private readonly casePanel = h("section", { class: "case", "aria-label": "Case" });
  private readonly caseList = h("section", { class: "cases", id: "case-list", "aria-label": "Open cases" });
  private caseParts?: {
    form: Form; reason: HTMLInputElement; reassign: HTMLFormElement; title: HTMLElement; meta: HTMLElement;
    timeline: HTMLElement; notifications: HTMLElement; actions: HTMLElement; reassignResult: HTMLElement;
  };
  private answer?: Recommendation;
  private chosen?: DispatchOption;
  private current?: Case;
  private timer?: number;

  constructor(private readonly context: AgentContext) {
    const f = this.form;
    const submit = h("button", { type: "submit", class: "primary" }, "Recommend");
    const formEl = h("form", { "aria-label": "Incident", novalidate: true },
      h("h2", {}, "Incident"),
      h("p", { class: "hint" }, "Click the map to place the incident, or type its coordinates."),
      h("div", { class: "row" },
        f.field({ id: "inc-lat", label: "Latitude (°N)", path: "location.lat", input: this.lat }),
        f.field({ id: "inc-lon", label: "Longitude (°E)", path: "location.lon", input: this.lon })),
      h("div", { class: "row" },
        f.field({ id: "inc-fault", label: "Fault", path: "fault", input: this.fault }),
        f.field({ id: "inc-priority", label: "Priority", path: "priority", input: this.priority })),
      h("div", { class: "row" },
        f.field({ id: "inc-powertrain", label: "Powertrain", path: "vehicle.powertrain", input: this.powertrain }),
        f.field({ id: "inc-tire", label: "Tyre size", path: "vehicle.tireSpec", input: this.tireSpec })),
      f.field({ id: "inc-expressway", label: "On an expressway", path: "onExpressway", input: this.expressway }),
      h("details", {}, h("summary", {}, "Customer (optional)"),
        h("div", { class: "row" },
          f.field({ id: "inc-customer-name", label: "Name", path: "customer.name", input: this.customerName }),
          f.field({ id: "inc-customer-phone", label: "Phone", path: "customer.phone", input: this.customerPhone }))),
      f.message,
      h("div", { class: "actions" }, submit));
    formEl.addEventListener("submit", (e) => { e.preventDefault(); void this.recommend(); });
    for (const el of [this.lat, this.lon]) el.addEventListener("change", () => this.context.pick(this.point()));
    this.element = h("div", { class: "view", id: "agent-view" }, formEl, this.result, this.casePanel, this.caseList);
  }

  /** Fills the fault list from the network's catalog. */
  networkChanged(network: NetworkDocument): void {
    const current = this.fault.value;
    const faults = Object.keys(network.parameters.faults).sort();
    if (faults.join() === [...this.fault.options].map((o) => o.value).join()) return;
    clear(this.fault);
    for (const name of faults) this.fault.append(h("option", { value: name, selected: name === (current || "flat_tire") }, name.replace(/_/g, " ")));
  }

  picked(point: GeoPoint): void {
    this.lat.value = String(point.lat);
    this.lon.value = String(point.lon);
    this.context.pick(point);
  }

  active(): void {
    this.context.pick(this.point());
  }

  private point(): GeoPoint | undefined {
    const lat = this.lat.valueAsNumber;
    const lon = this.lon.valueAsNumber;
    return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : undefined;
  }

  private body(): IncidentBody {
    const body: IncidentBody = {
      location: { lat: this.lat.valueAsNumber, lon: this.lon.valueAsNumber },
      fault: this.fault.value,
      vehicle: { powertrain: this.powertrain.value, ...(this.tireSpec.value.trim() ? { tireSpec: this.tireSpec.value.trim() } : {}) },
      priority: this.priority.value,
      onExpressway: this.expressway.checked,
    };
    if (this.customerName.value.trim() || this.customerPhone.value.trim()) {
      body.customer = { name: this.customerName.value.trim(), phone: this.customerPhone.value.trim() };
    }
    return body;
  }

  private async recommend(): Promise<void> {
    this.form.clearErrors();
    try {
      this.answer = await api<Recommendation>("POST", "/v1/recommendations?options=6&excluded=all", this.body());
      this.chosen = this.answer.recommendation ?? undefined;
      this.renderAnswer();
    } catch (error) {
      clear(this.result);
      this.form.showError(error);
    }
  }

  private renderAnswer(): void {
    const answer = this.answer!;
    const network = this.context.network();
    const rules = network?.rules ?? [];
    const classes = network?.parameters.resourceTypes ?? {};
    const region = network?.regions.find((r) => r.code === answer.region);
    const standard = answer.coverageStandardMin;
    clear(this.result);
    this.result.append(h("h2", {}, "Recommendation"),
      h("p", { class: "meta" }, `Region ${region?.name ?? answer.region}${region?.remote ? " (remote)" : ""}` +
        ` · standard ${standard} min` + ` · computed in ${answer.computeMicros} µs`));
    if (!answer.recommendation) {
      this.result.append(h("p", { class: "warning", id: "unassignable" }, "No unit may serve this incident."));
    }
    const options = answer.recommendation ? [answer.recommendation, ...answer.alternatives] : [];
    if (options.length > 0) {
      const table = h("table", { class: "options", id: "options" },
        h("caption", {}, "Options, best first: choose the one to dispatch"),
        h("thead", {}, h("tr", {},
          ...["", "Unit", "Center", "Mode", "Part", "ETA", "Score = ETA + mode + other region + partner + coverage"].map((t) =>
            h("th", { scope: "col" }, t)))));
      const body = h("tbody");
      options.forEach((o, index) => {
        const radio = h("input", { type: "radio", name: "option", id: `opt-${index}`, checked: o === this.chosen, "aria-label": `Choose ${o.resourceId} (${o.mode})` });
        radio.addEventListener("change", () => { this.chosen = o; });
        const eta = etaText(o, standard);
        body.append(h("tr", { class: index === 0 ? "recommended" : undefined, "data-resource": o.resourceId },
          h("td", {}, radio),
          h("td", {}, h("label", { for: `opt-${index}` }, o.resourceId), h("br"), h("small", {}, o.resourceType.replace(/_/g, " "))),
          h("td", {}, o.centerId, h("br"), h("small", { class: `kind-${o.centerKind}` }, o.centerKind)),
          h("td", {}, o.mode),
          h("td", {}, o.part ?? "–"),
          h("td", { class: eta.className }, eta.text),
          h("td", { class: "breakdown" }, h("strong", {}, o.score.toFixed(1)), " = ",
            [o.breakdown.etaMin.toFixed(1), o.breakdown.modePenaltyMin.toFixed(0), o.breakdown.crossRegionPenaltyMin.toFixed(0),
              o.breakdown.partnerPenaltyMin.toFixed(0), o.breakdown.coveragePenaltyMin.toFixed(1)].join(" + "),
            h("br"), h("small", {}, `coverage loss ${o.breakdown.coverageLoss.toFixed(2)}`))));
      });
      table.append(body);
      const dispatch = h("button", { type: "button", class: "primary", id: "dispatch" }, "Open case and dispatch");
      dispatch.addEventListener("click", () => void this.dispatch());
      this.result.append(h("div", { class: "scroll" }, table), h("div", { class: "actions" }, dispatch));
    }
    if (answer.excluded.length > 0) {
      const groups = groupExclusions(answer.excluded, rules, classes);
      this.result.append(h("h3", {}, `Not sent: ${answer.excluded.length} units, by reason, nearest first`),
        h("div", { class: "excluded", id: "excluded" }, ...groups.map((g) => {
          const ruleId = g.reason.includes(":") ? g.reason.slice(g.reason.indexOf(":") + 1) : undefined;
          const rule = rules.find((r) => r.id === ruleId);
          const shown = g.units.slice(0, 25);
          return h("details", { "data-reason": g.reason },
            h("summary", {}, h("strong", {}, `${g.units.length} ${g.units.length === 1 ? "unit" : "units"}`), ` ${g.text}`),
            rule?.description ? h("p", { class: "meta" }, rule.description) : null,
            h("ul", {}, ...shown.map((u) => h("li", {}, `${u.resourceId} (${u.centerId})`)),
              g.units.length > shown.length ? h("li", { class: "meta" }, `and ${g.units.length - shown.length} more`) : null));
        })));
    }
  }

  private async dispatch(): Promise<void> {
    if (!this.chosen) return;
    this.form.clearErrors();
    let opened: Case | undefined;
    try {
      opened = await api<Case>("POST", "/v1/incidents", { ...this.body(), id: `web-${crypto.randomUUID()}` });
      const dispatched = await api<Case>("POST", `/v1/incidents/${encodeURIComponent(opened.id)}/dispatch`, { resourceId: this.chosen.resourceId, mode: this.chosen.mode });
      this.follow(dispatched);
    } catch (error) {
      // A case opened but not dispatched is still followed, so the agent can cancel it or pick again.
      if (opened) this.follow(opened);
      this.form.showError(error);
    }
    this.context.refresh();
  }

  /** The open cases of the latest poll, escalated first, each a button that follows the case. */
  casesChanged(cases: readonly Case[]): void {
    const sorted = [...cases].sort(caseListOrder);
    const escalated = sorted.filter((c) => c.escalationLevel > 0).length;
    const waiting = sorted.filter(isWaiting).length;
    clear(this.caseList);
    this.caseList.append(h("h2", {}, `Open cases (${sorted.length}${escalated ? `, ${escalated} escalated` : ""}${waiting ? `, ${waiting} waiting` : ""})`));
    if (sorted.length === 0) { this.caseList.append(h("p", { class: "meta" }, "No open cases.")); return; }
    this.caseList.append(h("ul", { class: "case-list" }, ...sorted.map((c) => {
      const mark = escalationMark(c.escalationLevel);
      const button = h("button", { type: "button", class: "link" }, c.id);
      button.addEventListener("click", () => this.follow(c));
      return h("li", { "data-case": c.id, class: mark.className },
        button, ` ${c.incident.priority.toUpperCase()} · ${c.status}`,
        mark.label ? h("span", { class: `badge ${mark.className}` }, mark.label) : null,
        isWaiting(c) ? h("span", { class: "badge waiting" }, "waiting for a unit") : null);
    })));
  }

  private follow(c: Case): void {
    if (this.current?.id !== c.id) this.buildCasePanel();
    this.current = c;
    this.renderCase();
    window.clearInterval(this.timer);
    this.timer = window.setInterval(() => void this.reload(), 4000);
  }

  private async reload(): Promise<void> {
    if (!this.current) return;
    try {
      this.current = await api<Case>("GET", `/v1/incidents/${encodeURIComponent(this.current.id)}`);
      this.renderCase();
    } catch { /* the next poll tries again */ }
  }

  /**
   * Builds the followed case's panel once: the polls refresh its parts in place, so the reason being typed, its
   * error and the focus survive them.
   */
  private buildCasePanel(): void {
    const form = new Form();
    const reason = input("text", { maxlength: 200, required: true, "aria-required": "true", autocomplete: "off" });
    const reassign = h("form", { class: "inline", id: "reassign", "aria-label": "Reassign", novalidate: true },
      form.field({ id: "reassign-reason", label: "Reason to reassign (required)", path: "reason", input: reason,
        hint: "Why the unit is replaced; kept on the timeline." }),
      h("button", { type: "submit" }, "Reassign"));
    reassign.addEventListener("submit", (e) => { e.preventDefault(); void this.reassign(undefined); });
    this.caseParts = {
      form, reason, reassign,
      title: h("h2"), meta: h("p", { class: "meta", "aria-live": "polite" }), timeline: h("ol", { class: "timeline", id: "timeline" }),
      notifications: h("div", { id: "notifications" }), actions: h("div", { class: "actions" }),
      reassignResult: h("div", { id: "reassign-result", "aria-live": "polite" }),
    };
    const p = this.caseParts;
    clear(this.casePanel);
    this.casePanel.append(p.title, p.meta, p.timeline, p.notifications, p.actions, p.reassign, p.reassignResult, form.message);
  }

  private renderCase(): void {
    const c = this.current!;
    const p = this.caseParts!;
    const mark = escalationMark(c.escalationLevel);
    p.title.textContent = `Case ${c.id}`;
    p.meta.replaceChildren("Status: ", h("strong", { id: "case-status" }, c.status),
      c.assignment ? h("span", { id: "case-unit" }, ` · ${c.assignment.resourceId} (${c.assignment.mode}, ETA ${c.assignment.etaMin.toFixed(0)} min)`) : "",
      mark.label ? h("span", { class: `badge ${mark.className}`, id: "case-escalation" }, mark.label) : "",
      isWaiting(c) ? h("span", { class: "badge waiting", id: "case-waiting" }, "waiting for a unit") : "");
    p.timeline.replaceChildren(...c.timeline.map((e) => h("li", { "data-type": e.type, class: e.type === "escalated" ? escalationMark(e.level ?? 1).className : undefined },
      h("time", { datetime: e.at }, new Date(e.at).toLocaleString()), ` ${timelineText(e)} `, h("small", { class: "by" }, byText(e.by)))));
    p.notifications.replaceChildren(...(c.notifications.length === 0 ? [] : [
      h("h3", {}, "Customer notifications"),
      h("ul", { class: "notifications" }, ...c.notifications.map((n) => h("li", { "data-state": n.state, class: `notification-${n.state}` },
        h("time", { datetime: n.createdAt }, new Date(n.createdAt).toLocaleTimeString()), ` ${notificationText(n)}`))),
    ]));
    const events = nextEvents(c.status, c.assignment?.mode);
    p.actions.replaceChildren(...events.map((type) => {
      const b = h("button", { type: "button", class: type === "cancelled" ? "danger" : undefined, "data-event": type }, label(type));
      b.addEventListener("click", () => void this.event(type));
      return b;
    }));
    p.reassign.hidden = !canReassign(c.status);
    if (c.status === "completed" || c.status === "cancelled") window.clearInterval(this.timer);
  }

  private async event(type: string): Promise<void> {
    const p = this.caseParts!;
    p.form.clearErrors();
    try {
      this.current = await api<Case>("POST", `/v1/incidents/${encodeURIComponent(this.current!.id)}/events`, { type });
      this.renderCase();
      this.context.refresh();
    } catch (error) {
      p.form.showError(error);
    }
  }

  /** Reassigns to the best other unit, or to the option named (from a 409's fresh recommendation). */
  private async reassign(option: DispatchOption | undefined): Promise<void> {
    const p = this.caseParts!;
    p.form.clearErrors();
    const body = { reason: p.reason.value.trim(), ...(option ? { resourceId: option.resourceId, mode: option.mode } : {}) };
    try {
      this.current = await api<Case>("POST", `/v1/incidents/${encodeURIComponent(this.current!.id)}/reassign`, body);
      p.reason.value = "";
      p.reassignResult.replaceChildren();
      this.renderCase();
      this.context.refresh();
    } catch (error) {
      p.form.showError(error);
      const fresh = error instanceof ApiError ? error.problem.recommendation as Recommendation | undefined : undefined;
      p.reassignResult.replaceChildren(...(fresh ? this.freshRecommendation(fresh) : []));
    }
  }

  /** What a refused reassignment could do instead: the fresh recommendation's options, each one a button. */
  private freshRecommendation(answer: Recommendation): HTMLElement[] {
    const options = answer.recommendation ? [answer.recommendation, ...answer.alternatives] : [];
    if (options.length === 0) {
      const groups = groupExclusions(answer.excluded, this.context.network()?.rules ?? [], this.context.network()?.parameters.resourceTypes ?? {});
      return [h("h3", {}, "Fresh recommendation: no other unit may go"),
        h("ul", {}, ...groups.slice(0, 5).map((g) => h("li", {}, `${g.units.length} ${g.units.length === 1 ? "unit" : "units"} ${g.text}`)))];
    }
    return [h("h3", {}, `Fresh recommendation (standard ${answer.coverageStandardMin} min)`),
      h("ul", { class: "fresh-options" }, ...options.map((o) => {
        const eta = etaText(o, answer.coverageStandardMin);
        const b = h("button", { type: "button" }, `Reassign to ${o.resourceId}`);
        b.addEventListener("click", () => void this.reassign(o));
        return h("li", { "data-resource": o.resourceId }, b, ` ${o.resourceType.replace(/_/g, " ")} · ${o.centerId} (${o.centerKind}) · ${o.mode} · `,
          h("span", { class: eta.className }, eta.text));
      }))];
  }
}

/** A case may be reassigned while its unit has not got the vehicle on board (docs/waiting-and-reassign.md). */
function canReassign(status: string): boolean {
  return status === "dispatched" || status === "enroute" || status === "onscene";
}

function label(event: string): string {
  return ({ enroute: "En route", onscene: "On scene", towing: "Towing", completed: "Completed", cancelled: "Cancel case" } as Record<string, string>)[event] ?? event;
}
