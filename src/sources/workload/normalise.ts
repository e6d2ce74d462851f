/**
 * Normalises the SQL of a captured event so that executions of the same
 * statement with other values count as one. The T-SQL lexer finds the
 * literals, so quotes, comments and identifiers are never mistaken for
 * one another:
 *
 * - literals become placeholders of the same type: `'?'`, `N'?'`, `0`,
 *   `0.0`, `0E0`, `$0`, `0x`, and a unary sign before a number goes;
 * - literals that are code stay (kept-literals.ts);
 * - a list of literals after IN becomes one placeholder of each type;
 * - identical rows of a VALUES list become one row;
 * - whitespace runs become one space, or one line break with the next
 *   line's indentation, and comments stay as written;
 * - the statement inside sp_executesql, sp_prepexec and sp_prepare is
 *   taken out of the call (unwrap-call.ts).
 *
 * The result is still T-SQL, so it can be parsed and assessed like a
 * script. Statements are compared by `key`: the significant tokens with
 * reserved keywords in upper case, one space apart, without comments and
 * without a final semicolon. ORMs put per-request comments (trace ids) in
 * front of statements, which would otherwise make every execution
 * distinct.
 */

import { createHash } from "node:crypto";

import { isReservedKeyword } from "../../tsql/lexer/keywords.js";
import { lex } from "../../tsql/lexer/lexer.js";
import { isTrivia, TokenKind, type Token } from "../../tsql/lexer/token.js";
import { keepsArgument, SET_OPTIONS_WITH_LITERAL } from "./kept-literals.js";
import { LITERALS, NUMBERS, OPERAND_KEYWORDS, OPERANDS, placeholderOf } from "./literal-tokens.js";
import { unwrapCall } from "./unwrap-call.js";

export interface NormalisedStatement {
  /** The statement with literals masked, as assessed and shown. */
  readonly text: string;
  /** The comparison key of the statement, as the module comment describes. */
  readonly key: string;
  /** The procedure the statement was taken out of, lower case. */
  readonly calledThrough?: string;
}

/** Normalises one statement or batch; never throws on any input. */
export function normaliseStatement(sql: string): NormalisedStatement {
  const call = unwrapCall(sql);
  const masked = new Masker(call?.sql ?? sql).run();
  return call === undefined ? masked : { ...masked, calledThrough: call.procedure };
}

