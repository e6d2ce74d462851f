/**
 * One source file's statements as one code unit: the statements joined
 * with `GO` lines, so each is a batch of its own, and the mapping from the
 * unit's lines and columns back to the source file. The worker assesses
 * the unit text; the main thread then moves every finding, parse error
 * and object to its place in the source file.
 */

import type { UnitOutcome } from "../../assessment/unit-task.js";
import { decodeFindingChunk, encodeFindings } from "../../store/finding-chunks.js";
import { MappedText } from "./mapped-text.js";

export interface FileUnit {
  readonly text: string;
  readonly map: MappedText;
  /** Offset of each line's first character in `text`. */
  readonly lineStarts: readonly number[];
}

/** The source file behind a unit, as the code view needs it. */
export interface UnitFile {
  readonly bytes: number;
  readonly encoding: string;
}

const SEPARATOR = "\nGO\n";

export function buildFileUnit(statements: readonly { readonly text: MappedText }[]): FileUnit {
  const map = new MappedText();
  statements.forEach((s, index) => {
    if (index > 0) {
      const end = s.text.positionAt(0);
      map.appendAt(SEPARATOR, end.line, end.column);
    }
    map.appendSlice(s.text, 0, s.text.length);
  });
  const text = map.text;
  return { text, map, lineStarts: lineStartsOf(text) };
}

/** Moves the positions of an assessed unit's rows to the source file. */
export function remapOutcome(outcome: UnitOutcome, unit: FileUnit, file: UnitFile): UnitOutcome {
  if (outcome.kind !== "unit") {
    return outcome;
  }
  const at = (line: number, column: number) => sourcePosition(unit, line, column);
  const findings = decodeFindingChunk(outcome.findings).map((f) => ({ ...f, ...at(f.line, f.column) }));
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    ...outcome,
    // The code view shows the source file, which it checks by size.
    unit: { ...outcome.unit, bytes: file.bytes, encoding: file.encoding },
    findings: encodeFindings(findings),
    parseErrors: outcome.parseErrors.map((e) => ({ ...e, ...at(e.line, e.column) })),
    objects: outcome.objects.map((o) => ({ ...o, line: at(o.line, 1).line })),
  };
}

function sourcePosition(unit: FileUnit, line: number, column: number): { line: number; column: number } {
  const lineStart = unit.lineStarts[Math.max(0, Math.min(line, unit.lineStarts.length) - 1)] ?? 0;
  return unit.map.positionAt(lineStart + Math.max(0, column - 1));
}

/** Line starts with CRLF, CR and LF as line breaks, as the T-SQL lexer counts lines. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      starts.push(i + 1);
    }
  }
  return starts;
}
