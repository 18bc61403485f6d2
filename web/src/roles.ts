// What a key's role may do (docs/api.md "Authentication and roles"): the console offers nothing else.
import type { Role } from "./types";

export interface Abilities { agentView: boolean; plannerView: boolean; }

export function abilitiesOf(role: string): Abilities {
  switch (role as Role) {
    case "admin": return { agentView: true, plannerView: true };
    case "agent": return { agentView: true, plannerView: false };
    case "planner": return { agentView: false, plannerView: true };
    default: return { agentView: false, plannerView: false };
  }
}

/** The case events a case may take next in its current status and mode (docs/api.md "Incidents"). */
export function nextEvents(status: string, mode: string | undefined): string[] {
  if (status === "completed" || status === "cancelled") return [];
  const order = ["dispatched", "enroute", "onscene", "towing", "completed"];
  const at = order.indexOf(status);
  if (at < 0) return status === "open" ? ["cancelled"] : [];
  const forward = order.slice(at + 1).filter((e) => e !== "towing" || mode === "tow");
  return [...forward, "cancelled"];
}
