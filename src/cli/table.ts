/**
 * Plain text tables for the terminal. Cells are stripped of control
 * characters, because names and messages come from the assessed code and a
 * terminal would run escape sequences hidden in them.
 */

/** Replaces control and bidirectional override characters with `?`. */
export function safeCell(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "?");
}

/** Strips control characters from each line of `text`, keeping its line breaks. */
export function safeLines(text: string): string {
  return text.split("\n").map(safeCell).join("\n");
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
