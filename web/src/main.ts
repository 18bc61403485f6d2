// The console's shell: log in with an API key, then the map beside the views the key's role may use.
import "./style.css";
import { AgentView } from "./agent";
import { api, listAllCases, session } from "./api";
import { byId, clear, h } from "./dom";
import { Form, input } from "./forms";
import { NetworkMap, type Overlay } from "./map";
import { abilitiesOf } from "./roles";
import type { Caller, Case, GeoPoint, NetworkDocument } from "./types";

// Polling, not server-sent events: the API has no event stream, and one list of open cases every few seconds is
// light; the network document (every unit's live status) is large, so it is read less often and after each action.
const casesEveryMs = 5000;
const networkEveryMs = 20000;

const root = byId<HTMLElement>("app");

function showLogin(message?: string): void {
  session.clear();
  const form = new Form();
  const key = input("password", { autocomplete: "off", required: true, spellcheck: false });
  const el = h("form", { class: "login", "aria-label": "Log in", novalidate: true },
    h("h1", {}, "Dispatch console"),
    h("p", {}, "Log in with your API key. It is kept in this browser tab only, until you log out or close the tab."),
    form.field({ id: "api-key", label: "API key", path: "key", input: key }),
    form.message,
    h("button", { type: "submit", class: "primary" }, "Log in"));
  el.addEventListener("submit", async (e) => {
    e.preventDefault();
    form.clearErrors();
    try {
      const caller = await api<Caller>("GET", "/v1/me", undefined, key.value.trim());
      session.set(key.value.trim());
      showConsole(caller);
    } catch (error) {
      form.showError(error);
      const fieldError = byId("api-key-error");
      fieldError.textContent = form.message.textContent ?? "";
      fieldError.hidden = false;
      form.message.hidden = true;
      key.setAttribute("aria-invalid", "true");
      key.focus();
    }
  });
  clear(root);
  root.append(el);
  if (message) form.showMessage(message);
  key.focus();
}

function showConsole(caller: Caller): void {
  const abilities = abilitiesOf(caller.role);
  let network: NetworkDocument | undefined;
  let timers: number[] = [];
  const mapEl = h("div", { class: "map", id: "map", role: "img", tabindex: 0 });
  const panel = h("div", { class: "panel" });
  const status = h("p", { class: "poll-status", "aria-live": "polite" });
  const views: { name: string; view: AgentView | PlannerViewLike }[] = [];
  let activeView: AgentView | PlannerViewLike | undefined;
  let agentView: AgentView | undefined;

  const map = new NetworkMap(mapEl, (point: GeoPoint) => activeView?.picked(point));
  const setOverlay = (o: Overlay) => map.setOverlay(o);

  async function loadNetwork(): Promise<void> {
    try {
      network = await api<NetworkDocument>("GET", "/v1/network");
      map.setNetwork(network);
      for (const v of views) v.view.networkChanged(network);
      status.textContent = `Updated ${new Date().toLocaleTimeString()}`;
    } catch (error) {
      handleLoadError(error);
    }
  }

  async function loadCases(): Promise<void> {
    try {
      const cases = await listAllCases<Case>("status=active");
      map.setCases(cases);
      agentView?.casesChanged(cases);
      status.textContent = `Updated ${new Date().toLocaleTimeString()} · ${cases.length} open cases`;
    } catch (error) {
      handleLoadError(error);
    }
  }

  function handleLoadError(error: unknown): void {
    const problem = (error as { problem?: { status: number; detail?: string } }).problem;
    if (problem?.status === 401) {
      timers.forEach((t) => window.clearInterval(t));
      timers = [];
      showLogin(problem.detail ?? "Your key is no longer accepted.");
    } else {
      status.textContent = `Not updated: ${(error as Error).message}`;
    }
  }

  const refresh = () => { void loadNetwork(); void loadCases(); };
  if (abilities.agentView) {
    agentView = new AgentView({ network: () => network, pick: (p) => setOverlay({ pick: p }), refresh });
    views.push({ name: "Agent", view: agentView });
  }
  if (abilities.plannerView) {
    // Loaded on demand: agents never download the planner's code.
    views.push({ name: "Planner", view: new LazyPlanner(() => network, setOverlay) });
  }

  const tabs = h("div", { role: "tablist", class: "tabs", "aria-label": "Views" });
  function activate(index: number): void {
    activeView = views[index].view;
    [...tabs.children].forEach((t, i) => {
      t.setAttribute("aria-selected", String(i === index));
      (t as HTMLElement).tabIndex = i === index ? 0 : -1;
    });
    clear(panel);
    panel.append(activeView.element);
    map.setOverlay({ pick: undefined, surge: undefined, sites: undefined, lateShare: undefined });
    activeView.active();
  }
  views.forEach((v, i) => {
    const tab = h("button", { role: "tab", type: "button", id: `tab-${v.name.toLowerCase()}`, "aria-controls": "panel" }, `${v.name} view`);
    tab.addEventListener("click", () => activate(i));
    tab.addEventListener("keydown", (e) => {
      const k = (e as KeyboardEvent).key;
      if (k === "ArrowRight" || k === "ArrowLeft") {
        const next = (i + (k === "ArrowRight" ? 1 : views.length - 1)) % views.length;
        activate(next);
        (tabs.children[next] as HTMLElement).focus();
      }
    });
    tabs.append(tab);
  });

  const logout = h("button", { type: "button", class: "link", id: "logout" }, "Log out");
  logout.addEventListener("click", () => { timers.forEach((t) => window.clearInterval(t)); showLogin(); });
  clear(root);
  root.append(
    h("header", {},
      h("h1", {}, "Dispatch"),
      tabs,
      h("span", { class: "who", id: "who" }, `${caller.name || caller.keyId} · `, h("strong", { id: "role" }, caller.role)),
      status,
      logout),
    h("main", {}, mapEl, h("div", { id: "panel", role: "tabpanel" }, panel)));
  mapEl.setAttribute("aria-label", "Map of the network");
  if (views.length > 0) activate(0);
  refresh();
  timers = [window.setInterval(() => void loadCases(), casesEveryMs), window.setInterval(() => void loadNetwork(), networkEveryMs)];
}

interface PlannerViewLike {
  element: HTMLElement;
  networkChanged(network: NetworkDocument): void;
  picked(point: GeoPoint): void;
  active(): void;
}

/** The planner's view, its module (and the chart code) fetched the first time it is shown. */
class LazyPlanner implements PlannerViewLike {
  readonly element = h("div", { class: "view" }, h("p", {}, "Loading…"));
  private view?: PlannerViewLike;
  private network?: NetworkDocument;

  constructor(private readonly getNetwork: () => NetworkDocument | undefined, private readonly overlay: (o: Overlay) => void) {}

  networkChanged(network: NetworkDocument): void {
    this.network = network;
    this.view?.networkChanged(network);
  }

  picked(point: GeoPoint): void { this.view?.picked(point); }

  active(): void {
    if (this.view) { this.view.active(); return; }
    void import("./planner").then(({ PlannerView }) => {
      const view = new PlannerView({ network: this.getNetwork, overlay: this.overlay });
      this.view = view;
      this.element.replaceChildren(view.element);
      const network = this.network ?? this.getNetwork();
      if (network) view.networkChanged(network);
      view.active();
    });
  }
}

async function start(): Promise<void> {
  const key = session.key;
  if (!key) { showLogin(); return; }
  try {
    showConsole(await api<Caller>("GET", "/v1/me"));
  } catch (error) {
    showLogin((error as Error).message);
  }
}

void start();
