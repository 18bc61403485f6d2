// Reason codes of excluded units (docs/dispatch-semantics.md "Eligibility") as sentences an agent can read out.
import type { Rule } from "./types";

const plainReasons: Record<string, string> = {
  not_available: "busy or offline",
  cannot_serve_fault: "its type cannot handle this fault",
  ev_requires_flatbed: "an electrified vehicle may only be towed on a flatbed",
  part_spec_unknown: "the tyre size is unknown, so the part cannot be chosen",
  part_out_of_stock: "its center is out of the part needed",
  outside_service_radius: "the incident is outside its center's service radius",
};

const classNouns: Record<string, string> = { tow: "tow trucks", service: "service vans" };

/** "changtang-reserve" -> "Changtang reserve": the rule's id, which is what the network names it by. */
export function ruleName(id: string): string {
  const words = id.split(/[-_]+/).filter((w) => w.length > 0);
  if (words.length === 0) return id;
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The rule's types in one phrase: the class noun when they are all of one coverage class, else their names. */
export function typesPhrase(types: readonly string[], classOf: Record<string, { coverageClass?: string }>): string {
  const classes = new Set(types.map((t) => classOf[t]?.coverageClass ?? `?${t}`));
  if (types.length > 1 && classes.size === 1) {
    const only = [...classes][0];
    if (only in classNouns) return classNouns[only];
  }
  return types.map((t) => t.replace(/_/g, " ")).map((t) => (t.endsWith("s") ? t : t + "s")).join(", ");
}

/** One readable sentence for a reason code such as "partner_only:changtang-reserve". */
export function describeReason(
  reason: string,
  rules: readonly Rule[],
  classOf: Record<string, { coverageClass?: string }>,
): string {
  const colon = reason.indexOf(":");
  if (colon < 0) {
    return plainReasons[reason] ?? reason.replace(/_/g, " ");
  }
  const code = reason.slice(0, colon);
  const ruleId = reason.slice(colon + 1);
  const rule = rules.find((r) => r.id === ruleId);
  const name = ruleName(ruleId);
  const types = rule ? typesPhrase(rule.types, classOf) : "this unit's type";
  if (code === "partner_only") return `barred: ${name} is partner-only for ${types}`;
  if (code === "rule_denied") return `barred: ${name} is closed to ${types}`;
  return `${reason.replace(/_/g, " ")}`;
}

export interface ExclusionGroup { reason: string; text: string; units: { resourceId: string; centerId: string }[]; }

/**
 * Excluded units grouped by reason, the groups in the order of their nearest unit (the answer lists units nearest
 * first), so a thousand excluded units read as a handful of sentences, the one about the units close by first.
 */
export function groupExclusions(
  excluded: readonly { resourceId: string; centerId: string; reason: string }[],
  rules: readonly Rule[],
  classOf: Record<string, { coverageClass?: string }>,
): ExclusionGroup[] {
  const groups = new Map<string, ExclusionGroup>();
  for (const x of excluded) {
    let group = groups.get(x.reason);
    if (!group) {
      group = { reason: x.reason, text: describeReason(x.reason, rules, classOf), units: [] };
      groups.set(x.reason, group);
    }
    group.units.push({ resourceId: x.resourceId, centerId: x.centerId });
  }
  return [...groups.values()];
}
