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
 */
export function toOriginalOffset(batch: BatchText, offset: number): number {
  let shift = 0;
  for (const replacement of batch.replacements) {
    if (offset < replacement.start) {
      break;
    }
    if (offset < replacement.end) {
      return replacement.originalStart;
    }
    shift +=
      replacement.end - replacement.start - (replacement.originalEnd - replacement.originalStart);
  }
  return batch.start + offset - shift;
}
