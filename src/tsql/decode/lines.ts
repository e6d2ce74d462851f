/**
 * Line positions in decoded text. CRLF, LF and a lone CR each end one line,
 * the same rule the lexer uses, so positions computed here match token
 * positions. Other Unicode line separators (U+2028, U+0085) do not end a
 * line, as in SQL Server Management Studio.
 */

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units. */
  readonly column: number;
}

/** Returns the offset where each line starts; element 0 is always 0. */
export function lineStarts(text: string): Uint32Array {
  // indexOf runs natively, many times faster than a charCodeAt loop.
  let starts = new Uint32Array(Math.max(16, text.length >>> 5));
  let count = 1;
  let lf = text.indexOf("\n");
  let cr = text.indexOf("\r");
  while (lf >= 0 || cr >= 0) {
    let next: number;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      next = cr + 1;
      if (lf === next) {
        next++;
        lf = text.indexOf("\n", next);
      }
      cr = text.indexOf("\r", next);
    } else {
      next = lf + 1;
      lf = text.indexOf("\n", next);
    }

    if (count === starts.length) {
      const grown = new Uint32Array(count * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = next;
  }
  return starts.slice(0, count);
}

/**
 * Converts a text offset to a 1-based line and column. An offset inside a
 * CRLF pair belongs to the line that the pair ends. Offsets past the end of
 * the text land on the last line, and negative offsets at 1:1.
 */
export function positionAt(starts: Uint32Array, offset: number): Position {
  const at = Math.max(0, offset);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle]! <= at) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }

  return { line: low + 1, column: at - starts[low]! + 1 };
}
