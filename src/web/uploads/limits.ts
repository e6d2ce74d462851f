/**
 * Limits on what one upload may contain. The defaults keep a single
 * upload well inside the memory of a small jump host: the upload is held in
 * memory while its central directory is read, and every accepted script is
 * held inflated until the assessment has read it.
 */

import { DEFAULT_MAX_FILE_SIZE } from "../../sources/scripts/read.js";

export interface UploadLimits {
  /** Bytes of the upload as received (the `.zip` or `.sql` file itself). */
  readonly maxUploadBytes: number;
  /** Entries in a zip archive's central directory, folders included. */
  readonly maxEntries: number;
  /**
   * Inflated bytes of one script. A larger entry is skipped as too large,
   * as `--max-file-size` skips a file on disk.
   */
  readonly maxEntryBytes: number;
  /** Inflated bytes of every accepted script together. */
  readonly maxTotalBytes: number;
  /**
   * Inflated size divided by compressed size, past which an entry is
   * taken as a zip bomb and the whole upload is rejected.
   */
  readonly maxCompressionRatio: number;
  /** Inflated size below which the ratio is not checked. */
  readonly ratioCheckMinBytes: number;
}

/**
 * The default limits. The scripts of examples/ and test/fixtures/ deflate
 * (zlib level 9) to between a half and an eighth of their size, and
 * 200,000 generated INSERT statements to a ninth. A run of one repeated
 * byte deflates to about a thousandth, close to deflate's limit of 1:1032.
 * The ratio limit of 200 is an estimate that leaves room for unusual scripts.
 */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = Object.freeze({
  maxUploadBytes: 64 * 1024 * 1024,
  maxEntries: 10_000,
  maxEntryBytes: DEFAULT_MAX_FILE_SIZE,
  maxTotalBytes: 256 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 1024 * 1024,
});

/** Returns the default limits with `changes` applied, each checked. */
export function uploadLimits(changes: Partial<UploadLimits> = {}): UploadLimits {
  const limits = { ...DEFAULT_UPLOAD_LIMITS, ...changes };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(`invalid upload limit ${name} ${String(value)}: give a whole number of at least 1`);
    }
  }
  return limits;
}
