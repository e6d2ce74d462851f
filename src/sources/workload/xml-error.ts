/**
 * The error of a capture that cannot be read: invalid XML, an encoding
 * infio cannot decode, or no events of a known format. The message names
 * the file, the place when there is one, what was wrong and what to do.
 */

/** A place in a capture: 1-based line and column, 0-based byte offset. */
export interface XmlPosition {
  readonly line: number;
  readonly column: number;
  readonly byte: number;
}

export class XmlCaptureError extends Error {
  readonly file: string;
  readonly position: XmlPosition | undefined;

  constructor(file: string, problem: string, fix: string, position?: XmlPosition) {
    const where =
      position === undefined
        ? ""
        : ` at line ${position.line}, column ${position.column} (byte ${position.byte})`;
    super(`cannot read capture '${file}': ${problem}${where}; ${fix}`);
    this.name = "XmlCaptureError";
    this.file = file;
    this.position = position;
  }
}
