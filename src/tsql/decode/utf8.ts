/**
 * UTF-8 validation and decoding. Invalid sequences become U+FFFD, one per
 * maximal invalid subpart as the WHATWG Encoding Standard specifies, and
 * are reported with the byte offset of the first one.
 */

import { isUtf8 } from "node:buffer";
import { OVERRIDE_ADVICE, plural, type Decoded } from "./problem.js";

export interface Utf8Scan {
  /** Invalid sequences; each decodes to one U+FFFD. */
  readonly invalid: number;
  /** Byte offset of the first invalid sequence, or -1. */
  readonly firstInvalid: number;
  /** Valid sequences of two to four bytes. */
  readonly multibyte: number;
}

/**
 * Counts valid multi-byte and invalid sequences from `start`, following the
 * UTF-8 decoder of the WHATWG Encoding Standard so that `invalid` equals the
 * number of U+FFFD that TextDecoder produces.
 */
export function scanUtf8(bytes: Uint8Array, start = 0): Utf8Scan {
  let invalid = 0;
  let firstInvalid = -1;
  let multibyte = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let sequenceStart = start;

  const fail = (at: number): void => {
    invalid++;
    if (firstInvalid < 0) {
      firstInvalid = at;
    }
  };

  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (needed === 0) {
      sequenceStart = i;
      i++;
      if (b <= 0x7f) {
        continue;
      }
      if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
      } else if (b >= 0xe0 && b <= 0xef) {
        lower = b === 0xe0 ? 0xa0 : 0x80;
        upper = b === 0xed ? 0x9f : 0xbf;
        needed = 2;
      } else if (b >= 0xf0 && b <= 0xf4) {
        lower = b === 0xf0 ? 0x90 : 0x80;
        upper = b === 0xf4 ? 0x8f : 0xbf;
        needed = 3;
      } else {
        fail(sequenceStart);
      }
      continue;
    }

    if (b < lower || b > upper) {
      // The byte that broke the sequence is read again as a new lead byte.
      needed = 0;
      seen = 0;
      lower = 0x80;
      upper = 0xbf;
      fail(sequenceStart);
      continue;
    }

    lower = 0x80;
    upper = 0xbf;
    seen++;
    i++;
    if (seen === needed) {
      multibyte++;
      needed = 0;
      seen = 0;
    }
  }

  if (needed !== 0) {
    fail(sequenceStart);
  }
  return { invalid, firstInvalid, multibyte };
}

/** Returns true when the bytes from `start` are well-formed UTF-8. */
export function isValidUtf8(bytes: Uint8Array, start = 0): boolean {
  return isUtf8(bytes.subarray(start));
}

/**
 * Decodes UTF-8 from `start`, replacing invalid sequences with U+FFFD and
 * reporting them as one error.
 */
export function decodeUtf8(
  bytes: Uint8Array,
  start: number,
  scan?: Utf8Scan,
  advice: string = OVERRIDE_ADVICE,
): Decoded {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const body = bytes.subarray(start);
  const text = decoder.decode(body);
  const result = scan ?? (isUtf8(body) ? undefined : scanUtf8(bytes, start));
  if (result === undefined || result.invalid === 0) {
    return { text, problems: [] };
  }

  // The prefix ends where a sequence starts, so its decoded length is the
  // offset of the first U+FFFD.
  const offset = decoder.decode(bytes.subarray(start, result.firstInvalid)).length;
  const count = plural(result.invalid, "invalid byte sequence");
  const message =
    `invalid UTF-8 sequence at byte ${result.firstInvalid} ` +
    `(${count} replaced by U+FFFD); ${advice}`;
  return {
    text,
    problems: [{ code: "decode.invalid-utf8", severity: "error", message, offset }],
  };
}
