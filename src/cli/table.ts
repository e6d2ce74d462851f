/**
 * Plain text tables for the terminal. Names and messages come from the
 * assessed code, and a terminal would run escape sequences hidden in them,
 * so cells show control and bidirectional characters as visible escapes
 * (escape-controls.ts).
 */

import { escapeControls } from "../util/escape-controls.js";

/** Returns `value` with control and bidirectional characters escaped, line breaks included. */
export function safeCell(value: string): string {
  return escapeControls(value);
}

/** Escapes control and bidirectional characters in `text`, keeping its line breaks. */
export function safeLines(text: string): string {
  return escapeControls(text, "\n");
}

/** Left-aligned columns separated by two spaces; `maxWidth` cuts a cell. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  maxWidth = 60,
): string {
  const clip = (s: string) => {
    const safe = safeCell(s);
    return safe.length > maxWidth ? `${safe.slice(0, maxWidth - 1)}…` : safe;
  };
  const cells = [header.map(clip), ...rows.map((r) => r.map(clip))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));

  return cells
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n")
    .concat("\n");
}
