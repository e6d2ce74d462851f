/**
 * Builds a batch's text from the original text and the edits found while
 * scanning it, and maps offsets in that text back to the original.
 */

import type { BatchText, Replacement } from "./types.js";

export const enum EditKind {
  /** A sqlcmd command line, replaced by spaces of the same length. */
  Blank,
  Variable,
  Template,
}

export interface Edit {
  readonly kind: EditKind;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

export interface Assembled {
  readonly text: string;
  readonly replacements: Replacement[];
}

/**
 * Applies `edits` (sorted by start) to `text[start, end)`. An edit that
 * starts inside an earlier applied one is skipped: a `$(name)` inside a
 * replaced template parameter is already part of the parameter's value.
 * Template edits apply only when `withTemplates` is set.
 */
export function assemble(
  text: string,
  start: number,
  end: number,
  edits: readonly Edit[],
  withTemplates: boolean,
): Assembled {
  if (edits.length === 0) {
    return { text: text.slice(start, end), replacements: [] };
  }

  const parts: string[] = [];
  const replacements: Replacement[] = [];
  let cursor = start;
  let length = 0;
  for (const edit of edits) {
    if (edit.start < cursor || (edit.kind === EditKind.Template && !withTemplates)) {
      continue;
    }

    const before = text.slice(cursor, edit.start);
    const value = edit.kind === EditKind.Blank ? " ".repeat(edit.end - edit.start) : edit.value;
    parts.push(before, value);
    length += before.length;
    if (edit.kind !== EditKind.Blank) {
      replacements.push({
        start: length,
        end: length + value.length,
        originalStart: edit.start,
        originalEnd: edit.end,
      });
    }
    length += value.length;
    cursor = edit.end;
  }

  parts.push(text.slice(cursor, end));
  return { text: parts.join(""), replacements };
}

/**
 * Maps an offset in `batch.text` to the offset in the original text. An
 * offset inside a substituted value maps to the start of what it replaced.
 * A binary search over the replacements keeps mapping every token of a
 * batch with many replaced parameters at O(n log n) rather than O(n²).
 */
export function toOriginalOffset(batch: BatchText, offset: number): number {
  const replacements = batch.replacements;

  // Find the last replacement that starts at or before `offset`.
  let low = 0;
  let high = replacements.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (replacements[middle]!.start <= offset) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  if (low === 0) {
    return batch.start + offset;
  }

  const replacement = replacements[low - 1]!;
  if (offset < replacement.end) {
    return replacement.originalStart;
  }
  return replacement.originalEnd + (offset - replacement.end);
}

/**
 * Returns a function that maps offsets of `batch.text` like
 * {@link toOriginalOffset}. Offsets requested in increasing order, as when
 * mapping the tokens of a batch, cost O(1) amortised, so mapping a whole
 * batch is linear in its length plus its replacements. An offset smaller
 * than the previous one falls back to the binary search.
 */
export function offsetMapper(batch: BatchText): (offset: number) => number {
  const replacements = batch.replacements;
  let previous = -1;
  // Count of replacements that start at or before `previous`.
  let passed = 0;

  return (offset: number): number => {
    if (offset < previous) {
      return toOriginalOffset(batch, offset);
    }

    previous = offset;
    while (passed < replacements.length && replacements[passed]!.start <= offset) {
      passed++;
    }
    if (passed === 0) {
      return batch.start + offset;
    }

    const replacement = replacements[passed - 1]!;
    if (offset < replacement.end) {
      return replacement.originalStart;
    }
    return replacement.originalEnd + (offset - replacement.end);
  };
}
