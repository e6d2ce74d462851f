/**
 * Assesses one code unit end to end: decode, parse, analyse, classify.
 * Pure apart from its input bytes, so worker threads can run it.
 */

import { analyzeBatches } from "../analysis/analyze.js";
import type { Catalog } from "../catalog/catalog.js";
import type { Target } from "../catalog/targets.js";
import { decode } from "../tsql/decode/decode.js";
import { parse } from "../tsql/parse.js";
import { classifyOccurrences } from "./classify.js";
import type { AssessedObject, AssessedUnit, Finding, ParseErrorRecord } from "./model.js";

export interface UnitInput {
  /** Path relative to the assessed root, or `database.schema.name` of a module. */
  readonly file: string;
  readonly bytes: Uint8Array;
}

export interface UnitOptions {
  readonly target: Target;
  readonly catalog?: Catalog;
  /** Explicit encoding, as given with `--encoding`. */
  readonly encoding?: string;
  /** sqlcmd variables, as given with `--var NAME=VALUE`. */
  readonly variables?: Readonly<Record<string, string>>;
}

export interface UnitResult {
  readonly unit: AssessedUnit;
  readonly findings: Finding[];
  readonly parseErrors: ParseErrorRecord[];
  readonly objects: AssessedObject[];
  /** Decoded text, for reports that show code. */
  readonly text: string;
}

export function assessUnit(input: UnitInput, options: UnitOptions): UnitResult {
  const decoded = decode(input.bytes, {
    file: input.file,
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
  });
  const parsed = parse(decoded.text, {
    file: input.file,
    ...(options.variables === undefined ? {} : { variables: options.variables }),
  });

  // Decoding warnings (a fallback code page, invalid bytes replaced) are
  // listed with the parse errors: they change what the code says.
  const diagnostics = [
    ...decoded.diagnostics.filter((d) => d.severity !== "info"),
    ...parsed.diagnostics.filter((d) => d.severity === "error"),
  ];
  const parseErrors: ParseErrorRecord[] = diagnostics.map((d) => ({
    file: input.file,
    line: d.line,
    column: d.column,
    message: d.message,
    code: d.code,
  }));

  let statements = 0;
  let batchesWithErrors = 0;
  for (const batch of parsed.batches) {
    statements += batch.statements.length;
    if (batch.errorCount > 0) {
      batchesWithErrors++;
    }
  }

  const analysis = analyzeBatches(parsed.batches, decoded.text, {
    file: input.file,
    ...(options.variables === undefined ? {} : { variables: options.variables }),
  });
  const findings = classifyOccurrences(analysis.occurrences, input.file, options.target, options.catalog);
  const objects: AssessedObject[] = analysis.objects.map((o) => ({ ...o, file: input.file }));

  return {
    unit: {
      file: input.file,
      encoding: decoded.encoding,
      lines: countLines(decoded.text),
      bytes: input.bytes.length,
      batches: parsed.batches.length,
      batchesWithErrors,
      statements,
    },
    findings,
    parseErrors,
    objects,
    text: decoded.text,
  };
}

/** Counts lines as editors do: a final line break does not start another line. */
function countLines(text: string): number {
  if (text.length === 0) {
    return 0;
  }
  const last = text.charCodeAt(text.length - 1);
  const trailingBreak = last === 10 || last === 13 ? 1 : 0;
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      lines++;
    }
  }
  return lines - trailingBreak;
}
