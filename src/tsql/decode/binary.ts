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
 * Returns true when `bytes` look like a binary file rather than text: the
 * first 8 KiB contain a NUL byte although they are not UTF-16 or UTF-32, or
 * more than a tenth of them are control characters.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (sniffBom(bytes) !== undefined || detectUtf16(bytes) !== undefined) {
    return false;
  }

  const length = Math.min(bytes.length, SAMPLE_LENGTH);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const b = bytes[i]!;
    if (b === 0) {
      return true;
    }
    if ((b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 127) {
      controls++;
    }
  }
  return controls > length * MAX_CONTROL_RATIO;
}
