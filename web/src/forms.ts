// Labelled fields whose problem-details messages appear right below them.
import { h } from "./dom";
import { ApiError, assignErrors } from "./problems";

export interface FieldSpec { id: string; label: string; path: string; input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement; hint?: string; }

export class Form {
  private readonly fields: FieldSpec[] = [];
  readonly message = h("p", { class: "form-error", role: "alert", hidden: true });

  field(spec: FieldSpec): HTMLElement {
    this.fields.push(spec);
    spec.input.id = spec.id;
    spec.input.dataset.path = spec.path;
    const error = h("p", { class: "field-error", id: `${spec.id}-error`, hidden: true });
    spec.input.setAttribute("aria-describedby", `${spec.id}-error`);
    const label = h("label", { for: spec.id }, spec.label);
    return h("div", { class: spec.input instanceof HTMLInputElement && spec.input.type === "checkbox" ? "field check" : "field" },
      label, spec.input, spec.hint ? h("small", {}, spec.hint) : null, error);
  }

  clearErrors(): void {
    this.message.hidden = true;
    this.message.textContent = "";
    for (const f of this.fields) {
      f.input.removeAttribute("aria-invalid");
      const error = document.getElementById(`${f.id}-error`);
      if (error) { error.hidden = true; error.textContent = ""; }
    }
  }

  /** Shows an error: validation messages next to their fields, the problem's detail on top of the form. */
  showError(error: unknown): void {
    this.clearErrors();
    if (!(error instanceof ApiError)) {
      this.showMessage(String(error));
      return;
    }
    const { byField, unmatched } = assignErrors(error.problem.errors, this.fields.map((f) => f.path));
    let first: HTMLElement | undefined;
    for (const [path, messages] of byField) {
      const f = this.fields.find((x) => x.path === path)!;
      const el = document.getElementById(`${f.id}-error`)!;
      el.textContent = messages.join(" ");
      el.hidden = false;
      f.input.setAttribute("aria-invalid", "true");
      first ??= f.input;
    }
    const detail = error.problem.detail ?? error.problem.title ?? `HTTP ${error.problem.status}`;
    this.showMessage([detail, ...unmatched].join(" "));
    first?.focus();
  }

  showMessage(text: string): void {
    this.message.textContent = text;
    this.message.hidden = false;
  }
}

export function input(type: string, attrs: Record<string, string | number | boolean | undefined> = {}): HTMLInputElement {
  return h("input", { type, ...attrs });
}

export function select(options: readonly (string | [string, string])[], value?: string): HTMLSelectElement {
  const el = h("select");
  for (const o of options) {
    const [v, text] = typeof o === "string" ? [o, o] : o;
    el.append(h("option", { value: v, selected: v === value }, text));
  }
  return el;
}
