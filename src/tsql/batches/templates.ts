/**
 * SSMS template parameters: `<name, type, default>` on one line, which the
 * "Specify Values for Template Parameters" dialog of SSMS replaces. Because
 * `a<b, c, d>e` has the same shape, a parameter counts as evidence that the
 * script is a template only when ordinary T-SQL could not have produced it:
 *
 * - a field is empty (`<Author,,Name>`, `<Description,,>`), which T-SQL
 *   never writes between commas;
 * - it sits in code (not in a string or comment) without an operand on
 *   both sides, as in `USE <Database_Name, sysname, AdventureWorks>` at the
 *   end of a line or `[<schema, sysname, dbo>]`; or
 * - it sits in code in a name position, where a comparison can neither
 *   start nor end. That is after the object type of CREATE, ALTER or DROP
 *   (`CREATE PROCEDURE <Procedure_Name, sysname, p> AS`), and after or
 *   before ON or AS. These are reserved keywords, so `ON < x` or `x > AS`
 *   is never valid T-SQL.
 *
 * Parameters are replaced only in a script with at least one such piece of
 * evidence, unless the caller asks for always or never.
 */

import { isIdentifierPart } from "../lexer/characters.js";
import { inNamePosition } from "./template-names.js";

export const enum Context {
  Code,
  String,
  Comment,
}

export interface TemplateMatch {
  readonly name: string;
  readonly type: string;
  readonly value: string;
  /** Offsets of `<` and just past `>`. */
  readonly start: number;
  readonly end: number;
  /** Whether this parameter alone shows that the script is a template. */
  readonly evident: boolean;
}

// Three comma-separated fields without angle brackets, commas or line breaks.
const SHAPE = /<([^<>,\r\n]*),([^<>,\r\n]*),([^<>,\r\n]*)>/y;
// SSMS templates also name parameters with hyphens (`<queue-name, ...>`).
const NAME = /^(?:[\p{L}_@#][\p{L}\p{N}_@#$ -]*)?$/u;
const TYPE = /^(?:[\p{L}_][\p{L}\p{N}_ ]*(?:\(\s*(?:\d+|max)\s*\))?)?$/iu;

/** Reads a template parameter whose `<` is at `at`, or returns undefined. */
export function readTemplateParameter(
  text: string,
  at: number,
  context: Context,
): TemplateMatch | undefined {
  SHAPE.lastIndex = at;
  const match = SHAPE.exec(text);
  if (match === null) {
    return undefined;
  }

  const name = match[1]!.trim();
  const type = match[2]!.trim();
  const value = match[3]!.trim();
  if (!NAME.test(name) || !TYPE.test(type) || !balanced(value)) {
    return undefined;
  }

  const end = at + match[0].length;
  const emptyField = name === "" || type === "" || value === "";
  const evident =
    emptyField ||
    (context === Context.Code &&
      (!(operandBefore(text, at) && operandAfter(text, end)) ||
        inNamePosition(text, at, end)));
  return { name, type, value, start: at, end, evident };
}

function balanced(value: string): boolean {
  let depth = 0;
  for (const c of value) {
    if (c === "(") {
      depth++;
    } else if (c === ")" && --depth < 0) {
      return false;
    }
  }
  return depth === 0;
}

/** Tells whether an operand ends just before `at` on the same line. */
function operandBefore(text: string, at: number): boolean {
  let pos = at - 1;
  while (pos >= 0 && isBlank(text.charCodeAt(pos))) {
    pos--;
  }
  if (pos < 0) {
    return false;
  }

  const c = text.charCodeAt(pos);
  // ) ] ' " end an operand.
  return isIdentifierPart(c) || c === 41 || c === 93 || c === 39 || c === 34;
}

/** Tells whether an operand starts just after `end` on the same line. */
function operandAfter(text: string, end: number): boolean {
  let pos = end;
  while (pos < text.length && isBlank(text.charCodeAt(pos))) {
    pos++;
  }
  if (pos >= text.length) {
    return false;
  }

  const c = text.charCodeAt(pos);
  // ( [ ' " - + start an operand.
  return (
    isIdentifierPart(c) || c === 40 || c === 91 || c === 39 || c === 34 || c === 45 || c === 43
  );
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
