/**
 * Turns the bytes of a script file into text. Without an explicit encoding
 * the order of evidence is: a byte order mark, the zero-byte pattern of
 * UTF-16, well-formed UTF-8, and finally Windows-1252, the ANSI code page
 * that SSMS uses on Western Windows systems. Problems become diagnostics
 * instead of exceptions, and every byte sequence that does not fit the
 * encoding becomes U+FFFD with an error that gives its byte offset.
 */

import type { Diagnostic } from "../diagnostics.js";
import { decodeCodePage } from "./codepage.js";
import { detectUtf16, sniffBom, type ByteOrderMark, type UnicodeEncoding } from "./detect.js";
import {
  UTF16_FROM_BOM,
  UTF32_FROM_BOM,
  listedEncodings,
  resolveEncoding,
} from "./encodings.js";
import { lineStarts, positionAt } from "./lines.js";
import {
  OVERRIDE_ADVICE,
  givenEncodingAdvice,
  type DecodeProblem,
  type Decoded,
} from "./problem.js";
import { decodeUtf16, decodeUtf32 } from "./utf16.js";
import { decodeUtf8, isValidUtf8, scanUtf8 } from "./utf8.js";
import { appendAll } from "../../util/arrays.js";

export interface DecodeOptions {
  /** Encoding name or alias given by the user (`--encoding`). */
  readonly encoding?: string;
  /** File name stamped on diagnostics. */
  readonly file?: string;
}

export interface DecodeResult {
  /** Decoded text without the byte order mark; line endings untouched. */
  readonly text: string;
  /** Canonical name of the encoding used, such as `utf-16le` or `windows-1252`. */
  readonly encoding: string;
  /** Whether a byte order mark was found and removed. */
  readonly bom: boolean;
  readonly diagnostics: Diagnostic[];
}

/** The encoding assumed for 8-bit text that is not UTF-8. */
export const FALLBACK_ENCODING = "windows-1252";

interface Outcome extends Decoded {
  readonly encoding: string;
  readonly bom: boolean;
}

/** Decodes a script file's bytes; see the module comment for the rules. */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const outcome =
    options.encoding === undefined ? decodeDetected(bytes) : decodeExplicit(bytes, options.encoding);
  return {
    text: outcome.text,
    encoding: outcome.encoding,
    bom: outcome.bom,
    diagnostics: toDiagnostics(outcome.text, outcome.problems, options.file),
  };
}

function decodeDetected(bytes: Uint8Array): Outcome {
  const bom = sniffBom(bytes);
  if (bom !== undefined) {
    return { ...decodeUnicode(bytes, bom.encoding, bom.length), encoding: bom.encoding, bom: true };
  }

  const utf16 = detectUtf16(bytes);
  if (utf16 !== undefined) {
    const decoded = decodeUnicode(bytes, utf16, 0);
    const note: DecodeProblem = {
      code: "decode.detected-utf16",
      severity: "info",
      message:
        `no byte order mark; decoded as ${utf16.toUpperCase()} because of the ` +
        `pattern of zero bytes; ${OVERRIDE_ADVICE}`,
      offset: 0,
    };
    return { text: decoded.text, problems: [note, ...decoded.problems], encoding: utf16, bom: false };
  }

  if (isValidUtf8(bytes)) {
    return { ...decodeUtf8(bytes, 0), encoding: "utf-8", bom: false };
  }

  // Text written in Windows-1252 rarely contains a valid multi-byte UTF-8
  // sequence, so a file with more valid sequences than invalid ones is
  // UTF-8 with damage rather than 8-bit text.
  const scan = scanUtf8(bytes);
  if (scan.multibyte > scan.invalid) {
    return { ...decodeUtf8(bytes, 0, scan), encoding: "utf-8", bom: false };
  }

  const decoded = decodeCodePage(bytes, 0, FALLBACK_ENCODING);
  const fallback: DecodeProblem = {
    code: "decode.fallback",
    severity: "warning",
    message:
      `not valid UTF-8 (first invalid byte at ${scan.firstInvalid}); decoded as ` +
      `${FALLBACK_ENCODING}, the default ANSI code page of Western Windows; ` +
      "pass --encoding to name another code page",
    // A single-byte encoding maps byte offsets to the same text offsets.
    offset: scan.firstInvalid,
  };
  return {
    text: decoded.text,
    problems: [fallback, ...decoded.problems],
    encoding: FALLBACK_ENCODING,
    bom: false,
  };
}

