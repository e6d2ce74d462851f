/**
 * HTML built with the `html` tag: every interpolated value is escaped
 * unless it is already SafeHtml, so pages cannot forget to escape object
 * names, messages or code.
 *
 *   html`<td>${finding.object}</td>`      escaped text
 *   html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`   nested markup
 */

import { escapeHtml } from "../../report/html/escape.js";

/** Markup that is safe to send as it is. */
export class SafeHtml {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  toString(): string {
    return this.text;
  }
}

/** Values the `html` tag accepts; false, null and undefined render nothing. */
export type HtmlValue =
  | SafeHtml
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly HtmlValue[];

/** Builds markup from a template, escaping each value (see the file header). */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let text = strings[0]!;
  for (let i = 0; i < values.length; i++) {
    text += renderValue(values[i]) + strings[i + 1]!;
  }
  return new SafeHtml(text);
}

/**
 * Marks `text` as markup without escaping it. Only for text that contains
 * no input, such as markup from the report renderer, which escapes its own.
 */
export function trustedHtml(text: string): SafeHtml {
  return new SafeHtml(text);
}

function renderValue(value: HtmlValue): string {
  if (value instanceof SafeHtml) {
    return value.text;
  }
  if (Array.isArray(value)) {
    return value.map((item: HtmlValue) => renderValue(item)).join("");
  }
  if (value === null || value === undefined || value === false) {
    return "";
  }
  return escapeHtml(String(value));
}

/**
 * Builds a same-site URL from a path and query parameters, percent-encoding
 * each parameter. Undefined parameters are left out.
 */
export function pageUrl(path: string, query: Readonly<Record<string, string | number | undefined>> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) {
      search.append(name, String(value));
    }
  }
  const text = search.toString();
  return text === "" ? path : `${path}?${text}`;
}
