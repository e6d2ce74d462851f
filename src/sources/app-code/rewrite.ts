/**
 * Replaces ranges of a mapped text, keeping the source positions: each
 * replacement takes the position of the first character it replaces.
 */

import { MappedText } from "./mapped-text.js";

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies `edits`, which must be sorted by `start` and must not overlap. */
export function rewrite(source: MappedText, edits: readonly TextEdit[]): MappedText {
  if (edits.length === 0) {
    return source;
  }
  const result = new MappedText();
  let at = 0;
  for (const edit of edits) {
    result.appendSlice(source, at, edit.start);
    const position = source.positionAt(edit.start);
    result.appendAt(edit.text, position.line, position.column);
    at = edit.end;
  }
  result.appendSlice(source, at, source.length);
  return result;
}