function decodeExplicit(bytes: Uint8Array, label: string): Outcome {
  const name = resolveEncoding(label);
  if (name === undefined) {
    const detected = decodeDetected(bytes);
    const unknown: DecodeProblem = {
      code: "decode.unknown-encoding",
      severity: "error",
      message:
        `unknown encoding '${label}'; use one of ${listedEncodings().join(", ")} ` +
        `(aliases such as cp1252, latin1 and utf16 also work); decoded as ` +
        `${detected.encoding} meanwhile`,
      offset: 0,
    };
    return { ...detected, problems: [unknown, ...detected.problems] };
  }

  const bom = sniffBom(bytes);
  const encoding = chooseByteOrder(name, bom, bytes);
  const mark = matchingBom(encoding, bom);
  const problems: DecodeProblem[] = [];
  if (bom !== undefined && mark === undefined) {
    problems.push({
      code: "decode.bom-mismatch",
      severity: "warning",
      message:
        `the file starts with a ${bom.encoding.toUpperCase()} byte order mark, but ` +
        `the encoding given is '${label}'; decoded as ${encoding} as requested`,
      offset: 0,
    });
  }

  const start = mark?.length ?? 0;
  const advice = givenEncodingAdvice(encoding);
  const decoded = isUnicode(encoding)
    ? decodeUnicode(bytes, encoding, start, advice)
    : decodeCodePage(bytes, start, encoding, advice);
  appendAll(problems, decoded.problems);
  return { text: decoded.text, problems, encoding, bom: mark !== undefined };
}

/** Resolves `utf-16` and `utf-32` to one byte order from the BOM or the bytes. */
function chooseByteOrder(name: string, bom: ByteOrderMark | undefined, bytes: Uint8Array): string {
  if (name === UTF16_FROM_BOM) {
    if (bom?.encoding === "utf-16be") {
      return "utf-16be";
    }
    return bom === undefined ? (detectUtf16(bytes) ?? "utf-16le") : "utf-16le";
  }
  if (name === UTF32_FROM_BOM) {
    return bom?.encoding === "utf-32be" ? "utf-32be" : "utf-32le";
  }
  return name;
}

/** Returns the byte order mark to skip when it agrees with `encoding`. */
function matchingBom(encoding: string, bom: ByteOrderMark | undefined): ByteOrderMark | undefined {
  if (bom === undefined) {
    return undefined;
  }
  if (bom.encoding === encoding) {
    return bom;
  }

  // FF FE 00 00 read as UTF-16LE is a BOM followed by U+0000.
  if (encoding === "utf-16le" && bom.encoding === "utf-32le") {
    return { encoding: "utf-16le", length: 2 };
  }
  return undefined;
}

function isUnicode(encoding: string): encoding is UnicodeEncoding {
  return encoding.startsWith("utf-");
}

function decodeUnicode(
  bytes: Uint8Array,
  encoding: UnicodeEncoding,
  start: number,
  advice: string = OVERRIDE_ADVICE,
): Decoded {
  switch (encoding) {
    case "utf-8":
      return decodeUtf8(bytes, start, undefined, advice);
    case "utf-16le":
      return decodeUtf16(bytes, start, true, advice);
    case "utf-16be":
      return decodeUtf16(bytes, start, false, advice);
    case "utf-32le":
      return decodeUtf32(bytes, start, true, advice);
    case "utf-32be":
      return decodeUtf32(bytes, start, false, advice);
  }
}

function toDiagnostics(
  text: string,
  problems: readonly DecodeProblem[],
  file: string | undefined,
): Diagnostic[] {
  if (problems.length === 0) {
    return [];
  }

  const starts = lineStarts(text);
  return problems.map((problem) => {
    const { line, column } = positionAt(starts, problem.offset);
    return {
      code: problem.code,
      severity: problem.severity,
      message: problem.message,
      start: problem.offset,
      end: Math.min(problem.offset + 1, text.length),
      line,
      column,
      ...(file === undefined ? {} : { file }),
    };
  });
}
