// Problem details (RFC 9457) from the API, and where each of their messages belongs on a form.

export interface Problem {
  type?: string; title?: string; status: number; detail?: string; errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

/** Drops array indexes and leading "$.", so "$.changes.closeCenters[2]" and "changes.closeCenters" compare equal. */
export function normalizePath(path: string): string {
  return path.replace(/^\$\.?/, "").replace(/\[\d+\]/g, "").toLowerCase();
}

/**
 * Splits a problem's `errors` between the form's fields: each message goes to the field whose path is the longest
 * prefix of the error's path (an error on "location" lands on the first field under it when no field is exactly
 * "location"); what matches no field is returned apart, for the form's own message.
 */
export function assignErrors(
  errors: Record<string, string[]> | undefined,
  fieldPaths: readonly string[],
): { byField: Map<string, string[]>; unmatched: string[] } {
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  const fields = fieldPaths.map((p) => ({ path: p, key: normalizePath(p) }));
  for (const [path, messages] of Object.entries(errors ?? {})) {
    const key = normalizePath(path);
    let best: { path: string; key: string } | undefined;
    for (const field of fields) {
      const matches = key === field.key || key.startsWith(field.key + ".");
      if (matches && (!best || field.key.length > best.key.length)) {
        best = field;
      }
    }
    // An error on a parent ("location") with no field of its own goes to the first field below it.
    best ??= fields.find((f) => f.key.startsWith(key + "."));
    if (best) {
      byField.set(best.path, [...(byField.get(best.path) ?? []), ...messages]);
    } else {
      unmatched.push(...messages.map((m) => (path ? `${path}: ${m}` : m)));
    }
  }
  return { byField, unmatched };
}
