/**
 * Turns an uploaded zip archive into scripts held in memory. Entries that
 * cannot be scripts, or cannot be trusted one by one (links, encrypted or
 * unsafe names), are skipped with a reason, as a folder walk skips files.
 * Signs that the archive as a whole is hostile or damaged (a zip bomb, a
 * size that lies, more data than the limits allow) reject the upload.
 *
 * Every check that the central directory allows runs before anything is
 * inflated, so a zip bomb is rejected without inflating any of it.
 */

import type { SkippedInput } from "../../assessment/model.js";
import { hasSqlExtension } from "../../sources/scripts/extensions.js";
import { formatByteSize, formatOverLimit } from "../../util/byte-size.js";
import { checkEntryPath, decodeEntryName, printableName } from "./entry-names.js";
import { inflateEntry, METHOD_DEFLATE, METHOD_STORED } from "./inflate-entry.js";
import type { UploadLimits } from "./limits.js";
import { UploadError } from "./upload-error.js";
import {
  FLAG_ENCRYPTED,
  FLAG_STRONG_ENCRYPTION,
  FLAG_UTF8_NAME,
  readCentralDirectory,
  type ZipEntry,
} from "./zip-directory.js";

/** A script held in memory, with its path inside the upload. */
export interface ScriptFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ZipContents {
  /** Accepted scripts, sorted by name. */
  readonly files: readonly ScriptFile[];
  /** Entries left out, in archive order, with the reason and the fix. */
  readonly skipped: readonly SkippedInput[];
}

/** Extensions of archives and compressed files, which are listed but never opened. */
const ARCHIVE_EXTENSIONS = new Set([
  ".zip", ".7z", ".rar", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".cab", ".jar", ".war",
]);

/** Unix file types in the upper 16 bits of the external attributes (st_mode). */
const UNIX_HOST = 3;
const TYPE_MASK = 0o170000;
const TYPE_REGULAR = 0o100000;
const TYPE_DIRECTORY = 0o040000;
const TYPE_SYMLINK = 0o120000;

/** An entry that passed the per-entry checks and will be inflated. */
interface Accepted {
  readonly entry: ZipEntry;
  readonly name: string;
}

/**
 * Reads `archive`, named `archiveName` in messages, within `limits`.
 * Throws an UploadError when the upload as a whole is rejected.
 */
export async function readZipUpload(
  archive: Uint8Array,
  archiveName: string,
  limits: UploadLimits,
): Promise<ZipContents> {
  const entries = readCentralDirectory(archive, archiveName, limits.maxEntries);
  for (const entry of entries) {
    checkRatio(entry, archiveName, limits);
  }

  const skipped: SkippedInput[] = [];
  const accepted: Accepted[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const outcome = sortEntry(entry, seen, limits);
    if (outcome.kind === "skipped") {
      skipped.push(outcome.skipped);
    } else if (outcome.kind === "accepted") {
      accepted.push({ entry, name: outcome.name });
    }
  }
  checkTotal(accepted, archiveName, limits);

  const files: ScriptFile[] = [];
  for (const { entry, name } of accepted) {
    files.push({ name, bytes: await inflateEntry(archive, entry, archiveName, name) });
  }
  files.sort(byName);
  return { files, skipped };
}

type Sorted =
  | { readonly kind: "accepted"; readonly name: string }
  | { readonly kind: "skipped"; readonly skipped: SkippedInput }
  | { readonly kind: "folder" };

/** Decides what becomes of one entry, in the order a user would fix the problems. */
function sortEntry(entry: ZipEntry, seen: Set<string>, limits: UploadLimits): Sorted {
  const decoded = decodeEntryName(entry.nameBytes, (entry.flags & FLAG_UTF8_NAME) !== 0);
  if (decoded === undefined) {
    const label = `entry ${entry.index + 1}`;
    const message = `${label} has a name flagged as UTF-8 that is not valid UTF-8; rename it`;
    return skip(label, "unsafe-path", message);
  }

  const type = unixType(entry);
  if (decoded.endsWith("/") || type === TYPE_DIRECTORY) {
    return { kind: "folder" };
  }

  const path = checkEntryPath(decoded);
  if (!path.ok) {
    const printable = printableName(decoded);
    return skip(
      printable,
      "unsafe-path",
      `the entry name '${printable}' ${path.problem}, so it was not read; create the archive again ` +
        "from the folder of the scripts, with relative paths",
    );
  }
  const name = path.path;
  if (seen.has(name)) {
    return skip(name, "duplicate", `'${name}' occurs more than once in the archive; only the first was read`);
  }
  seen.add(name);

  return checkContent(entry, name, type, limits);
}

