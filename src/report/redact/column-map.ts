/**
 * Builds redacted text piece by piece and remembers, for each token, where
 * it started in the input and in the output. Lines are the same in both,
 * so a position maps to the same line and a column found from the token
 * that contains it.
 */

/** Maps a 1-based line and column of the input to the column in the output. */
export interface ColumnMap {
  map(line: number, column: number): number;
}

export class ColumnMapBuilder {
  readonly #parts: string[] = [];
  /** Output column of the next character written. */
  #column = 1;
  /** Per line: input column, output column and output length on that line, per token. */
  readonly #anchors = new Map<number, number[]>();

  /** Writes the replacement of the token that starts at `line` and `column`. */
  token(line: number, column: number, replacement: string): void {
    let anchors = this.#anchors.get(line);
    if (anchors === undefined) {
      anchors = [];
      this.#anchors.set(line, anchors);
    }
    anchors.push(column, this.#column, firstLineLength(replacement));
    this.write(replacement);
  }

  /** Writes text that no input position maps into. */
  write(text: string): void {
    this.#parts.push(text);
    let lastBreak = text.length - 1;
    while (lastBreak >= 0 && !isLineBreak(text.charCodeAt(lastBreak))) {
      lastBreak--;
    }
    this.#column = lastBreak < 0 ? this.#column + text.length : text.length - lastBreak;
  }

  finish(): { readonly text: string; readonly columns: ColumnMap } {
    const anchors = this.#anchors;
    return {
      text: this.#parts.join(""),
      columns: { map: (line, column) => mapColumn(anchors.get(line), column) },
    };
  }
}

/**
 * Finds the last token on the line that starts at or before `column` and
 * keeps the offset into it, clipped to the replacement's length. A column
 * before every token of its line is inside a token that started on an
 * earlier line, such as a multi-line string, and maps to 1.
 */
function mapColumn(anchors: readonly number[] | undefined, column: number): number {
  if (anchors === undefined || anchors.length === 0 || column < anchors[0]!) {
    return 1;
  }

  let low = 0;
  let high = anchors.length / 3 - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (anchors[middle * 3]! <= column) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }

  const start = anchors[low * 3]!;
  const output = anchors[low * 3 + 1]!;
  const length = anchors[low * 3 + 2]!;
  return output + Math.min(column - start, Math.max(length - 1, 0));
}

function firstLineLength(text: string): number {
  let length = 0;
  while (length < text.length && !isLineBreak(text.charCodeAt(length))) {
    length++;
  }
  return length;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}
