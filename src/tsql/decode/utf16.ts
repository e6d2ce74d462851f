/**
 * UTF-16 and UTF-32 decoding with byte offsets for every problem. Node's
 * TextDecoder would either replace unpaired surrogates silently or fail
 * without saying where, and it has no UTF-32 at all.
 */

import { OVERRIDE_ADVICE, plural, type DecodeProblem, type Decoded } from "./problem.js";

const REPLACEMENT = 0xfffd;

/** Decodes UTF-16 from `start` in the given byte order. */
export function decodeUtf16(
  bytes: Uint8Array,
  start: number,
  littleEndian: boolean,
  advice: string = OVERRIDE_ADVICE,
): Decoded {
  const body = bytes.subarray(start);
  const evenLength = body.length & ~1;
  let units = Buffer.from(body.buffer, body.byteOffset, evenLength);
  if (!littleEndian) {
    units = Buffer.from(units).swap16();
  }

  // Buffer keeps unpaired surrogates as they are, so they can be found.
  let text = units.toString("utf16le");
  const problems: DecodeProblem[] = [];
  const first = firstUnpairedSurrogate(text);
  if (first >= 0) {
    const repaired = replaceUnpairedSurrogates(text, first);
    text = repaired.text;
    const count = repaired.count > 1 ? `, ${repaired.count} in all` : "";
    problems.push({
      code: "decode.invalid-utf16",
      severity: "error",
      message:
        `invalid UTF-16 sequence at byte ${start + first * 2} ` +
        `(unpaired surrogate${count}); ${advice}`,
      offset: first,
    });
  }

  if (evenLength !== body.length) {
    problems.push({
      code: "decode.odd-length",
      severity: "error",
      message:
        `UTF-16 text has an odd number of bytes (${bytes.length}); the last ` +
        `byte at ${start + evenLength} was replaced by U+FFFD; ${advice}`,
      offset: text.length,
    });
    text += String.fromCharCode(REPLACEMENT);
  }
  return { text, problems };
}

/** Decodes UTF-32 from `start` in the given byte order. */
export function decodeUtf32(
  bytes: Uint8Array,
  start: number,
  littleEndian: boolean,
  advice: string = OVERRIDE_ADVICE,
): Decoded {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = start + ((bytes.length - start) & ~3);
  const chunks: string[] = [];
  let chunk: number[] = [];
  let length = 0;
  let invalid = 0;
  let firstByte = -1;
  let firstOffset = 0;

  for (let i = start; i < end; i += 4) {
    let codePoint = view.getUint32(i, littleEndian);
    if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
      if (invalid++ === 0) {
        firstByte = i;
        firstOffset = length;
      }
      codePoint = REPLACEMENT;
    }

    chunk.push(codePoint);
    length += codePoint > 0xffff ? 2 : 1;
    if (chunk.length === 4096) {
      chunks.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  chunks.push(String.fromCodePoint(...chunk));

  let text = chunks.join("");
  const problems: DecodeProblem[] = [];
  if (invalid > 0) {
    problems.push({
      code: "decode.invalid-utf32",
      severity: "error",
      message:
        `invalid UTF-32 code point at byte ${firstByte} ` +
        `(${plural(invalid, "code point")} replaced by U+FFFD); ${advice}`,
      offset: firstOffset,
    });
  }

  if (end !== bytes.length) {
    problems.push({
      code: "decode.odd-length",
      severity: "error",
      message:
        `UTF-32 text has ${bytes.length} bytes, not a multiple of 4; the last ` +
        `${plural(bytes.length - end, "byte")} at ${end} were replaced by U+FFFD; ` +
        advice,
      offset: text.length,
    });
    text += String.fromCharCode(REPLACEMENT);
  }
  return { text, problems };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Returns the offset of the first unpaired surrogate in `text`, or -1. */
function firstUnpairedSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c & 0xf800) !== 0xd800) {
      continue;
    }
    if (isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

function replaceUnpairedSurrogates(text: string, from: number): { text: string; count: number } {
  const parts: string[] = [text.slice(0, from)];
  let count = 0;
  let segmentStart = from;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c & 0xf800) !== 0xd800) {
      continue;
    }
    if (isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    parts.push(text.slice(segmentStart, i), "\ufffd");
    segmentStart = i + 1;
    count++;
  }
  parts.push(text.slice(segmentStart));
  return { text: parts.join(""), count };
}
