/**
 * Compression of the JSON text of a chunk row (`finding_chunks`,
 * `object_chunks`) before it is sealed. The text repeats feature ids,
 * object names and small numbers, so zlib at level 1 shrinks it to about a
 * quarter in about 10 ms per MB. Everything after it then handles a
 * quarter of the bytes: sealing, base64, PGlite's protocol and its files.
 *
 * Finding chunks written before schema version 7 are the JSON text itself.
 * That text starts with `[` (0x5B), while the first byte of a zlib stream
 * (RFC 1950) has 8, the deflate method, in its low four bits, so
 * {@link unpackChunk} distinguishes the two by the first byte.
 *
 * NOTE: compressing before encrypting lets the length of a sealed chunk
 * depend on how repetitive its text is. Someone who can read the store
 * (the ciphertext) but not the data key learns a little about the content
 * from that. They learn the number of rows per chunk either way.
 */

import { deflateSync, inflateSync } from "node:zlib";

/**
 * zlib's fastest level. On the findings of the benchmark corpus it took
 * about 60% of the time of level 6, for output about 15% larger.
 */
const LEVEL = 1;

/** First byte of a chunk's JSON text. */
const JSON_START = 0x5b;

/**
 * Compresses a chunk's JSON text. The result owns an ArrayBuffer of its
 * own size: zlib's output shares a larger one, which `postMessage` would
 * copy whole.
 */
export function packChunk(json: string): Uint8Array {
  return new Uint8Array(deflateSync(json, { level: LEVEL }));
}

/** Returns the JSON text of a chunk as {@link packChunk} or an older infio stored it. */
export function unpackChunk(stored: Uint8Array): string {
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (bytes.length > 0 && bytes[0] === JSON_START) {
    return bytes.toString("utf8");
  }
  return inflateSync(bytes).toString("utf8");
}
