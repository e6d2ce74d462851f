/**
 * Escaping for everything the HTML report writes from the assessment.
 * Object names, file names, messages and code are hostile input: the same
 * function serves element content and double-quoted attribute values.
 */

import { countOf, toWellFormedText } from "../text.js";

const MARKUP = /[&<>"']/g;

const ENTITY: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

// Characters shown as `[U+XXXX]`: the C0 controls other than tab, line feed
// and carriage return, DEL, the C1 controls, and the noncharacters U+FFFE
// and U+FFFF. Also the bidirectional embedding, override and isolate
// controls, which can reorder code on screen ("Trojan Source",
// CVE-2021-42574).
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;

/**
 * Escapes text for HTML element content or a double-quoted attribute.
 * Invisible control characters become a visible `[U+XXXX]`, and unpaired
 * surrogates become U+FFFD, so what the reader sees is what the file holds.
 */
export function escapeHtml(text: string): string {
  return toWellFormedText(text)
    .replace(MARKUP, (c) => ENTITY[c]!)
    .replace(INVISIBLE, (c) => `[U+${codePointHex(c)}]`);
}

function codePointHex(c: string): string {
  return c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
}

/**
 * Escapes text cut to `max` characters. The cut states how much it left
 * out, so a huge name or message cannot blow up the page.
 */
export function escapeClipped(text: string, max: number): string {
  if (text.length <= max) {
    return escapeHtml(text);
  }

  const omitted = text.length - max;
  const more = countOf(omitted, "more character");
  return `${escapeHtml(text.slice(0, max))}… [${more}]`;
}
