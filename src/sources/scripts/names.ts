/**
 * How script files are named in findings, and back. With one PATH the names
 * are relative to it (a file given alone is named by its base name). With
 * several, each name starts with the PATH as given, so that two folders
 * holding `proc.sql` stay apart. Separators are `/` on every platform.
 */

import { basename, join } from "node:path";

/** The name of standard input in findings. */
export const STDIN_NAME = "<stdin>";

/** Turns a path as the user typed it into the prefix used in names. */
export function sourcePrefix(given: string): string {
  let prefix = given.replaceAll("\\", "/");
  while (prefix.startsWith("./")) {
    prefix = prefix.slice(2);
  }
  while (prefix.length > 1 && prefix.endsWith("/")) {
    prefix = prefix.slice(0, -1);
  }
  return prefix === "" ? "." : prefix;
}

/**
 * Names a file found under `given`. `relative` is its path below the folder
 * with `/` separators, or empty when `given` is the file itself.
 */
export function unitName(
  given: string,
  relative: string,
  sourceCount: number,
): string {
  if (given === "-") {
    return STDIN_NAME;
  }

  if (sourceCount === 1) {
    return relative === "" ? basename(given) : relative;
  }

  const prefix = sourcePrefix(given);
  if (relative === "") {
    return prefix;
  }
  return prefix === "." ? relative : `${prefix}/${relative}`;
}

/**
 * Finds where a unit named `name` was read from, given the sources of its
 * assessment as typed and whether each was a folder. Returns undefined for
 * standard input and for names that fit no source.
 */
export function locateUnit(
  name: string,
  sources: readonly { readonly given: string; readonly folder: boolean }[],
): string | undefined {
  if (name === STDIN_NAME) {
    return undefined;
  }

  if (sources.length === 1) {
    const only = sources[0]!;
    if (only.given === "-") {
      return undefined;
    }
    return only.folder ? join(only.given, ...name.split("/")) : only.given;
  }

  for (const source of sources) {
    if (source.given === "-") {
      continue;
    }
    const prefix = sourcePrefix(source.given);
    if (!source.folder && name === prefix) {
      return source.given;
    }
    if (source.folder && prefix === ".") {
      return join(source.given, ...name.split("/"));
    }
    if (source.folder && name.startsWith(`${prefix}/`)) {
      const rest = name.slice(prefix.length + 1);
      return join(source.given, ...rest.split("/"));
    }
  }
  return undefined;
}
