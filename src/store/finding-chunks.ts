/**
 * The stored form of findings: one row per chunk of consecutive findings,
 * whose `data` is a JSON text `[strings, numbers]`. `strings` lists each
 * distinct text of the chunk once, escaped as every stored text is
 * (text-escape.ts). `numbers` contains {@link FIELDS} numbers per finding,
 * where a text field is an index into `strings` and -1 marks an absent
 * optional field.
 *
 * A million-line assessment has about half a million findings that repeat a
 * few hundred feature ids, files, objects and messages. Inserting them as
 * rows kept PGlite busy for most of the run; as chunks the store receives a
 * few compact texts instead (bench/store.ts gives the figures). The
 * `findings` view of migration 0002 expands the chunks back into rows for
 * SQL users.
 */

import {
  FINDING_STATUSES,
  type Complexity,
  type Finding,
  type FindingStatus,
} from "../assessment/model.js";
import { StoreError } from "./errors.js";
import { escapeText, unescapeText } from "./text-escape.js";

/** Numbers stored per finding. */
export const FIELDS = 9;

const INT4_MAX = 2_147_483_647;
const STATUSES = new Set<string>(FINDING_STATUSES);
const COMPLEXITIES = new Set<string>(["low", "medium", "high"]);

/** Findings encoded for one `finding_chunks` row. */
export interface FindingChunk {
  readonly count: number;
  readonly data: string;
}

/**
 * Encodes findings as one chunk. Throws a StoreError naming the finding
 * when a status, complexity, line or column cannot be stored.
 */
export function encodeFindings(findings: readonly Finding[]): FindingChunk {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const numbers = new Array<number>(findings.length * FIELDS);

  const text = (value: string): number => {
    let index = indexOf.get(value);
    if (index === undefined) {
      index = strings.length;
      strings.push(escapeText(value));
      indexOf.set(value, index);
    }
    return index;
  };

  let at = 0;
  for (const f of findings) {
    checkFinding(f);
    numbers[at++] = text(f.featureId);
    numbers[at++] = text(f.status);
    numbers[at++] = text(f.file);
    numbers[at++] = f.line;
    numbers[at++] = f.column;
    numbers[at++] = text(f.object);
    numbers[at++] = text(f.message);
    numbers[at++] = f.detail === undefined ? -1 : text(f.detail);
    numbers[at++] = f.complexity === undefined ? -1 : text(f.complexity);
  }

  return {
    count: findings.length,
    data: `[${JSON.stringify(strings)},[${numbers.join(",")}]]`,
  };
}

/** Decodes a chunk; the findings share one string per distinct text. */
export function decodeFindings(data: string): Finding[] {
  const [escaped, numbers] = JSON.parse(data) as [string[], number[]];
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
