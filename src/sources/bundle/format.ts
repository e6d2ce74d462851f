/**
 * The bundle file format, version 1: what `infio collect` writes and
 * `infio assess --bundle` reads.
 *
 *   line 1   `infio-bundle-v1`
 *   line 2   the header, one line of JSON (BundleHeader), readable without a key
 *   rest     a stream envelope (src/security/envelope-stream.ts) of the
 *            gzip-compressed collected items, one JSON object per line
 *
 * The stream is encrypted under a data key made for this bundle alone.
 * The header contains that key wrapped by the master key (a key file or
 * an AWS KMS key). The envelope's associated data includes a SHA-256 of the first
 * two lines, so a changed header fails to decrypt like changed data.
 */

import { createHash } from "node:crypto";

import type { MasterKeyRef } from "../../security/keys/master-key.js";

export const BUNDLE_MAGIC = "infio-bundle-v1";
export const BUNDLE_FORMAT = "infio-bundle";
export const BUNDLE_VERSION = 1;
/** Envelope field name of the item stream. */
export const BUNDLE_FIELD = "bundle.items";
/** Maximum header size accepted when reading; headers infio writes are under 1 KiB. */
export const MAX_HEADER_BYTES = 64 * 1024;

export interface BundleHeader {
  readonly format: typeof BUNDLE_FORMAT;
  readonly version: typeof BUNDLE_VERSION;
  /** infio version that wrote the bundle. */
  readonly infioVersion: string;
  /** ISO 8601 time the bundle was started. */
  readonly createdAt: string;
  /** The server as the user named it; never credentials. */
  readonly server: string;
  /** Names the bundle's data key, as an assessment id names its own. */
  readonly bundleId: string;
  readonly key: {
    /** The master key that wraps the data key. */
    readonly master: MasterKeyRef;
    readonly dataKeyId: string;
    /** The wrapped data key in base64. */
    readonly wrappedKey: string;
  };
}

/** Failure codes of reading or writing a bundle. */
export type BundleErrorCode =
  | "not-a-bundle"
  | "unsupported-version"
  | "wrong-key"
  | "truncated"
  | "altered"
  | "io-failed";

export class BundleError extends Error {
  override readonly name = "BundleError";
  readonly code: BundleErrorCode;

  constructor(code: BundleErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** Returns the first two lines of a bundle for `header`. */
export function encodeHeader(header: BundleHeader): Buffer {
  return Buffer.from(`${BUNDLE_MAGIC}\n${JSON.stringify(header)}\n`, "utf8");
}

/** Returns the envelope object id that binds the stream to its header. */
export function headerDigest(headerBytes: Uint8Array): string {
  return createHash("sha256").update(headerBytes).digest("hex");
}

/**
 * Parses the start of a bundle file. Returns the header and the number of
 * bytes it takes, or throws a BundleError naming `path`.
 */
export function parseHeader(start: Buffer, path: string): { header: BundleHeader; bytes: number } {
  const firstBreak = start.indexOf(0x0a);
  const magic = firstBreak < 0 ? "" : start.subarray(0, firstBreak).toString("utf8");
  if (magic !== BUNDLE_MAGIC) {
    const other = /^infio-bundle-v(\d+)$/.exec(magic);
    if (other !== null) {
      throw new BundleError(
        "unsupported-version",
        `bundle '${path}' has format version ${other[1]}, but this infio reads version ` +
          `${BUNDLE_VERSION}; assess it with the infio version that wrote it, or a newer one`,
      );
    }
    throw new BundleError(
      "not-a-bundle",
      `'${path}' is not an infio bundle: its first line is not '${BUNDLE_MAGIC}'; ` +
        "pass a file that 'infio collect' wrote",
    );
  }

  const secondBreak = start.indexOf(0x0a, firstBreak + 1);
  if (secondBreak < 0) {
    throw new BundleError(
      "truncated",
      `bundle '${path}' ends inside its header (or the header is over ${MAX_HEADER_BYTES} ` +
        "bytes); copy the bundle again from the host that collected it",
    );
  }

  const header = checkHeader(start.subarray(firstBreak + 1, secondBreak).toString("utf8"), path);
  return { header, bytes: secondBreak + 1 };
}

function checkHeader(text: string, path: string): BundleHeader {
  const invalid = (what: string): BundleError =>
    new BundleError(
      "altered",
      `the header of bundle '${path}' is damaged: ${what}; copy the bundle again ` +
        "from the host that collected it",
    );

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid("it is not valid JSON");
  }

  const header = value as Partial<BundleHeader> | null;
  if (typeof header !== "object" || header === null || header.format !== BUNDLE_FORMAT) {
    throw invalid(`it is not an object with format '${BUNDLE_FORMAT}'`);
  }
  if (header.version !== BUNDLE_VERSION) {
    throw new BundleError(
      "unsupported-version",
      `bundle '${path}' has header version ${String(header.version)}, but this infio reads ` +
        `version ${BUNDLE_VERSION}; assess it with the infio version that wrote it, or a newer one`,
    );
  }

  const strings = ["infioVersion", "createdAt", "server", "bundleId"] as const;
  for (const name of strings) {
    if (typeof header[name] !== "string") {
      throw invalid(`'${name}' is missing or not a string`);
    }
  }
  const key = header.key;
  const master = key?.master;
  const validKey =
    typeof key === "object" &&
    key !== null &&
    typeof key.dataKeyId === "string" &&
    /^[0-9a-f]{32}$/.test(key.dataKeyId) &&
    typeof key.wrappedKey === "string" &&
    typeof master === "object" &&
    master !== null &&
    (master.kind === "key-file" || master.kind === "aws-kms") &&
    typeof master.keyId === "string";
  if (!validKey) {
    throw invalid("'key' does not name a master key and a wrapped data key");
  }
  return header as BundleHeader;
}
