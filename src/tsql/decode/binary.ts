/**
 * Binary file detection, so that a folder scan can skip backups, images and
 * compiled files that sit next to the scripts.
 */

import { SAMPLE_LENGTH, detectUtf16, sniffBom } from "./detect.js";

/**
 * Share of control characters above which a sample is taken as binary.
 * Text files have almost none besides tab, line feed, form feed and
 * carriage return.
 */
const MAX_CONTROL_RATIO = 0.1;

/**
 * Returns true when `bytes` look like a binary file rather than text. A file
 * with a byte order mark is text. A file with the zero-byte pattern of
 * UTF-16 is binary when its length is odd, because UTF-16 text has whole
 * 2-byte code units. It is also binary when more than a tenth of the code
 * units in its first 8 KiB are control characters. Any other file is binary
 * when its first 8 KiB contain a NUL byte or more than a tenth of them are
 * control characters.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (sniffBom(bytes) !== undefined) {
    return false;
  }

  // Zero bytes are evidence of UTF-16 only in whole code units, so the
  // pattern is checked first and the odd length right after it: a 5-byte
  // file of control bytes with one zero is binary, not broken UTF-16.
  const utf16 = detectUtf16(bytes);
  if (utf16 !== undefined) {
    return bytes.length % 2 === 1 || hasManyUtf16Controls(bytes, utf16 === "utf-16le");
  }

  const length = Math.min(bytes.length, SAMPLE_LENGTH);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const b = bytes[i]!;
    if (b === 0) {
      return true;
    }
    if (isControl(b)) {
      controls++;
    }
  }
  return controls > length * MAX_CONTROL_RATIO;
}

/**
 * Counts control characters among the UTF-16 code units of the sample, not
 * among its bytes: the high byte of a Cyrillic or Greek letter is below 32
 * but the letter is text.
 */
function hasManyUtf16Controls(bytes: Uint8Array, littleEndian: boolean): boolean {
  const length = Math.min(bytes.length, SAMPLE_LENGTH) & ~1;
  let controls = 0;
  for (let i = 0; i < length; i += 2) {
    const unit = littleEndian
      ? bytes[i]! | (bytes[i + 1]! << 8)
      : (bytes[i]! << 8) | bytes[i + 1]!;
    if (unit === 0 || isControl(unit)) {
      controls++;
    }
  }
  return controls > (length / 2) * MAX_CONTROL_RATIO;
}

/** C0 controls other than tab, line feed, form feed and carriage return, and DEL. */
function isControl(c: number): boolean {
  return (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 127;
}
