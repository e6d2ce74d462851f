/**
 * Joins string literals into the values a program builds: `+` chains
 * (across lines too) and Python's adjacent literals. A non-literal operand
 * of a chain becomes a hole, which marks the value as partly dynamic. Each
 * value records the call it is passed to, such as `SqlCommand` or
 * `execute`, so that known raw-SQL calls can be recognised.
 */

import { MappedText } from "./mapped-text.js";
import { HOLE, type CodeToken } from "./tokens.js";

export interface JoinedString {
  /** The joined value, with {@link HOLE} for each non-literal part. */
  readonly value: MappedText;
  /** Whether any part is not a literal: a concatenated expression or an interpolation hole. */
  readonly dynamic: boolean;
  /** Position of the first literal. */
  readonly line: number;
  readonly column: number;
  /** The call or property the value is given to, when it is the first argument or the assigned value. */
  readonly call?: CallSite;
  /** Whether `{...}` fields in the value are filled in by a format call (`str.format`, `String.Format`). */
  readonly formatFields: boolean;
  /** Index of the first literal's token, and of the first token after the value. */
  readonly start: number;
  readonly end: number;
}

export interface CallSite {
  /** Called name (`execute`), assigned property (`CommandText`) or template tag (`sql`). */
  readonly name: string;
  readonly kind: "call" | "property" | "tag" | "annotation";
  /** Index of the call's `(`, when it is a call or an annotation. */
  readonly paren?: number;
}

export interface JoinOptions {
  /** Python joins adjacent literals without an operator. */
  readonly adjacent: boolean;
}

const STOPS = new Set([
  "+", ",", ";", "?", ":", "=", "==", "===", "!=", "!==", "=>", "->", "&&", "||", "??", "+=", "-=",
]);
const OPEN = new Set(["(", "[", "{"]);
const CLOSE = new Set([")", "]", "}"]);
/** Named arguments that take the SQL text: `@Query(value = ...)`, `execute(sql=...)`. */
const SQL_ARGUMENT_NAMES = new Set(["value", "sql", "query", "statement", "operation", "sqlQuery"]);
/** Tokens scanned back from an argument to its call's `(` before giving up. */
const MAX_LOOKBACK = 256;

export function joinStrings(tokens: readonly CodeToken[], options: JoinOptions): JoinedString[] {
  const joined: JoinedString[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i]!.kind !== "string") {
      i++;
      continue;
    }
    const result = joinAt(tokens, i, options);
    joined.push(result);
    i = result.end;
  }
  return joined;
}

function joinAt(tokens: readonly CodeToken[], start: number, options: JoinOptions): JoinedString {
  const first = tokens[start]!;
  const value = new MappedText();
  let dynamic = first.interpolated === true && first.value!.text.includes(HOLE);
  let before = start - 1;

  // `x + "..."`: the chain began with a non-literal operand.
  if (isPunct(tokens[before], "+")) {
    const plus = tokens[before]!;
    value.appendAt(HOLE, plus.line, plus.column);
    dynamic = true;
    before = operandStart(tokens, before - 1) - 1;
  }
  value.appendSlice(first.value!, 0, first.value!.length);

  let at = start + 1;
  for (;;) {
    const next = tokens[at];
    if (options.adjacent && next?.kind === "string") {
      appendLiteral(value, next);
      dynamic ||= next.interpolated === true && next.value!.text.includes(HOLE);
      at++;
      continue;
    }
    if (!isPunct(next, "+")) {
      break;
    }
    const operand = tokens[at + 1];
    if (operand === undefined) {
      break;
    }
    if (operand.kind === "string" && !isMemberAccess(tokens[at + 2])) {
      appendLiteral(value, operand);
      dynamic ||= operand.interpolated === true && operand.value!.text.includes(HOLE);
      at += 2;
      continue;
    }
    const end = operandEnd(tokens, at + 1);
    if (end === at + 1) {
      break;
    }
    value.appendAt(HOLE, operand.line, operand.column);
    dynamic = true;
    at = end;
  }

  const call = callSite(tokens, before, start);
  const formatFields =
    (isPunct(tokens[at], ".") && tokens[at + 1]?.text === "format" && isPunct(tokens[at + 2], "(")) ||
    call?.name === "Format" ||
    call?.name === "AppendFormat";
  return {
    value,
    dynamic,
    line: first.line,
    column: first.column,
    ...(call === undefined ? {} : { call }),
    formatFields,
    start,
    end: at,
  };
}

function appendLiteral(value: MappedText, token: CodeToken): void {
  value.appendSlice(token.value!, 0, token.value!.length);
}

