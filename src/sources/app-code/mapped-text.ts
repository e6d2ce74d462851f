/**
 * Text built from pieces of a source file, with the source line and column
 * of every character. A string literal's value differs from its source
 * text (escapes, doubled quotes, concatenation across lines), so the
 * positions are kept as runs: from `at` on, characters come from `line`,
 * `column` onwards, one column each (`step` 1), or all from that one place
 * (`step` 0, for an escape sequence or a placeholder).
 */

/** Source position of the characters from offset `at` up to the next run. */
export interface PositionRun {
  readonly at: number;
  readonly line: number;
  readonly column: number;
  readonly step: 0 | 1;
}

/** 1-based line and column in the source file, in UTF-16 code units. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export class MappedText {
  #parts: string[] = [];
  #length = 0;
  readonly runs: PositionRun[] = [];

  get length(): number {
    return this.#length;
  }

  get text(): string {
    if (this.#parts.length > 1) {
      this.#parts = [this.#parts.join("")];
    }
    return this.#parts[0] ?? "";
  }

  /**
   * Appends characters that stand one for one at `line`, `column` onwards.
   * A line break in `text` moves the next character to column 1 of the
   * next line, as it does in the source.
   */
  appendSource(text: string, line: number, column: number): void {
    let start = 0;
    let currentLine = line;
    let currentColumn = column;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 10 && code !== 13) {
        continue;
      }
      if (code === 13 && text.charCodeAt(i + 1) === 10) {
        i++;
      }
      this.#append(text.slice(start, i + 1), currentLine, currentColumn, 1);
      start = i + 1;
      currentLine++;
      currentColumn = 1;
    }
    this.#append(text.slice(start), currentLine, currentColumn, 1);
  }

  /** Appends characters that all come from one source place, such as a decoded escape. */
  appendAt(text: string, line: number, column: number): void {
    this.#append(text, line, column, 0);
  }

  /** Appends `length` characters of `from` starting at `start`, with their positions. */
  appendSlice(from: MappedText, start: number, end: number): void {
    let at = start;
    while (at < end) {
      const index = from.runIndexAt(at);
      const run = from.runs[index]!;
      const next = index + 1 < from.runs.length ? from.runs[index + 1]!.at : from.length;
      const stop = Math.min(next, end);
      const column = run.column + (at - run.at) * run.step;
      this.#append(from.text.slice(at, stop), run.line, column, run.step);
      at = stop;
    }
  }

  /** Returns the source position of the character at `offset` (the last one past the end). */
  positionAt(offset: number): SourcePosition {
    if (this.runs.length === 0) {
      return { line: 1, column: 1 };
    }
    const clamped = Math.max(0, Math.min(offset, this.#length - 1));
    const run = this.runs[this.runIndexAt(clamped)]!;
    return { line: run.line, column: run.column + (clamped - run.at) * run.step };
  }

  /** Index of the run that contains `offset`, by binary search. */
  runIndexAt(offset: number): number {
    let low = 0;
    let high = this.runs.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.runs[middle]!.at <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }

  #append(text: string, line: number, column: number, step: 0 | 1): void {
    if (text.length === 0) {
      return;
    }
    const last = this.runs[this.runs.length - 1];
    const continues =
      last !== undefined &&
      step === 1 &&
      last.step === 1 &&
      last.line === line &&
      last.column + (this.#length - last.at) === column;
    if (!continues) {
      this.runs.push({ at: this.#length, line, column, step });
    }
    this.#parts.push(text);
    this.#length += text.length;
  }
}
