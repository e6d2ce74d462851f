/**
 * Streams the script files under the paths the user gave: files as they
 * are, folders recursively in a fixed order (entries sorted by code point),
 * standard input as `-`. Only paths and sizes are held, never contents, so
 * a walk of any size uses little memory. File system errors, broken links
 * and special files (pipes, sockets, devices) become skipped inputs and the
 * walk goes on; nothing is opened here but folders.
 */

import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

import type { SkippedInput } from "../../assessment/model.js";
import {
  hasSqlExtension,
  SKIPPED_FOLDERS,
  SQL_EXTENSIONS,
} from "./extensions.js";
import {
  brokenLinkMessage,
  SPECIAL_FILE,
  specialFileKind,
  specialFileMessage,
} from "./file-kinds.js";
import type { GlobMatcher } from "./glob.js";
import { sourcePrefix, STDIN_NAME, unitName } from "./names.js";

export type ScriptEntry =
  | {
      readonly kind: "file";
      /** Name in findings; see names.ts. */
      readonly name: string;
      /** Absolute path to read. */
      readonly path: string;
      /** The path below the one the user gave, for messages. */
      readonly displayPath: string;
      readonly size: number;
    }
  | { readonly kind: "stdin"; readonly name: string }
  | { readonly kind: "skipped"; readonly skipped: SkippedInput };

export interface WalkOptions {
  /** Folder that relative paths start from; the process's by default. */
  readonly cwd?: string;
  readonly include?: readonly GlobMatcher[];
  readonly exclude?: readonly GlobMatcher[];
}

/** Counts of files left out on purpose, which are not listed as skipped. */
export interface WalkCounts {
  /** Files left out by `--include` or `--exclude`. */
  excluded: number;
  /** Files reached twice through overlapping paths or links. */
  duplicates: number;
}

export function newWalkCounts(): WalkCounts {
  return { excluded: 0, duplicates: 0 };
}

/** Yields the entries of every source, in the order given. */
export async function* walkSources(
  sources: readonly string[],
  options: WalkOptions = {},
  counts: WalkCounts = newWalkCounts(),
): AsyncGenerator<ScriptEntry> {
  const seenFiles = new Set<string>();

  for (const given of sources) {
    if (given === "-") {
      yield { kind: "stdin", name: STDIN_NAME };
      continue;
    }

    const walk = new SourceWalk(given, sources.length, options, counts, seenFiles);
    yield* walk.run();
  }
}

class SourceWalk {
  readonly #given: string;
  readonly #sourceCount: number;
  readonly #options: WalkOptions;
  readonly #counts: WalkCounts;
  readonly #seenFiles: Set<string>;
  readonly #seenFolders = new Set<string>();
  #assessable = 0;
  /** Files of this source left out by --include or --exclude, and those without a SQL extension. */
  #leftOut = 0;
  #notSql = 0;

  constructor(
    given: string,
    sourceCount: number,
    options: WalkOptions,
    counts: WalkCounts,
    seenFiles: Set<string>,
  ) {
    this.#given = given;
    this.#sourceCount = sourceCount;
    this.#options = options;
    this.#counts = counts;
    this.#seenFiles = seenFiles;
  }

