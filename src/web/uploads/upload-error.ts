/**
 * The rejection of an upload as a whole, for an upload that cannot be
 * trusted or read at all. A problem with one entry of an archive that
 * leaves the rest usable (a symbolic link, an encrypted entry) is a
 * skipped input instead.
 */

export type UploadErrorCode =
  /** The upload is larger than `maxUploadBytes`. */
  | "too-large"
  /** Neither a script nor a `.zip` archive, or no name was given. */
  | "unsupported-type"
  /** The file name cannot be used, for example it contains control characters. */
  | "invalid-name"
  /** The upload contains no script to assess: an empty file, or an archive of other files. */
  | "no-scripts"
  /** The `.zip` file is damaged or not a zip archive. */
  | "invalid-zip"
  /** A zip feature this reader does not support: ZIP64, split archives. */
  | "unsupported-zip"
  /** More entries than `maxEntries`. */
  | "too-many-entries"
  /** An entry compressed far beyond what scripts compress to. */
  | "zip-bomb"
  /** The accepted scripts inflate to more than `maxTotalBytes`. */
  | "too-much-data"
  /** An entry inflates to another size or checksum than its header declares. */
  | "size-mismatch";

export class UploadError extends Error {
  override readonly name = "UploadError";
  readonly code: UploadErrorCode;
  /** The archive entry at fault, when one is. */
  readonly entry: string | undefined;
  /** The limit that was exceeded, when one was. */
  readonly limit: number | undefined;

  constructor(
    code: UploadErrorCode,
    message: string,
    details: { readonly entry?: string; readonly limit?: number } = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.code = code;
    this.entry = details.entry;
    this.limit = details.limit;
  }
}
