/**
 * The stored form of findings: one row per chunk of consecutive findings,
 * whose plaintext is a JSON text `[strings, numbers]`. `strings` lists each
 * distinct text of the chunk once, escaped as every stored text is
 * (text-escape.ts). `numbers` contains {@link FIELDS} numbers per finding,
 * where a text field is an index into `strings` and -1 marks an absent
 * optional field.
 *
 * A million-line assessment has about half a million findings that repeat a
 * few hundred feature ids, files, objects and messages. Inserting them as
 * rows kept PGlite busy for most of the run; as chunks the store receives a
 * few compact texts instead (bench/store.ts gives the figures). The store
 * keeps the text compressed ({@link FindingChunk.packed}) and sealed.
 */

import {
  FINDING_STATUSES,
  type Complexity,
  type Finding,
  type FindingStatus,
} from "../assessment/model.js";
import { packChunk } from "./chunk-packing.js";
import { StoreError } from "./errors.js";
import { escapeText, unescapeText } from "./text-escape.js";

/** Numbers stored per finding. */
export const FIELDS = 9;

const INT4_MAX = 2_147_483_647;
const STATUSES = new Set<string>(FINDING_STATUSES);
const COMPLEXITIES = new Set<string>(["low", "medium", "high"]);

/**
 * Findings encoded for one `finding_chunks` row. A worker thread sends it
 * to the main thread as it is. The numbers cross as one typed array, which
 * the main thread reads without parsing any text.
 */
export interface FindingChunk {
  readonly count: number;
  /**
   * The JSON text of the chunk's distinct texts. The strings that
   * JSON.parse makes on the main thread were faster to write into the
   * reports than the copies that structured cloning makes. The JSON report
   * of bench/assess.ts took 0.7 to 0.8 s instead of 1.0 to 1.2 s on Node 20.
   */
  readonly stringsJson: string;
  readonly numbers: Int32Array;
  /** The JSON text `[strings, numbers]`, compressed as the store keeps it (chunk-packing.ts). */
  readonly packed: Uint8Array;
}

/**
 * Encodes findings as one chunk. Throws a StoreError naming the finding
 * when a status, complexity, line or column cannot be stored.
 */
export function encodeFindings(findings: readonly Finding[]): FindingChunk {
  const table = new TextTable();
  const featureIds = new FieldTexts(table);
  const statuses = new FieldTexts(table);
  const files = new FieldTexts(table);
  const objects = new FieldTexts(table);
  const messages = new FieldTexts(table);
  const numbers = new Int32Array(findings.length * FIELDS);

  let at = 0;
  for (const f of findings) {
    checkFinding(f);
    numbers[at++] = featureIds.indexOf(f.featureId);
    numbers[at++] = statuses.indexOf(f.status);
    numbers[at++] = files.indexOf(f.file);
    numbers[at++] = f.line;
    numbers[at++] = f.column;
    numbers[at++] = objects.indexOf(f.object);
    numbers[at++] = messages.indexOf(f.message);
    numbers[at++] = f.detail === undefined ? -1 : table.indexOf(f.detail);
    numbers[at++] = f.complexity === undefined ? -1 : table.indexOf(f.complexity);
  }

  const stringsJson = JSON.stringify(table.strings);
  return {
    count: findings.length,
    stringsJson,
    numbers,
    packed: packChunk(`[${stringsJson},[${numbers.join(",")}]]`),
  };
}

/** The distinct texts of a chunk, escaped, with their indexes. */
class TextTable {
  readonly strings: string[] = [];
  readonly #indexes = new Map<string, number>();

  indexOf(value: string): number {
    let index = this.#indexes.get(value);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(escapeText(value));
      this.#indexes.set(value, index);
    }
    return index;
  }
}

/**
 * The texts of one field. Consecutive findings often share a field's value
 * (the file always, the object and status mostly), so the last value is
 * compared before the table is searched.
 */
class FieldTexts {
  readonly #table: TextTable;
  #last: string | undefined;
  #lastIndex = -1;

  constructor(table: TextTable) {
    this.#table = table;
  }

  indexOf(value: string): number {
    if (value !== this.#last) {
      this.#last = value;
      this.#lastIndex = this.#table.indexOf(value);
    }
    return this.#lastIndex;
  }
}

/** Decodes a chunk's JSON text, as the store keeps it. */
export function decodeFindings(json: string): Finding[] {
  const [strings, numbers] = JSON.parse(json) as [string[], number[]];
  return decodeNumbers(strings, numbers);
}

/** Decodes a chunk as {@link encodeFindings} returned it. */
export function decodeFindingChunk(chunk: FindingChunk): Finding[] {
  return decodeNumbers(JSON.parse(chunk.stringsJson) as string[], chunk.numbers);
}

/** Builds the findings; they share one string per distinct text. */
function decodeNumbers(escaped: readonly string[], numbers: ArrayLike<number>): Finding[] {
  const strings = escaped.map(unescapeText);
  const findings = new Array<Finding>(numbers.length / FIELDS);

  for (let i = 0, at = 0; at < numbers.length; i++, at += FIELDS) {
    const detail = numbers[at + 7]!;
    const complexity = numbers[at + 8]!;
    const finding: {
      -readonly [K in keyof Finding]: Finding[K];
    } = {
      featureId: strings[numbers[at]!]!,
      status: strings[numbers[at + 1]!] as FindingStatus,
      file: strings[numbers[at + 2]!]!,
      line: numbers[at + 3]!,
      column: numbers[at + 4]!,
      object: strings[numbers[at + 5]!]!,
      message: strings[numbers[at + 6]!]!,
    };
    // Absent optional fields stay absent, as they were when saved.
    if (detail >= 0) {
      finding.detail = strings[detail]!;
    }
    if (complexity >= 0) {
      finding.complexity = strings[complexity] as Complexity;
    }
    findings[i] = finding;
  }
  return findings;
}

/** Throws a StoreError when a finding has a value the store cannot keep. */
export function checkFinding(finding: Finding): void {
  if (!STATUSES.has(finding.status)) {
    throw new StoreError(
      "invalid-data",
      `invalid status '${finding.status}' in finding '${finding.featureId}' ` +
        `at ${finding.file}:${finding.line}: expected one of ` +
        FINDING_STATUSES.join(", "),
    );
  }
  if (finding.complexity !== undefined && !COMPLEXITIES.has(finding.complexity)) {
    throw new StoreError(
      "invalid-data",
      `invalid complexity '${finding.complexity}' in finding ` +
        `'${finding.featureId}' at ${finding.file}:${finding.line}: ` +
        "expected low, medium or high",
    );
  }
  checkInteger("line_number", finding.line);
  checkInteger("column_number", finding.column);
}

function checkInteger(column: string, value: number): void {
  if (Number.isSafeInteger(value) && Math.abs(value) <= INT4_MAX) {
    return;
  }

  throw new StoreError(
    "invalid-data",
    `cannot store findings.${column} value ${String(value)}: expected an ` +
      `integer up to ${INT4_MAX}`,
  );
}