/** Checks what an entry contains, once its name is known to be safe. */
function checkContent(entry: ZipEntry, name: string, type: number | undefined, limits: UploadLimits): Sorted {
  if (type === TYPE_SYMLINK) {
    return skip(
      name,
      "symlink",
      `'${name}' is a symbolic link, which infio does not follow; put the file itself in the archive`,
    );
  }
  if (type !== undefined && type !== TYPE_REGULAR && type !== 0) {
    return skip(
      name,
      "special-file",
      `'${name}' is not a regular file (a device, pipe or socket); leave it out of the archive`,
    );
  }
  if ((entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0) {
    return skip(
      name,
      "encrypted",
      `'${name}' is encrypted in the archive; create the archive without a password`,
    );
  }
  if (name.startsWith("__MACOSX/")) {
    return skip(name, "not-sql", `'${name}' is macOS file metadata, not a script`);
  }
  if (ARCHIVE_EXTENSIONS.has(extensionOf(name))) {
    return skip(
      name,
      "nested-archive",
      `'${name}' is an archive inside the archive, which infio does not open; extract it and ` +
        "upload its scripts",
    );
  }
  if (!hasSqlExtension(name)) {
    return skip(name, "not-sql", `'${name}' is not a SQL script (by its extension)`);
  }
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
    return skip(
      name,
      "unsupported-compression",
      `'${name}' uses compression method ${entry.method}, and infio reads only stored and deflated ` +
        "entries; create the archive with the standard deflate compression",
    );
  }
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    return skip(
      name,
      "too-large",
      `'${name}' is ${formatOverLimit(entry.uncompressedSize, limits.maxEntryBytes)} per script; ` +
        "split it, or assess it with 'infio assess --max-file-size'",
    );
  }
  return { kind: "accepted", name };
}

/**
 * Rejects an entry that declares more inflated bytes per compressed byte
 * than the limit, far beyond what scripts reach. Every entry is checked,
 * whatever its name, because such an entry shows that the archive was
 * built to attack.
 */
function checkRatio(entry: ZipEntry, archiveName: string, limits: UploadLimits): void {
  if (entry.uncompressedSize < limits.ratioCheckMinBytes) {
    return;
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (ratio <= limits.maxCompressionRatio) {
    return;
  }

  const printable = printableName(decodeEntryName(entry.nameBytes, false) ?? `entry ${entry.index + 1}`);
  throw new UploadError(
    "zip-bomb",
    `'${archiveName}' is rejected as a zip bomb: entry '${printable}' declares ` +
      `${formatByteSize(entry.uncompressedSize)} from ${formatByteSize(entry.compressedSize)} ` +
      `compressed, a ratio of ${Math.round(ratio)} to 1, over the ` +
      `limit of ${limits.maxCompressionRatio}; scripts compress far less, so check where the archive came from`,
    { entry: printable, limit: limits.maxCompressionRatio },
  );
}

/** Rejects the upload when the scripts to inflate declare more than the total limit. */
function checkTotal(accepted: readonly Accepted[], archiveName: string, limits: UploadLimits): void {
  let total = 0;
  for (const { entry } of accepted) {
    total += entry.uncompressedSize;
  }
  if (total <= limits.maxTotalBytes) {
    return;
  }
  throw new UploadError(
    "too-much-data",
    `the scripts in '${archiveName}' inflate to ${formatOverLimit(total, limits.maxTotalBytes)} per ` +
      "upload; split them over several archives",
    { limit: limits.maxTotalBytes },
  );
}

/** Returns the Unix file type of an entry made on Unix, or undefined. */
function unixType(entry: ZipEntry): number | undefined {
  if (entry.madeByHost !== UNIX_HOST) {
    return undefined;
  }
  return (entry.externalAttributes >>> 16) & TYPE_MASK;
}

/** Orders names by UTF-16 code unit, as the folder walk orders the names in a folder. */
function byName(a: ScriptFile, b: ScriptFile): number {
  if (a.name === b.name) {
    return 0;
  }
  return a.name < b.name ? -1 : 1;
}

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot).toLowerCase();
}

function skip(file: string, reason: string, message: string): Sorted {
  return { kind: "skipped", skipped: { file, reason, message } };
}
