/** Decoding of script bytes into text, and line positions in that text. */

export { decode, FALLBACK_ENCODING } from "./decode.js";
export type { DecodeOptions, DecodeResult } from "./decode.js";
export { looksBinary } from "./binary.js";
export { listedEncodings, resolveEncoding } from "./encodings.js";
export { lineStarts, positionAt } from "./lines.js";
export type { Position } from "./lines.js";
