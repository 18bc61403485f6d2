// How the console words and marks a case: timeline sentences, escalation and waiting badges, notification states,
// ETA against the standard. Pure, so it can be tested without a browser.
import type { Case, DispatchOption, Notification, TimelineEntry } from "./types";

const statusText: Record<string, string> = {
  reported: "Reported",
  created: "Case opened",
  enroute: "Crew en route",
  onscene: "Crew on scene",
  towing: "Towing",
  completed: "Completed",
  cancelled: "Cancelled",
  overdue: "Overdue: not closed within the standard",
  customerErased: "Customer data erased",
};

/** A timeline entry as a sentence ("Reassigned: fb-12 released (turned back by local rule)"). */
export function timelineText(e: TimelineEntry): string {
  switch (e.type) {
    case "dispatched": {
      const unit = e.resourceId ? ` ${e.resourceId}` : "";
      if (e.detail === "from_queue") return `Dispatched${unit} from the waiting queue`;
      return `Dispatched${unit}${e.detail ? ` (${e.detail})` : ""}`;
    }
    case "reassigned":
      return `Reassigned: ${e.resourceId ?? "the unit"} released${e.detail ? ` (${e.detail.replace(/_/g, " ")})` : ""}`;
    case "escalated":
      return `Escalated, level ${e.level ?? 1}: ${(e.level ?? 1) >= 2 ? "still no unit, escalated again" : "no unit dispatched within the standard"}`;
    case "waiting":
      return `Waiting for a unit${e.detail ? `: ${e.detail.split(",").map((r) => r.trim().replace(/_/g, " ")).join(", ")}` : ""}`;
    default: {
      const text = statusText[e.type] ?? e.type;
      return `${text}${e.resourceId ? ` · ${e.resourceId}` : ""}${e.detail ? ` · ${e.detail}` : ""}`;
    }
  }
}

/** Who caused an entry: the silo itself, or the API key by its id (ids read "key_…" already). */
export function byText(by: string): string {
  return by === "system" ? "by the system" : `by ${by}`;
}

export interface EscalationMark { escalated: boolean; className: string | undefined; label: string | undefined; borderWidth: number; }

/** How a case's escalation level is shown, on the map and in lists: level 2 louder than level 1. */
export function escalationMark(level: number): EscalationMark {
  if (level <= 0) return { escalated: false, className: undefined, label: undefined, borderWidth: 1 };
  return { escalated: true, className: level >= 2 ? "escalated level-2" : "escalated level-1", label: `escalated, level ${level}`, borderWidth: level >= 2 ? 4 : 3 };
}

/** Whether the case waits in the queue: the flag only counts while the case is open. */
export function isWaiting(c: Case): boolean {
  return c.waiting && c.status === "open";
}

/**
 * The order of the open-case list: escalated first (the higher level first), then waiting, then by priority and age.
 */
export function caseListOrder(a: Case, b: Case): number {
  return b.escalationLevel - a.escalationLevel
    || Number(isWaiting(b)) - Number(isWaiting(a))
    || a.incident.priority.localeCompare(b.incident.priority)
    || (a.incident.reportedAt ?? "").localeCompare(b.incident.reportedAt ?? "")
    || a.id.localeCompare(b.id);
}

const notificationStates: Record<string, string> = {
  pending: "pending",
  delivered: "delivered",
  failed: "failed",
  skipped: "skipped",
};

/** A customer notification's line: kind, state and tries ("dispatched · failed after 3 tries: timeout"). */
export function notificationText(n: Notification): string {
  const state = notificationStates[n.state] ?? n.state;
  const tries = n.attempts === 1 ? "1 try" : `${n.attempts} tries`;
  // A skipped notification (no channel, no phone) and one not yet tried have no tries to count.
  const after = n.attempts === 0 ? "" : ` after ${tries}`;
  return `${n.kind.replace(/_/g, " ")} · ${state}${after}${n.lastError ? `: ${n.lastError}` : ""}`;
}

/** An option's ETA against the region's standard, as the silo judged it. */
export function etaText(o: DispatchOption, standardMin: number): { text: string; className: "ok" | "late" } {
  return o.withinStandard
    ? { text: `${o.etaMin.toFixed(0)} min ✓ (standard ${standardMin})`, className: "ok" }
    : { text: `${o.etaMin.toFixed(0)} min late (standard ${standardMin})`, className: "late" };
}
