/**
 * Decoding of Windows and ISO code pages and of the East Asian multi-byte
 * encodings through Node's TextDecoder, which needs the full ICU data that
 * official Node builds ship with.
 */

import { OVERRIDE_ADVICE, plural, type Decoded } from "./problem.js";

/**
 * Decodes `bytes` from `start` with the TextDecoder encoding `name`. Bytes
 * that the encoding does not define become U+FFFD and one error gives the
 * offset of the first.
 */
export function decodeCodePage(
  bytes: Uint8Array,
  start: number,
  name: string,
  advice: string = OVERRIDE_ADVICE,
): Decoded {
  const body = bytes.subarray(start);
  if (name === "windows-1252") {
    return { text: decodeWindows1252(body), problems: [] };
  }

  const text = new TextDecoder(name, { ignoreBOM: true }).decode(body);
  const firstOffset = text.indexOf("\ufffd");
  if (firstOffset < 0 || decodesCleanly(body, name, body.length)) {
    return { text, problems: [] };
  }

  let count = 0;
  for (let at = firstOffset; at >= 0; at = text.indexOf("\ufffd", at + 1)) {
    count++;
  }

  const byte = start + firstInvalidByte(body, name);
  const message =
    `invalid ${name} sequence at byte ${byte} ` +
    `(${plural(count, "character")} replaced by U+FFFD); ${advice}`;
  return {
    text,
    problems: [{ code: "decode.invalid-bytes", severity: "error", message, offset: firstOffset }],
  };
}

/**
 * Tells whether the first `length` bytes decode without an error. With
 * `stream` set, a multi-byte sequence cut off at the end is not an error,
 * so the result changes only where a real error starts.
 */
function decodesCleanly(body: Uint8Array, name: string, length: number): boolean {
  const stream = length < body.length;
  try {
    new TextDecoder(name, { fatal: true, ignoreBOM: true }).decode(body.subarray(0, length), {
      stream,
    });
    return true;
  } catch {
    // A fatal TextDecoder raises a TypeError on the first invalid sequence.
    return false;
  }
}

/** Finds the first invalid byte by bisecting on prefix length. */
function firstInvalidByte(body: Uint8Array, name: string): number {
  let low = 0;
  let high = body.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (decodesCleanly(body, name, middle + 1)) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/**
 * Characters of bytes 0x80-0x9F in Windows-1252, from the WHATWG
 * index-windows-1252. The five bytes Windows leaves undefined map to the C1
 * control of the same number, as in WHATWG.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030,
  0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c,
  0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d,
  0x017e, 0x0178,
].map((code) => String.fromCharCode(code));

/**
 * Decodes Windows-1252 itself because TextDecoder in Node 20.20 decodes
 * that label as ISO-8859-1, turning 0x80 into U+0080 instead of the euro
 * sign. Every byte is defined, so there are no problems to report.
 */
function decodeWindows1252(body: Uint8Array): string {
  const latin1 = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("latin1");
  return latin1.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
