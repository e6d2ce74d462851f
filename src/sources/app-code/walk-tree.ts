/**
 * Walks a source tree in a fixed order (entries sorted by code point) and
 * yields the files to scan: source files of a known language, and `.sql`
 * files, which are assessed as scripts. Skipped folders and files are
 * counted by reason, not listed, because a tree contains thousands of them.
 */

import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";

import type { GlobMatcher } from "../scripts/glob.js";
import { hasSqlExtension } from "../scripts/extensions.js";
import { languageOf, type LanguageRule } from "./languages.js";
import { fileSkipReason, folderSkipReason, type SkipReason } from "./skip-rules.js";

export type TreeFile = {
  readonly path: string;
  /** Path below the root with `/` separators. */
  readonly relative: string;
} & ({ readonly kind: "source"; readonly rule: LanguageRule } | { readonly kind: "sql" });

export interface TreeWalkOptions {
  readonly include?: readonly GlobMatcher[];
  readonly exclude?: readonly GlobMatcher[];
}

export async function* walkTree(
  root: string,
  options: TreeWalkOptions,
  skipped: Map<SkipReason, number>,
  seen: Set<string> = new Set(),
): AsyncGenerator<TreeFile> {
  yield* walkFolder(root, "", options, skipped, seen);
}

async function* walkFolder(
  path: string,
  relative: string,
  options: TreeWalkOptions,
  skipped: Map<SkipReason, number>,
  seen: Set<string>,
): AsyncGenerator<TreeFile> {
  const real = await realpath(path).catch(() => path);
  if (seen.has(real)) {
    return;
  }
  seen.add(real);

  let entries: Dirent[];
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch {
    count(skipped, "unreadable");
    return;
  }
  entries.sort((a, b) => compareCodeUnits(a.name, b.name));

  for (const entry of entries) {
    const entryPath = join(path, entry.name);
    const entryRelative = relative === "" ? entry.name : `${relative}/${entry.name}`;
    let folder = entry.isDirectory();
    let file = entry.isFile();
    if (entry.isSymbolicLink()) {
      const info = await stat(entryPath).catch(() => undefined);
      folder = info?.isDirectory() === true;
      file = info?.isFile() === true;
    }

    if (folder) {
      const reason = folderSkipReason(entry.name);
      if (reason !== undefined) {
        count(skipped, reason);
      } else if ((options.exclude ?? []).some((m) => m.matches(entryRelative))) {
        count(skipped, "excluded");
      } else {
        yield* walkFolder(entryPath, entryRelative, options, skipped, seen);
      }
      continue;
    }
    if (!file) {
      count(skipped, "unreadable");
      continue;
    }

    const chosen = choose(entry.name, entryRelative, options);
    if (typeof chosen === "string") {
      count(skipped, chosen);
      continue;
    }
    // Only a link can reach a file twice, because folders are walked once each.
    if (entry.isSymbolicLink()) {
      const fileReal = await realpath(entryPath).catch(() => entryPath);
      if (seen.has(fileReal)) {
        continue;
      }
      seen.add(fileReal);
    }
    yield { ...chosen, path: entryPath, relative: entryRelative };
  }
}

function choose(
  name: string,
  relative: string,
  options: TreeWalkOptions,
): SkipReason | { kind: "source"; rule: LanguageRule } | { kind: "sql" } {
  if ((options.exclude ?? []).some((m) => m.matches(relative))) {
    return "excluded";
  }
  const include = options.include ?? [];
  if (include.length > 0 && !include.some((m) => m.matches(relative))) {
    return "excluded";
  }
  const rule = languageOf(name);
  const sql = hasSqlExtension(name);
  if (rule === undefined && !sql) {
    return "other-extension";
  }
  const reason = fileSkipReason(name);
  if (reason !== undefined) {
    return reason;
  }
  return rule === undefined ? { kind: "sql" } : { kind: "source", rule };
}

/** Orders by UTF-16 code units, the same on every platform and locale. */
function compareCodeUnits(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

export function count(skipped: Map<SkipReason, number>, reason: SkipReason): void {
  skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
}
