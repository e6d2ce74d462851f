/**
 * The batch separator line. "GO (Transact-SQL)" in the SQL Server 2022
 * documentation: `GO [count]` where count is a positive integer, alone on
 * its line except for comments, and never followed by a semicolon.
 */

import { isIdentifierPart, isWhitespace } from "../lexer/characters.js";

export interface GoLine {
  /** Count from `GO n`; 1 without a count or when the count is invalid. */
  readonly repeat: number;
  /** Diagnostic message about an invalid line. */
  readonly problem?: string;
  /** Nesting depth of a block comment that opens on the line and stays open. */
  readonly openComment: number;
}

const MAX_COUNT = 2147483647;

/**
 * Reads the line whose `GO` starts at `at`, up to `lineEnd` (the line
 * break excluded). Returns undefined when the letters are only the start
 * of a longer word such as GOTO or go_table.
 */
export function readGoLine(text: string, at: number, lineEnd: number): GoLine | undefined {
  let pos = at + 2;
  if (pos < lineEnd && isIdentifierPart(text.charCodeAt(pos))) {
    return undefined;
  }

  pos = skipBlanks(text, pos, lineEnd);
  let repeat = 1;
  let problem: string | undefined;
  const digitsStart = pos;
  while (pos < lineEnd && isDigit(text.charCodeAt(pos))) {
    pos++;
  }

  if (pos > digitsStart && (pos === lineEnd || !isIdentifierPart(text.charCodeAt(pos)))) {
    const digits = text.slice(digitsStart, pos);
    const count = Number(digits);
    if (count >= 1 && count <= MAX_COUNT) {
      repeat = count;
    } else {
      problem = describeBadCount(digits, count);
    }
  } else {
    pos = digitsStart;
  }

  const trailing = readTrailing(text, pos, lineEnd);
  if (trailing.unexpected !== undefined && problem === undefined) {
    problem = describeUnexpected(text.slice(trailing.unexpected, lineEnd).trim());
  }
  return { repeat, openComment: trailing.openComment, ...(problem === undefined ? {} : { problem }) };
}

/** Reads blanks and comments after GO and its count. */
function readTrailing(
  text: string,
  from: number,
  lineEnd: number,
): { unexpected?: number; openComment: number } {
  let pos = skipBlanks(text, from, lineEnd);
  while (pos < lineEnd) {
    const c = text.charCodeAt(pos);
    const next = text.charCodeAt(pos + 1);
    if (c === 45 && next === 45) {
      return { openComment: 0 };
    }
    if (c !== 47 || next !== 42) {
      return { unexpected: pos, openComment: 0 };
    }

    // T-SQL block comments nest.
    let depth = 1;
    pos += 2;
    while (pos < lineEnd && depth > 0) {
      const d = text.charCodeAt(pos);
      const e = text.charCodeAt(pos + 1);
      if (d === 47 && e === 42) {
        depth++;
        pos += 2;
      } else if (d === 42 && e === 47) {
        depth--;
        pos += 2;
      } else {
        pos++;
      }
    }
    if (depth > 0) {
      return { openComment: depth };
    }
    pos = skipBlanks(text, pos, lineEnd);
  }
  return { openComment: 0 };
}

function describeBadCount(digits: string, count: number): string {
  const quoted = digits.length > 40 ? `${digits.slice(0, 40)}...` : digits;
  const reason =
    count > MAX_COUNT
      ? `exceeds the maximum ${MAX_COUNT}`
      : "is not a positive integer";
  return `invalid GO count '${quoted}': the count ${reason}; use a count from 1 to ${MAX_COUNT}`;
}

function describeUnexpected(rest: string): string {
  const quoted = rest.length > 40 ? `${rest.slice(0, 40)}...` : rest;
  if (rest.startsWith(";")) {
    return "invalid GO line: sqlcmd and SSMS reject a semicolon after GO; remove the ';'";
  }
  return (
    `invalid GO line: unexpected '${quoted}' after GO; a GO line may hold only ` +
    "GO, a count and a comment, so move the statement to its own line"
  );
}

function skipBlanks(text: string, pos: number, end: number): number {
  while (pos < end && isWhitespace(text.charCodeAt(pos))) {
    pos++;
  }
  return pos;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