/** Returns the SHA-256 of a key in hexadecimal. */
export function keyDigest(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Words after which an ORDER BY list is over. */
const ORDER_BY_ENDS: ReadonlySet<string> = new Set([
  "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "OFFSET", "OPTION", "FOR",
  "UNION", "EXCEPT", "INTERSECT", "WITH", "IF", "WHILE", "RETURN", "DECLARE", "SET", "EXEC", "EXECUTE",
]);

/** The rows of a VALUES list read so far, for dropping repeated rows. */
interface ValuesList {
  /** Key of the last row kept, without the comma before it. */
  previousRow: string | undefined;
  /** Output lengths where the next row (with its comma) starts. */
  rowStartText: number;
  rowStartKey: number;
  /** Whether a row just ended, so only a comma can continue the list. */
  afterRow: boolean;
}

/** One level of parentheses, or the statement level. */
interface Frame {
  /** Lower-case name before the parenthesis: a function, a data type or OPTION. */
  readonly name: string | undefined;
  readonly method: boolean;
  argument: number;
  /** Inside an ORDER BY list at this level. */
  orderBy: boolean;
  values: ValuesList | undefined;
  /** This parenthesis is a row of its parent's VALUES list. */
  readonly isRow: boolean;
}

class Masker {
  readonly #tokens: readonly Token[];
  /** Index of the previous and next significant token of each token, or -1. */
  readonly #before: Int32Array;
  readonly #after: Int32Array;
  readonly #frames: Frame[] = [newFrame(undefined, false, false)];
  #text = "";
  #key = "";
  #pending = "";

  constructor(sql: string) {
    this.#tokens = lex(sql).tokens;
    const n = this.#tokens.length;
    this.#before = new Int32Array(n).fill(-1);
    this.#after = new Int32Array(n).fill(-1);

    let last = -1;
    for (let i = 0; i < n; i++) {
      this.#before[i] = last;
      if (this.#isSignificant(i)) {
        last = i;
      }
    }
    last = -1;
    for (let i = n - 1; i >= 0; i--) {
      this.#after[i] = last;
      if (this.#isSignificant(i)) {
        last = i;
      }
    }
  }

  run(): { text: string; key: string } {
    for (let i = 0; i < this.#tokens.length; i++) {
      const token = this.#tokens[i]!;
      if (token.kind === TokenKind.EndOfInput) {
        break;
      }
      if (token.kind === TokenKind.Whitespace) {
        this.#space(token.text);
      } else if (isTrivia(token.kind)) {
        this.#emit(token.text, undefined);
      } else {
        i = this.#significant(i);
      }
    }

    let key = this.#key;
    while (key === ";" || key.endsWith(" ;")) {
      key = key.slice(0, Math.max(0, key.length - 2));
    }
    return { text: this.#text, key };
  }

  /** Emits the significant token at `i`; returns the index of the last token it consumed. */
  #significant(i: number): number {
    const token = this.#tokens[i]!;
    const frame = this.#frame;
    if (frame.values?.afterRow === true && token.kind !== TokenKind.Comma) {
      frame.values = undefined;
    }

    switch (token.kind) {
      case TokenKind.LeftParen:
        return this.#leftParen(i);
      case TokenKind.RightParen:
        this.#rightParen();
        return i;
      case TokenKind.Comma:
        this.#emit(",", ",");
        frame.argument++;
        if (frame.values !== undefined) {
          frame.values.afterRow = false;
        }
        return i;
      case TokenKind.Semicolon:
        frame.orderBy = false;
        this.#emit(";", ";");
        return i;
      case TokenKind.Word:
        this.#word(i);
        return i;
      case TokenKind.Minus:
      case TokenKind.Plus:
        if (!this.#dropsSign(i)) {
          this.#emit(token.text, token.text);
        }
        return i;
      default:
        if (LITERALS.has(token.kind) && !this.#keepsLiteral(i)) {
          const placeholder = placeholderOf(token);
          this.#emit(placeholder, placeholder);
        } else {
          this.#emit(token.text, token.text);
        }
        return i;
    }
  }

  #word(i: number): void {
    const token = this.#tokens[i]!;
    const upper = token.value;
    const frame = this.#frame;

    if (upper === "VALUES") {
      frame.values = { previousRow: undefined, rowStartText: 0, rowStartKey: 0, afterRow: false };
    } else if (upper === "BY" && this.#isWordAt(this.#before[i]!, "ORDER")) {
      frame.orderBy = true;
    } else if (ORDER_BY_ENDS.has(upper)) {
      frame.orderBy = false;
    }
    this.#emit(token.text, isReservedKeyword(upper) ? upper : token.text);
  }

  #leftParen(i: number): number {
    const previous = this.#before[i]!;
    if (this.#isWordAt(previous, "IN")) {
      const end = this.#collapseInList(i);
      if (end >= 0) {
        return end;
      }
    }

    const parent = this.#frame;
    const nameToken = previous >= 0 ? this.#tokens[previous]! : undefined;
    const named = nameToken?.kind === TokenKind.Word || nameToken?.kind === TokenKind.QuotedIdentifier;
    const beforeName = previous >= 0 ? this.#before[previous]! : -1;
    const method = named && beforeName >= 0 && this.#tokens[beforeName]!.kind === TokenKind.Dot;

    const isRow =
      parent.values !== undefined && (this.#isWordAt(previous, "VALUES") || nameToken?.kind === TokenKind.Comma);
    if (isRow && this.#isWordAt(previous, "VALUES")) {
      parent.values!.rowStartText = this.#text.length + this.#pending.length;
      parent.values!.rowStartKey = this.#key.length;
    }

    this.#emit("(", "(");
    this.#frames.push(newFrame(named ? nameToken.value.toLowerCase() : undefined, method, isRow));
    return i;
  }

  #rightParen(): void {
    this.#emit(")", ")");
    if (this.#frames.length === 1) {
      return;
    }
    const closed = this.#frames.pop()!;
    const values = this.#frame.values;
    if (!closed.isRow || values === undefined) {
      return;
    }

    const row = this.#key.slice(values.rowStartKey).replace(/^\s*,?\s*/, "");
    if (row === values.previousRow) {
      this.#text = this.#text.slice(0, values.rowStartText);
      this.#key = this.#key.slice(0, values.rowStartKey);
      this.#pending = "";
    } else {
      values.previousRow = row;
    }
    values.rowStartText = this.#text.length;
    values.rowStartKey = this.#key.length;
    values.afterRow = true;
  }

  /**
   * Writes `IN (list)` of literals as one placeholder of each type.
   * Returns the index of the closing parenthesis, or -1 when the list
   * contains anything else.
   */
  #collapseInList(open: number): number {
    const placeholders: string[] = [];
    let j = this.#after[open]!;
    for (;;) {
      if (j >= 0 && this.#isUnarySign(j) && NUMBERS.has(this.#tokens[this.#after[j]!]?.kind ?? TokenKind.EndOfInput)) {
        j = this.#after[j]!;
      }
      const item = j >= 0 ? this.#tokens[j]! : undefined;
      if (item === undefined || !LITERALS.has(item.kind)) {
        return -1;
      }
      placeholders.push(placeholderOf(item));

      j = this.#after[j]!;
      const next = j >= 0 ? this.#tokens[j]!.kind : TokenKind.EndOfInput;
      if (next === TokenKind.RightParen) {
        break;
      }
      if (next !== TokenKind.Comma) {
        return -1;
      }
      j = this.#after[j]!;
    }

    const distinct = [...new Set(placeholders)];
    this.#emit(`(${distinct.join(", ")})`, undefined);
    this.#key += ` ( ${distinct.join(" , ")} )`;
    return j;
  }

  /** Whether the literal at `i` is code that stays as written. */
  #keepsLiteral(i: number): boolean {
    const token = this.#tokens[i]!;
    let previous = this.#before[i]!;
    if (previous >= 0 && NUMBERS.has(token.kind) && this.#isUnarySign(previous)) {
      previous = this.#before[previous]!;
    }
    const next = this.#after[i]!;
    const previousKind = previous >= 0 ? this.#tokens[previous]!.kind : TokenKind.EndOfInput;
    const nextKind = next >= 0 ? this.#tokens[next]!.kind : TokenKind.EndOfInput;

    if (this.#frames.some((f) => f.name === "option")) {
      return true;
    }
    const whole =
      (previousKind === TokenKind.LeftParen || previousKind === TokenKind.Comma) &&
      (nextKind === TokenKind.Comma || nextKind === TokenKind.RightParen);
    if (keepsArgument(this.#frame, whole)) {
      return true;
    }

    if (this.#isSetOption(previous)) {
      return true;
    }

    // ORDER BY 2 names the second column of the select list.
    const itemStart = previousKind === TokenKind.Comma || this.#isWordAt(previous, "BY");
    const itemEnd =
      nextKind === TokenKind.Comma ||
      nextKind === TokenKind.RightParen ||
      nextKind === TokenKind.Semicolon ||
      nextKind === TokenKind.EndOfInput ||
      (nextKind === TokenKind.Word && isReservedKeyword(this.#tokens[next]!.value)) ||
      this.#isWordAt(next, "OFFSET");
    return token.kind === TokenKind.Integer && this.#frame.orderBy && itemStart && itemEnd;
  }

  /** Whether the sign at `i` belongs to a number that is masked, and so goes with it. */
  #dropsSign(i: number): boolean {
    const next = this.#after[i]!;
    return next >= 0 && NUMBERS.has(this.#tokens[next]!.kind) && this.#isUnarySign(i) && !this.#keepsLiteral(next);
  }

  /** Whether the `+` or `-` at `i` is a sign rather than an operator. */
  #isUnarySign(i: number): boolean {
    const kind = this.#tokens[i]!.kind;
    if (kind !== TokenKind.Minus && kind !== TokenKind.Plus) {
      return false;
    }
    const previous = this.#before[i]!;
    if (previous < 0) {
      return true;
    }
    const token = this.#tokens[previous]!;
    if (token.kind === TokenKind.Word && this.#isSetOption(previous)) {
      return true;
    }
    if (token.kind === TokenKind.Word) {
      return isReservedKeyword(token.value) && !OPERAND_KEYWORDS.has(token.value);
    }
    return !OPERANDS.has(token.kind);
  }

  #space(whitespace: string): void {
    const lastBreak = Math.max(whitespace.lastIndexOf("\n"), whitespace.lastIndexOf("\r"));
    if (lastBreak >= 0) {
      this.#pending = "\n" + whitespace.slice(lastBreak + 1);
    } else if (this.#pending === "") {
      this.#pending = " ";
    }
  }

  /** Appends display text, and a key piece unless `keyPiece` is undefined. */
  #emit(text: string, keyPiece: string | undefined): void {
    if (this.#text !== "") {
      this.#text += this.#pending;
    }
    this.#pending = "";
    this.#text += text;
    if (keyPiece !== undefined) {
      this.#key += this.#key === "" ? keyPiece : ` ${keyPiece}`;
    }
  }

  get #frame(): Frame {
    return this.#frames[this.#frames.length - 1]!;
  }

  #isSignificant(i: number): boolean {
    const kind = this.#tokens[i]!.kind;
    return kind !== TokenKind.EndOfInput && !isTrivia(kind);
  }

  /** Whether the token at `i` is the option of `SET ROWCOUNT 10` and the like. */
  #isSetOption(i: number): boolean {
    const token = i >= 0 ? this.#tokens[i]! : undefined;
    return (
      token?.kind === TokenKind.Word &&
      SET_OPTIONS_WITH_LITERAL.has(token.value) &&
      this.#isWordAt(this.#before[i]!, "SET")
    );
  }

  #isWordAt(i: number, upper: string): boolean {
    const token = i >= 0 ? this.#tokens[i] : undefined;
    return token?.kind === TokenKind.Word && token.value === upper;
  }
}

function newFrame(name: string | undefined, method: boolean, isRow: boolean): Frame {
  return { name, method, argument: 0, orderBy: false, values: undefined, isRow };
}