function isPunct(token: CodeToken | undefined, text: string): boolean {
  return token?.kind === "punct" && token.text === text;
}

function isMemberAccess(token: CodeToken | undefined): boolean {
  return isPunct(token, ".") || isPunct(token, "[") || isPunct(token, "?.");
}

/** Index just past a non-literal operand that starts at `from`. */
function operandEnd(tokens: readonly CodeToken[], from: number): number {
  let depth = 0;
  let previousEnds = false;
  for (let m = from; m < tokens.length; m++) {
    const t = tokens[m]!;
    if (t.kind === "newline" && depth === 0) {
      return m;
    }
    if (t.kind === "punct" && OPEN.has(t.text)) {
      depth++;
      previousEnds = false;
      continue;
    }
    if (t.kind === "punct" && CLOSE.has(t.text)) {
      if (depth === 0) {
        return m;
      }
      depth--;
      previousEnds = depth === 0;
      continue;
    }
    if (depth > 0) {
      continue;
    }
    if (t.kind === "punct" && STOPS.has(t.text)) {
      return m;
    }
    const ends = t.kind !== "punct";
    // Two operands in a row without an operator: a new statement began.
    if (ends && previousEnds && t.kind !== "word") {
      return m;
    }
    previousEnds = ends || isPunct(t, ")");
  }
  return tokens.length;
}

/** Index of the first token of the operand that ends at `last`. */
function operandStart(tokens: readonly CodeToken[], last: number): number {
  let depth = 0;
  for (let m = last; m >= 0; m--) {
    const t = tokens[m]!;
    if (t.kind === "punct" && CLOSE.has(t.text)) {
      depth++;
    } else if (t.kind === "punct" && OPEN.has(t.text)) {
      if (depth === 0) {
        return m + 1;
      }
      depth--;
    } else if (depth === 0 && (t.kind === "newline" || (t.kind === "punct" && STOPS.has(t.text)))) {
      return m + 1;
    }
  }
  return 0;
}

/** Finds what the value starting after token `before` is given to. */
function callSite(tokens: readonly CodeToken[], before: number, start: number): CallSite | undefined {
  const previous = tokens[before];
  if (previous === undefined) {
    return undefined;
  }
  if (tokens[start]!.interpolated === true && previous.kind === "word" && before === start - 1) {
    return { name: previous.text, kind: "tag" };
  }
  if (isPunct(previous, "(")) {
    return callBefore(tokens, before);
  }
  if (isPunct(previous, "=")) {
    const name = tokens[before - 1];
    if (name?.kind !== "word") {
      return undefined;
    }
    const argumentStart = tokens[before - 2];
    if (SQL_ARGUMENT_NAMES.has(name.text) && (isPunct(argumentStart, "(") || isPunct(argumentStart, ","))) {
      const paren = isPunct(argumentStart, "(") ? before - 2 : enclosingParen(tokens, before - 2);
      return paren === undefined ? undefined : callBefore(tokens, paren);
    }
    return { name: name.text, kind: "property" };
  }
  return undefined;
}

/** Finds the `(` of the argument list that contains the `,` at `comma`. */
function enclosingParen(tokens: readonly CodeToken[], comma: number): number | undefined {
  let depth = 0;
  for (let m = comma - 1; m >= 0 && m > comma - MAX_LOOKBACK; m--) {
    const t = tokens[m]!;
    if (t.kind === "punct" && CLOSE.has(t.text)) {
      depth++;
    } else if (t.kind === "punct" && OPEN.has(t.text)) {
      if (depth === 0) {
        return t.text === "(" ? m : undefined;
      }
      depth--;
    } else if (depth === 0 && isPunct(t, ";")) {
      return undefined;
    }
  }
  return undefined;
}

/** Finds the name called with the `(` at `paren`, skipping generic arguments (`Query<Order>(`). */
function callBefore(tokens: readonly CodeToken[], paren: number): CallSite | undefined {
  let at = paren - 1;
  if (isPunct(tokens[at], ">")) {
    let depth = 0;
    for (; at >= 0 && at > paren - MAX_LOOKBACK; at--) {
      if (isPunct(tokens[at], ">")) {
        depth++;
      } else if (isPunct(tokens[at], "<") && --depth === 0) {
        break;
      }
    }
    at--;
  }
  const name = tokens[at];
  if (name?.kind !== "word") {
    return undefined;
  }
  const annotation = isPunct(tokens[at - 1], "@");
  return { name: name.text, kind: annotation ? "annotation" : "call", paren };
}
