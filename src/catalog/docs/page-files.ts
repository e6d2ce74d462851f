/** Reading the generated pages back from `docs/features/`. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { RenderedPage } from "./feature-pages.js";

/** `docs/features/` of the repository, from `dist/src/catalog/docs/`. */
export const FEATURE_DOCS_DIR = fileURLToPath(
  new URL("../../../../docs/features/", import.meta.url),
);

/**
 * Reads a page from disk; a missing file reads as undefined. CRLF line ends,
 * as a Windows checkout may have them, read as LF like the rendered pages.
 */
export function readPage(dir: string, file: string): string | undefined {
  try {
    return readFileSync(join(dir, file), "utf8").replace(/\r\n/g, "\n");
  } catch {
    return undefined;
  }
}

/** Markdown files in `dir` that the rendering does not produce. */
export function extraPages(dir: string, pages: readonly RenderedPage[]): string[] {
  const expected = new Set(pages.map((page) => page.file));
  let files: string[];

  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }

  return files.filter((file) => file.endsWith(".md") && !expected.has(file)).sort();
}