  async *run(): AsyncGenerator<ScriptEntry> {
    const root = resolve(this.#options.cwd ?? process.cwd(), this.#given);
    const info = await statOrError(root);
    const rootName = sourcePrefix(this.#given);
    if (info instanceof Error) {
      yield skipped(rootName, "unreadable", await unreadableMessage(root, this.#given, info));
      return;
    }

    const kind = specialFileKind(info);
    if (kind !== undefined) {
      yield skipped(rootName, SPECIAL_FILE, specialFileMessage(this.#given, kind, true));
      return;
    }
    if (!info.isDirectory()) {
      // A file named on the command line is assessed whatever its name.
      const entry = await this.#file(root, "", info.size);
      if (entry !== undefined) {
        yield entry;
      }
      return;
    }

    yield* this.#folder(root, "");
    if (this.#assessable === 0) {
      yield skipped(rootName, "empty", this.#emptyFolderMessage());
    }
  }

  /** Says why a folder gave nothing to assess, with the option that would change it. */
  #emptyFolderMessage(): string {
    const folder = `folder '${this.#given}'`;
    const include = this.#options.include ?? [];
    if (include.length > 0) {
      return (
        `no file in ${folder} matches --include ${quotedPatterns(include)}; patterns ` +
        "without '/' match file names at any depth, and those with '/' match paths below the folder"
      );
    }
    if (this.#leftOut > 0) {
      return (
        `every SQL file in ${folder} is left out by --exclude ` +
        `${quotedPatterns(this.#options.exclude ?? [])}; check the patterns`
      );
    }
    if (this.#notSql > 0) {
      return (
        `${folder} holds no SQL files (names ending in ${[...SQL_EXTENSIONS].join(", ")}); ` +
        "pass --include to add other names, or point infio at another folder"
      );
    }
    return `${folder} contains no files to assess; point infio at another folder`;
  }

  async *#folder(path: string, relative: string): AsyncGenerator<ScriptEntry> {
    const real = await realpath(path).catch(() => path);
    if (this.#seenFolders.has(real)) {
      return;
    }
    this.#seenFolders.add(real);

    let entries: Dirent[];
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      const name = relative === "" ? sourcePrefix(this.#given) : this.#name(relative);
      yield skipped(name, "unreadable", cannotRead(this.#displayPath(relative), error));
      return;
    }
    entries.sort((a, b) => compareCodePoints(a.name, b.name));

    for (const entry of entries) {
      yield* this.#entry(path, relative, entry);
    }
  }

  async *#entry(
    parent: string,
    parentRelative: string,
    entry: Dirent,
  ): AsyncGenerator<ScriptEntry> {
    const path = join(parent, entry.name);
    const relative = parentRelative === "" ? entry.name : `${parentRelative}/${entry.name}`;

    let isFolder = entry.isDirectory();
    let size = -1;
    if (entry.isSymbolicLink() || (!isFolder && !entry.isFile())) {
      const info = await statOrError(path);
      if (info instanceof Error) {
        // A broken link may have been a file the user left out on purpose.
        if (this.#listed(relative, entry.name)) {
          const message = await unreadableMessage(path, this.#displayPath(relative), info);
          yield skipped(this.#name(relative), "unreadable", message);
        }
        return;
      }
      isFolder = info.isDirectory();
      const kind = specialFileKind(info);
      if (kind !== undefined) {
        if (this.#listed(relative, entry.name)) {
          const message = specialFileMessage(this.#displayPath(relative), kind, false);
          yield skipped(this.#name(relative), SPECIAL_FILE, message);
        }
        return;
      }
      size = info.size;
    }

    if (isFolder) {
      if (SKIPPED_FOLDERS.has(entry.name)) {
        return;
      }
      if (this.#excluded(relative)) {
        this.#leftOut++;
        return;
      }
      yield* this.#folder(path, relative);
      return;
    }

    const chosen = this.#choose(relative, entry.name);
    if (chosen === "excluded") {
      this.#counts.excluded++;
      this.#leftOut++;
      return;
    }
    if (chosen === "not-sql") {
      this.#notSql++;
      yield skipped(
        this.#name(relative),
        "not-sql",
        `'${this.#displayPath(relative)}' is not a SQL file by its extension; pass ` +
          `--include '${includeHint(entry.name)}' to assess such files`,
      );
      return;
    }

    if (size < 0) {
      const info = await statOrError(path);
      if (info instanceof Error) {
        yield skipped(this.#name(relative), "unreadable", cannotRead(this.#displayPath(relative), info));
        return;
      }
      size = info.size;
    }
    const file = await this.#file(path, relative, size);
    if (file !== undefined) {
      yield file;
    }
  }

  /** Decides what to do with a file found in a folder. */
  #choose(relative: string, name: string): "assess" | "excluded" | "not-sql" {
    if (this.#excluded(relative)) {
      return "excluded";
    }
    const include = this.#options.include ?? [];
    if (include.length > 0) {
      return include.some((m) => m.matches(relative)) ? "assess" : "excluded";
    }
    return hasSqlExtension(name) ? "assess" : "not-sql";
  }

  /**
   * Decides whether a path that cannot be assessed (a broken link, a pipe)
   * is listed as skipped. It is, unless --include or --exclude leave it
   * out, and then it is counted as excluded.
   */
  #listed(relative: string, name: string): boolean {
    if (this.#choose(relative, name) === "excluded") {
      this.#counts.excluded++;
      this.#leftOut++;
      return false;
    }
    return true;
  }

  #excluded(relative: string): boolean {
    return (this.#options.exclude ?? []).some((m) => m.matches(relative));
  }

  async #file(
    path: string,
    relative: string,
    size: number,
  ): Promise<ScriptEntry | undefined> {
    const real = await realpath(path).catch(() => path);
    if (this.#seenFiles.has(real)) {
      this.#counts.duplicates++;
      return undefined;
    }
    this.#seenFiles.add(real);
    this.#assessable++;
    return {
      kind: "file",
      name: this.#name(relative),
      path,
      displayPath: this.#displayPath(relative),
      size,
    };
  }

  #name(relative: string): string {
    return unitName(this.#given, relative, this.#sourceCount);
  }

  /** The path as the user would write it: below the path they gave. */
  #displayPath(relative: string): string {
    return relative === "" ? this.#given : join(this.#given, ...relative.split("/"));
  }
}

/** Orders by UTF-16 code units, the same on every platform and locale. */
function compareCodePoints(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

function skipped(file: string, reason: string, message: string): ScriptEntry {
  return { kind: "skipped", skipped: { file, reason, message } };
}

async function statOrError(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Builds the message for a path that `stat` failed on, naming a broken link's target. */
async function unreadableMessage(path: string, displayPath: string, error: Error): Promise<string> {
  return (await brokenLinkMessage(path, displayPath, error)) ?? cannotRead(displayPath, error);
}

function quotedPatterns(matchers: readonly GlobMatcher[]): string {
  return matchers.map((m) => `'${m.pattern}'`).join(", ");
}

/** Builds a pattern that includes files like `name`, by extension if it has one. */
function includeHint(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? name : `*${name.slice(dot)}`;
}

/** Message for a path that could not be read, with the fix for the cause. */
export function cannotRead(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "EACCES":
    case "EPERM":
      return `cannot read '${path}': permission denied; grant read access to the account running infio, or exclude it with --exclude`;
    case "ENOENT":
      return `cannot read '${path}': it no longer exists; check the path`;
    case "ELOOP":
      return `cannot read '${path}': too many levels of symbolic links; fix the link or exclude it with --exclude`;
    default:
      return `cannot read '${path}': ${reason}; check the file, or exclude it with --exclude`;
  }
}
