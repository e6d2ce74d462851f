/**
 * The error of an `infio assess` run of scripts or workload captures that
 * assessed nothing: every input was skipped, or --include and --exclude
 * left every file out.
 * It names the paths, counts the causes and gives only the hints that
 * would change the outcome, because a hint to pass --include is wrong when
 * --include was passed, or when the files were too large or unreadable.
 */

import type { SkippedInput } from "../assessment/model.js";
import { sourcePrefix } from "../sources/scripts/names.js";
import type { WalkCounts } from "../sources/scripts/walk.js";
import { formatByteSize } from "../util/byte-size.js";

export interface NothingAssessed {
  /** Paths or capture files as given; `-` is standard input. */
  readonly paths: readonly string[];
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly encoding?: string;
  readonly maxFileSize: number;
  readonly skipped: readonly SkippedInput[];
  readonly counts: WalkCounts;
}

/** Extensions suggested for --include at most, from the skipped files' names. */
const SUGGESTED_EXTENSIONS = 3;

/** Builds the one-line error: paths, causes, then hints. */
export function nothingAssessedMessage(input: NothingAssessed): string {
  const causes: string[] = [];
  const hints: string[] = [];

  // A folder that gave nothing is listed as skipped too, under its own
  // name. It repeats the causes of the entries below it, so it is not counted.
  const roots = new Set(input.paths.map(sourcePrefix));
  const isFolderSummary = (s: SkippedInput) => s.reason === "empty" && roots.has(s.file);
  const skipped = input.skipped.filter((s) => !isFolderSummary(s));

  const reasons = countReasons(skipped);
  if (skipped.length > 0) {
    const listed = [...reasons].map(([reason, n]) => `${n} ${reason}`).join(", ");
    causes.push(`${skipped.length} input(s) skipped (${listed})`);
  }
  leftOut(input, causes, hints);
  for (const reason of reasons.keys()) {
    const hint = hintFor(reason, input);
    if (hint !== undefined && !hints.includes(hint)) {
      hints.push(hint);
    }
  }
  if (causes.length === 0) {
    const folder = input.skipped.find(isFolderSummary);
    causes.push(folder?.message ?? "the paths contain no files to assess");
  }

  const paths = input.paths.map((p) => (p === "-" ? "standard input" : `'${p}'`)).join(", ");
  const fix = hints.length === 0 ? "" : `; ${hints.join("; ")}`;
  return `nothing was assessed in ${paths}: ${causes.join(", ")}${fix}`;
}

/** Adds the files that --include or --exclude left out, with the pattern to check. */
function leftOut(input: NothingAssessed, causes: string[], hints: string[]): void {
  const excluded = input.counts.excluded;
  if (excluded === 0) {
    return;
  }
  if (input.include.length > 0) {
    causes.push(`--include ${quoted(input.include)} matched no file (${excluded} file(s) left out)`);
    hints.push(
      "check the --include patterns: those without '/' match file names at any depth, " +
        "and those with '/' match paths below each PATH",
    );
    return;
  }
  causes.push(`--exclude ${quoted(input.exclude)} left out every file (${excluded})`);
  hints.push("check the --exclude patterns");
}

function hintFor(reason: string, input: NothingAssessed): string | undefined {
  switch (reason) {
    case "not-sql":
      return `pass --include ${quoted(extensionPatterns(input.skipped))} to assess files with such names`;
    case "too-large":
      return `pass --max-file-size with a value over ${formatByteSize(input.maxFileSize)} to assess larger files`;
    case "binary":
    case "undecodable":
      return input.encoding === undefined
        ? "pass --encoding with the scripts' encoding if they are text (for example --encoding utf-16le)"
        : `check --encoding '${input.encoding}' against the scripts' encoding`;
    case "empty":
      return "the empty inputs contain no code";
    case "unreadable":
    case "special-file":
      return "check the permissions, links and file kinds of the inputs named above";
    case "failed":
      return "infio failed on the inputs named above; report it with their messages";
    default:
      return undefined;
  }
}

function countReasons(skipped: readonly SkippedInput[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of skipped) {
    counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  }
  return counts;
}

/** `*.txt`-style patterns for the extensions of skipped non-SQL files, the most common first. */
function extensionPatterns(skipped: readonly SkippedInput[]): string[] {
  const counts = new Map<string, number>();
  for (const s of skipped) {
    if (s.reason !== "not-sql") {
      continue;
    }
    const name = s.file.slice(s.file.lastIndexOf("/") + 1);
    const dot = name.lastIndexOf(".");
    const pattern = dot <= 0 ? name : `*${name.slice(dot).toLowerCase()}`;
    counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
  }
  return [...counts]
    .sort(([, x], [, y]) => y - x)
    .slice(0, SUGGESTED_EXTENSIONS)
    .map(([pattern]) => pattern);
}

function quoted(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(", ");
}
