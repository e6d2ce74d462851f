/**
 * Assesses one code unit end to end: decode, parse, analyse, classify.
 * Pure apart from its input bytes, so worker threads can run it.
 */

import { UnitAnalyzer } from "../analysis/analyze.js";
import type { UnitDependencies } from "../analysis/dependencies.js";
import type { Catalog } from "../catalog/catalog.js";
import type { Target } from "../catalog/targets.js";
import { decode, type DecodeResult } from "../tsql/decode/decode.js";
import { parseEachBatch } from "../tsql/parse.js";
import { classifyOccurrences } from "./classify.js";
import type { AssessedObject, AssessedUnit, Finding, ParseErrorRecord } from "./model.js";

/** A script's bytes, or the text of a module read from a server. */
export type UnitInput =
  | {
      /** Path relative to the assessed root. */
      readonly file: string;
      readonly bytes: Uint8Array;
    }
  | {
      /** The module's unit name, e.g. `database.schema.name`. */
      readonly file: string;
      /**
       * The definition as SQL Server stores it: already decoded, and with
       * no sqlcmd commands or template parameters left to replace.
       */
      readonly text: string;
      /** QUOTED_IDENTIFIER when the module was created; ON when absent. */
      readonly quotedIdentifier?: boolean;
    };

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
  /** Object references and definitions, for the dependency graph. */
  readonly dependencies: UnitDependencies;
  /** Decoded text, for reports that show code. */
  readonly text: string;
}

export function assessUnit(input: UnitInput, options: UnitOptions): UnitResult {
  const decoded = decodeInput(input, options);

  // A module's definition is stored after sqlcmd and SSMS replaced their
  // variables, so `$(name)` and `<name, type, value>` in it are plain text.
  const isModule = "text" in input;
  const variables = isModule ? undefined : options.variables;
  const analyzer = new UnitAnalyzer(decoded.text, {
    file: input.file,
    ...(variables === undefined ? {} : { variables }),
  });

  // Each batch is analysed as soon as it is parsed and then dropped, so
  // the garbage collector never has to copy a whole script's tree.
  let batches = 0;
  let statements = 0;
  let batchesWithErrors = 0;
  const parsed = parseEachBatch(
    decoded.text,
    {
      file: input.file,
      ...(isModule
        ? { sqlcmd: false, templateParameters: "keep" as const, quotedIdentifier: input.quotedIdentifier ?? true }
        : {}),
      ...(variables === undefined ? {} : { variables }),
    },
    (batch) => {
      batches++;
      statements += batch.statements.length;
      if (batch.errorCount > 0) {
        batchesWithErrors++;
      }
      analyzer.add(batch);
    },
  );

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

  const analysis = analyzer.result();
  const findings = classifyOccurrences(analysis.occurrences, input.file, options.target, options.catalog);
  const objects: AssessedObject[] = analysis.objects.map((o) => ({ ...o, file: input.file }));

  return {
    unit: {
      file: input.file,
      encoding: decoded.encoding,
      lines: countLines(decoded.text),
      bytes: decoded.bytes,
      batches,
      batchesWithErrors,
      statements,
    },
    findings,
    parseErrors,
    objects,
    dependencies: analysis.dependencies,
    text: decoded.text,
  };
}

/**
 * Decodes a script's bytes. A module's text is taken as it is and counted
 * as UTF-16LE, the encoding of nvarchar, so its size is what SQL Server's
 * DATALENGTH(definition) returns.
 */
function decodeInput(
  input: UnitInput,
  options: UnitOptions,
): DecodeResult & { readonly bytes: number } {
  if ("text" in input) {
    return {
      text: input.text,
      encoding: "utf-16le",
      bom: false,
      diagnostics: [],
      bytes: input.text.length * 2,
    };
  }

  const decoded = decode(input.bytes, {
    file: input.file,
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
  });
  return { ...decoded, bytes: input.bytes.length };
}

/**
 * Counts lines as editors do: CRLF, LF and a lone CR each end a line, and a
 * final line break does not start another line. `indexOf` finds the breaks
 * faster than a test of every character.
 */
function countLines(text: string): number {
  if (text.length === 0) {
    return 0;
  }
  const last = text.charCodeAt(text.length - 1);
  const trailingBreak = last === 10 || last === 13 ? 1 : 0;
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    lines++;
  }
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) {
      lines++;
    }
  }
  return lines - trailingBreak;
}
