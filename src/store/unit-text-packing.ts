/**
 * Compression of a code unit's source text before it is sealed into
 * `unit_texts`. It runs in the worker threads that assess the units, so
 * the main thread only seals and inserts the compressed bytes. zlib level 1
 * shrank the generated benchmark corpus (bench/corpus.ts, 32.5 MB) 20:1,
 * but that corpus repeats itself by construction: real scripts compress
 * less.
 *
 * The text is stored as UTF-8. A lone surrogate, which a module read from
 * SQL Server can contain, comes back as U+FFFD: one UTF-16 code unit for
 * one, so the columns of findings still match.
 *
 * NOTE: as for chunks (chunk-packing.ts), compressing before encrypting
 * lets the sealed length depend on how repetitive the code is.
 */

import { deflateSync, inflateSync } from "node:zlib";

/** zlib's fastest level, as chunk-packing.ts uses for the same reason. */
const LEVEL = 1;

/**
 * Compresses a unit's text. The result owns an ArrayBuffer of its own
 * size, so that a worker can transfer it to the main thread.
 */
export function packUnitText(text: string): Uint8Array {
  return new Uint8Array(deflateSync(text, { level: LEVEL }));
}

/** Returns the text that {@link packUnitText} compressed. */
export function unpackUnitText(packed: Uint8Array): string {
  const bytes = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  return inflateSync(bytes).toString("utf8");
}
