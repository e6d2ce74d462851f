/** Wording of the notes about replaced SSMS template parameters. */

import type { TemplateParameter } from "./types.js";

export interface TemplateNote {
  readonly message: string;
  /** Range of the parameter's first occurrence in the original text. */
  readonly start: number;
  readonly end: number;
}

/**
 * Returns one note per parameter name, placed at its first occurrence and
 * counting the others, so that a template that repeats `<Table_Name, ...>`
 * twenty times gives one line rather than twenty.
 */
export function describeTemplates(parameters: readonly TemplateParameter[]): TemplateNote[] {
  const byName = new Map<string, { first: TemplateParameter; count: number }>();
  for (const parameter of parameters) {
    const key = parameter.name.toUpperCase();
    const entry = byName.get(key);
    if (entry === undefined) {
      byName.set(key, { first: parameter, count: 1 });
    } else {
      entry.count++;
    }
  }

  return [...byName.values()].map(({ first, count }) => {
    const places = count > 1 ? ` in ${count} places` : "";
    return {
      message:
        `SSMS template parameter '${first.text}' replaced by its default ` +
        `'${first.value}'${places}; the assessment reads the script with that value`,
      start: first.start,
      end: first.end,
    };
  });
}
