/**
 * Counts the files and bytes a run will read, before it starts, so that a
 * progress bar can show an estimated time left. Only counts are kept.
 */

import type { GlobMatcher } from "../sources/scripts/glob.js";
import { walkSources } from "../sources/scripts/walk.js";

export interface Totals {
  readonly files: number;
  readonly bytes: number;
}

export async function scanTotals(options: {
  readonly sources: readonly string[];
  readonly cwd?: string;
  readonly include?: readonly GlobMatcher[];
  readonly exclude?: readonly GlobMatcher[];
}): Promise<Totals> {
  let files = 0;
  let bytes = 0;
  const walk = walkSources(options.sources, {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.include === undefined ? {} : { include: options.include }),
    ...(options.exclude === undefined ? {} : { exclude: options.exclude }),
  });

  for await (const entry of walk) {
    if (entry.kind === "file") {
      files++;
      bytes += entry.size;
    }
  }
  return { files, bytes };
}
