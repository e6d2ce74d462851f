/**
 * The front end's entry point: splits a decoded script into batches and
 * parses each one. Pure: no I/O, no logging, and no exception for any
 * input; every problem comes back as a diagnostic.
 */

import type { Batch } from "./ast/statements.js";
import { splitBatches } from "./batches/split.js";
import type { SqlcmdCommand, TemplateParameter } from "./batches/types.js";
import type { Diagnostic } from "./diagnostics.js";
import { parseBatch } from "./parse-batch.js";
import { appendAll } from "../util/arrays.js";

export interface ParseOptions {
  /** File or module name stamped on diagnostics. */
  readonly file?: string;
  /** QUOTED_IDENTIFIER at the start of the script; ON by default, as in SSMS. */
  readonly quotedIdentifier?: boolean;
  /** sqlcmd scripting variables, as given with `--var NAME=VALUE`. */
  readonly variables?: Readonly<Record<string, string>>;
  /** Recognise sqlcmd commands and `$(name)`; default true. */
  readonly sqlcmd?: boolean;
  /** SSMS template parameters: replace when the script is clearly a template (default), always, or never. */
  readonly templateParameters?: "auto" | "replace" | "keep";
  /** Nesting limit for expressions, queries and blocks; default 200. */
  readonly maxDepth?: number;
  /** Most diagnostics returned; default 1,000. Batch error counts stay exact. */
  readonly maxDiagnostics?: number;
}

const DEFAULT_MAX_DIAGNOSTICS = 1000;

export interface ParseResult {
  readonly batches: Batch[];
  /**
   * Diagnostics in source order. Past `maxDiagnostics` the rest are
   * dropped and one `parse.too-many-diagnostics` diagnostic counts them.
   */
  readonly diagnostics: Diagnostic[];
  readonly commands: SqlcmdCommand[];
  readonly templateParameters: TemplateParameter[];
}

export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const batches: Batch[] = [];
  const rest = parseEachBatch(text, options, (batch) => batches.push(batch));
  return { batches, ...rest };
}

/**
 * Parses like {@link parse} but passes each batch to `onBatch` as soon as
 * it is parsed, in source order, and keeps none. A caller that analyses
 * each batch and drops it keeps one batch's tree in memory at a time
 * instead of the whole script's, so most trees die young and cost the
 * garbage collector little.
 */
export function parseEachBatch(
  text: string,
  options: ParseOptions,
  onBatch: (batch: Batch) => void,
): Omit<ParseResult, "batches"> {
  const split = splitBatches(text, {
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.variables === undefined ? {} : { variables: options.variables }),
    ...(options.sqlcmd === undefined ? {} : { sqlcmd: options.sqlcmd }),
    ...(options.templateParameters === undefined ? {} : { templateParameters: options.templateParameters }),
  });

  const diagnostics: Diagnostic[] = [...split.diagnostics];
  let quotedIdentifier = options.quotedIdentifier ?? true;

  for (const batchText of split.batches) {
    const result = parseBatch(text, batchText, {
      quotedIdentifier,
      ...(options.file === undefined ? {} : { file: options.file }),
      ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
    });
    appendAll(diagnostics, result.diagnostics);
    quotedIdentifier = result.quotedIdentifier;
    onBatch(result.batch);
  }

  diagnostics.sort((a, b) => a.start - b.start);
  const limited = limitDiagnostics(diagnostics, options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS, options.file);
  return { diagnostics: limited, commands: split.commands, templateParameters: split.templateParameters };
}

/**
 * Keeps the first `max` diagnostics and adds one that counts the rest, so
 * a file of repeated garbage gives a readable list and a bounded report.
 */
function limitDiagnostics(diagnostics: Diagnostic[], max: number, file: string | undefined): Diagnostic[] {
  if (diagnostics.length <= max) {
    return diagnostics;
  }
  const kept = diagnostics.slice(0, max);
  const last = kept[kept.length - 1]!;
  const dropped = diagnostics.length - max;
  kept.push({
    code: "parse.too-many-diagnostics",
    severity: "warning",
    message: `${dropped} more diagnostics after this one are not listed; fix the ones above and assess again`,
    start: last.start,
    end: last.end,
    line: last.line,
    column: last.column,
    ...(file === undefined ? {} : { file }),
  });
  return kept;
}
