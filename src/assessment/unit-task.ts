/**
 * One unit of work for the worker pool: read a script (or take the bytes
 * of standard input, or a module's text), check it, assess it, and order
 * its rows by position.
 * Runs in a worker thread; everything it returns is structured-cloneable.
 */

import type { UnitDependencies } from "../analysis/dependencies.js";
import type { Catalog } from "../catalog/catalog.js";
import type { Target } from "../catalog/targets.js";
import { checkScriptBytes, readScript } from "../sources/scripts/read.js";
import { encodeFindings, type FindingChunk } from "../store/finding-chunks.js";
import { packUnitText } from "../store/unit-text-packing.js";
import { formatOverLimit } from "../util/byte-size.js";
import { assessUnit, type UnitResult } from "./assess-unit.js";
import type {
  AssessedObject,
  AssessedUnit,
  ParseErrorRecord,
  SkippedInput,
} from "./model.js";

export interface UnitTask {
  /** Position in the walk; results are released in this order. */
  readonly seq: number;
  /** Name in findings. */
  readonly name: string;
  /** Path to read, unless `bytes` are given. */
  readonly path?: string;
  /** The path as the user would write it, for messages. */
  readonly displayPath?: string;
  /** Bytes already read, for standard input. */
  readonly bytes?: Uint8Array;
  /** A module's definition read from a server; nothing is read or decoded. */
  readonly text?: string;
  /** QUOTED_IDENTIFIER the module was created with, for `text`; ON when absent. */
  readonly quotedIdentifier?: boolean;
  /** Whether to return the decoded text, for a code view of unsaved input. */
  readonly keepText?: boolean;
  /** The database a module was read from, which its unqualified names refer to. */
  readonly database?: string;
}

export type UnitOutcome =
  | {
      readonly seq: number;
      readonly kind: "unit";
      readonly unit: AssessedUnit;
      /**
       * Findings in the store's encoding: one string crosses to the main
       * thread instead of a graph of objects, and the store keeps it as is.
       */
      readonly findings: FindingChunk;
      readonly parseErrors: ParseErrorRecord[];
      readonly objects: AssessedObject[];
      /** Object references, with the module's database when it has one. */
      readonly dependencies: UnitDependencies & { readonly database?: string };
      readonly text?: string;
      /** The decoded text, compressed for the store, when `packText` was set. */
      readonly packedText?: Uint8Array;
    }
  | {
      readonly seq: number;
      readonly kind: "skipped";
      readonly skipped: SkippedInput;
    };

export interface UnitTaskOptions {
  readonly target: Target;
  readonly catalog: Catalog;
  readonly encoding?: string;
  readonly variables?: Readonly<Record<string, string>>;
  readonly maxFileSize: number;
  /** Whether to return each unit's text compressed for the store, as `packedText`. */
  readonly packText?: boolean;
}

/**
 * Share of U+FFFD in the decoded text past which a file with decoding
 * errors is skipped as undecodable: its findings would be noise.
 */
const MAX_REPLACEMENT_RATIO = 0.1;

export function runUnitTask(task: UnitTask, options: UnitTaskOptions): UnitOutcome {
  if (task.text !== undefined) {
    return runModuleTask(task, task.text, options);
  }

  const where = task.displayPath ?? task.path ?? task.name;
  const read =
    task.bytes !== undefined
      ? checkScriptBytes(task.name, where, task.bytes, options.maxFileSize)
      : readScript(task.path ?? task.name, task.name, options.maxFileSize, where);
  if (!read.ok) {
    return { seq: task.seq, kind: "skipped", skipped: read.skipped };
  }

  const result = assessUnit(
    { file: task.name, bytes: read.bytes },
    {
      target: options.target,
      catalog: options.catalog,
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
      ...(options.variables === undefined ? {} : { variables: options.variables }),
    },
  );

  const undecodable = undecodableMessage(where, result.text, result.parseErrors);
  if (undecodable !== undefined) {
    return {
      seq: task.seq,
      kind: "skipped",
      skipped: { file: task.name, reason: "undecodable", message: undecodable },
    };
  }

  return unitOutcome(task, result, options);
}

/**
 * Assesses a module's text. The size limit applies as to files, because a
 * parsed unit takes several times its size in memory. The encoding and
 * binary checks do not apply, because the text was never bytes of a file.
 */
function runModuleTask(task: UnitTask, text: string, options: UnitTaskOptions): UnitOutcome {
  const bytes = text.length * 2;
  if (bytes > options.maxFileSize) {
    return {
      seq: task.seq,
      kind: "skipped",
      skipped: {
        file: task.name,
        reason: "too-large",
        message:
          `module ${task.name} is ${formatOverLimit(bytes, options.maxFileSize)}; ` +
          "pass --max-file-size with a larger value to assess it",
      },
    };
  }

  const result = assessUnit(
    {
      file: task.name,
      text,
      ...(task.quotedIdentifier === undefined ? {} : { quotedIdentifier: task.quotedIdentifier }),
    },
    { target: options.target, catalog: options.catalog },
  );
  return unitOutcome(task, result, options);
}

function unitOutcome(task: UnitTask, result: UnitResult, options: UnitTaskOptions): UnitOutcome {
  return {
    seq: task.seq,
    kind: "unit",
    unit: result.unit,
    findings: encodeFindings(result.findings.sort(byPosition)),
    parseErrors: result.parseErrors.sort(byPosition),
    objects: result.objects.sort(byPosition),
    dependencies:
      task.database === undefined ? result.dependencies : { ...result.dependencies, database: task.database },
    ...(task.keepText === true ? { text: result.text } : {}),
    ...(options.packText === true ? { packedText: packUnitText(result.text) } : {}),
  };
}

/** Returns why the text is not worth assessing, or undefined. */
function undecodableMessage(
  where: string,
  text: string,
  errors: readonly ParseErrorRecord[],
): string | undefined {
  const decodeError = errors.find((e) => e.code?.startsWith("decode.") === true);
  if (decodeError === undefined || text.length === 0) {
    return undefined;
  }

  let replaced = 0;
  for (let at = text.indexOf("\uFFFD"); at >= 0; at = text.indexOf("\uFFFD", at + 1)) {
    replaced++;
  }
  if (replaced <= text.length * MAX_REPLACEMENT_RATIO) {
    return undefined;
  }

  const percent = Math.round((replaced / text.length) * 100);
  return (
    `cannot decode '${where}': ${percent}% of its characters are not valid ` +
    `in the encoding used (${decodeError.message}); pass --encoding with ` +
    "the file's encoding, for example --encoding windows-1252"
  );
}

/** Orders rows by line, then column; the sort is stable for ties. */
function byPosition(
  a: { readonly line: number; readonly column?: number },
  b: { readonly line: number; readonly column?: number },
): number {
  return a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}
