/** Small Markdown helpers for the generated feature pages. */

/**
 * Escapes text for one table cell: pipes would end the cell, line breaks
 * the row, and `<` outside code spans could open an HTML tag.
 */
export function cell(text: string): string {
  const flat = text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  const parts = flat.split("`");

  // Even parts lie outside code spans, odd parts inside.
  return parts
    .map((part, index) =>
      index % 2 === 0 ? part.replace(/</g, "&lt;").replace(/>/g, "&gt;") : part,
    )
    .join("`");
}

/** Wraps `text` in a code span, with a longer fence when it has backticks. */
export function code(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Renders a table; cells must already be escaped with `cell()`. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const lines = [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
  return lines.join("\n");
}

/** A fenced T-SQL code block. */
export function sqlBlock(sql: string): string {
  return ["```sql", sql.replace(/\s+$/, ""), "```"].join("\n");
}

/** A link to `url` with `text`, both escaped for a table cell. */
export function link(text: string, url: string): string {
  return `[${cell(text).replace(/[[\]]/g, "\\$&")}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/**
 * Turns a catalog group name into a file name: `SET and database options`
 * gives `set-and-database-options`, `@@variables` gives `variables`.
 */
export function slugOf(group: string): string {
  return group
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
