/**
 * The intake of one uploaded file: a script (`.sql` and the other script
 * extensions that a folder scan takes) or a `.zip` archive of scripts. The
 * result is the scripts in memory, named as findings will name them, and
 * the archive entries left out, which the assessment's skipped list shows.
 * Nothing is written to disk.
 */

import type { SkippedInput } from "../../assessment/model.js";
import { hasSqlExtension } from "../../sources/scripts/extensions.js";
import { formatByteSize, formatOverLimit } from "../../util/byte-size.js";
import { CONTROL_CHARACTERS, printableName } from "./entry-names.js";
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "./limits.js";
import { UploadError } from "./upload-error.js";
import { readZipUpload, type ScriptFile } from "./zip-reader.js";

export interface UploadedFile {
  /** The file name the client sent; only its last path segment is used. */
  readonly name: string;
  /**
   * The file's bytes, or a stream of them such as a multipart file part.
   * A stream is read only up to the upload limit.
   */
  readonly content: Uint8Array | AsyncIterable<Uint8Array>;
}

export interface UploadIntake {
  /** The upload's file name, made safe; the assessment lists it as its source. */
  readonly name: string;
  readonly kind: "script" | "zip";
  /** Size of the upload as received. */
  readonly bytes: number;
  /** Scripts to assess, sorted by name; never empty. */
  readonly files: readonly ScriptFile[];
  /** Archive entries left out, with the reason and the fix. */
  readonly skipped: readonly SkippedInput[];
}

/** Maximum length of an upload's file name, in characters. */
const MAX_UPLOAD_NAME = 255;

/** Skipped entries quoted in the message of an archive without scripts. */
const QUOTED_SKIPPED = 3;

/**
 * Reads an uploaded file within `limits`. Throws an UploadError that
 * names the file (and the archive entry) at fault, the limit, and what to
 * do, when the upload is rejected as a whole.
 */
export async function receiveUpload(
  file: UploadedFile,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<UploadIntake> {
  const name = uploadName(file.name);
  const kind = uploadKind(name);
  const bytes = await readAtMost(file.content, name, limits.maxUploadBytes);

  if (kind === "script") {
    checkScript(name, bytes, limits);
    return { name, kind, bytes: bytes.length, files: [{ name, bytes }], skipped: [] };
  }

  const contents = await readZipUpload(bytes, name, limits);
  if (contents.files.length === 0) {
    throw noScripts(name, contents.skipped);
  }
  return { name, kind, bytes: bytes.length, files: contents.files, skipped: contents.skipped };
}

/** Returns the last path segment of the client's file name, checked. */
function uploadName(clientName: string): string {
  const separator = Math.max(clientName.lastIndexOf("/"), clientName.lastIndexOf("\\"));
  const name = clientName.slice(separator + 1).trim();
  if (name === "" || name === "." || name === "..") {
    throw new UploadError(
      "unsupported-type",
      `the upload has no usable file name ('${printableName(clientName)}'); upload a .sql or .zip file`,
    );
  }
  if (CONTROL_CHARACTERS.test(name) || name.length > MAX_UPLOAD_NAME) {
    throw new UploadError(
      "invalid-name",
      `the upload's file name '${printableName(name)}' contains control characters or is longer ` +
        `than ${MAX_UPLOAD_NAME} characters; rename the file and upload it again`,
    );
  }
  return name;
}

function uploadKind(name: string): "script" | "zip" {
  if (name.toLowerCase().endsWith(".zip")) {
    return "zip";
  }
  if (hasSqlExtension(name)) {
    return "script";
  }
  throw new UploadError(
    "unsupported-type",
    `'${name}' is neither a SQL script nor a .zip archive (by its extension); upload a .sql file ` +
      "or a .zip archive of scripts",
  );
}

/** Reads the whole content, rejecting it once it passes `limit` bytes. */
async function readAtMost(
  content: Uint8Array | AsyncIterable<Uint8Array>,
  name: string,
  limit: number,
): Promise<Uint8Array> {
  if (content instanceof Uint8Array) {
    checkUploadSize(name, content.length, limit);
    return content;
  }

  const chunks: Uint8Array[] = [];
  let total = 0;
  // Leaving the loop early calls the stream's return(), which destroys a Readable.
  for await (const chunk of content) {
    total += chunk.length;
    checkUploadSize(name, total, limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

function checkUploadSize(name: string, size: number, limit: number): void {
  if (size <= limit) {
    return;
  }
  throw new UploadError(
    "too-large",
    `'${name}' is larger than the upload limit of ${formatByteSize(limit)}; split the scripts over several ` +
      "uploads, or assess them with 'infio assess' on the jump host",
    { limit },
  );
}

function checkScript(name: string, bytes: Uint8Array, limits: UploadLimits): void {
  if (bytes.length === 0) {
    throw new UploadError("no-scripts", `'${name}' is empty; there is nothing to assess`);
  }
  if (bytes.length > limits.maxEntryBytes) {
    throw new UploadError(
      "too-large",
      `'${name}' is ${formatOverLimit(bytes.length, limits.maxEntryBytes)} per script; ` +
        "split it, or assess it with 'infio assess --max-file-size'",
      { limit: limits.maxEntryBytes },
    );
  }
}

function noScripts(name: string, skipped: readonly SkippedInput[]): UploadError {
  const quoted = skipped.slice(0, QUOTED_SKIPPED).map((s) => s.message);
  const more = skipped.length > QUOTED_SKIPPED ? `; and ${skipped.length - QUOTED_SKIPPED} more` : "";
  const detail = skipped.length === 0 ? "it has no files" : `${quoted.join("; ")}${more}`;
  return new UploadError(
    "no-scripts",
    `'${name}' contains no SQL script to assess (${detail}); put the .sql files in the archive`,
  );
}
