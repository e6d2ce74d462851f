/**
 * Generic `name [= value]` options, as found in WITH (...) lists of indexes
 * and tables, FOR XML directives and ALTER DATABASE ... SET. The analysis
 * needs these by name and value; each family decides where a list starts
 * and ends.
 */

import type { OptionNode, OptionValue } from "../ast/node.js";
import { isReservedKeyword } from "../lexer/keywords.js";
import { TokenKind } from "../lexer/token.js";
import type { Parser } from "./parser.js";
import { appendAll } from "../../util/arrays.js";

/** Reserved words that are option values rather than the end of an option. */
const VALUE_KEYWORDS = new Set(["ON", "OFF", "DEFAULT", "FULL", "NULL", "PRIMARY", "ALL", "NONCLUSTERED", "CLUSTERED"]);

const SIZE_UNITS = new Set(["KB", "MB", "GB", "TB", "PERCENT", "MINUTE", "MINUTES", "HOUR", "HOURS", "DAY", "DAYS", "WEEK", "WEEKS", "MONTH", "MONTHS", "YEAR", "YEARS", "SECONDS", "ROWS"]);

/** Reads `option [, option ...]`. */
export function parseOptionList(p: Parser): OptionNode[] {
  return p.parseCommaList(() => parseOption(p));
}

/** Reads `( option [, option ...] )`. */
export function parseParenthesizedOptions(p: Parser): OptionNode[] {
  p.expect(TokenKind.LeftParen, "'('");
  if (p.eat(TokenKind.RightParen)) {
    return [];
  }
  const options = parseOptionList(p);
  p.expect(TokenKind.RightParen, "')' to close the option list");
  return options;
}

/**
 * Reads one option. Its name is the run of words before `=`, `(`, a comma
 * or a reserved word; a trailing ON or OFF becomes the value, so
 * `READ_COMMITTED_SNAPSHOT ON` is named READ_COMMITTED_SNAPSHOT with value ON.
 */
export function parseOption(p: Parser): OptionNode {
  const mark = p.mark();
  const words: string[] = [];
  while (isNameWord(p, words.length === 0)) {
    words.push(p.advance().value);
  }
  if (words.length === 0) {
    p.fail("an option name");
  }
  const lastWord = p.peek(-1);

  let value: OptionValue | undefined;
  let options: OptionNode[] | undefined;
  if (p.eat(TokenKind.Equals)) {
    value = parseOptionValue(p);
    if (p.isKind(TokenKind.LeftParen)) {
      options = parseParenthesizedOptions(p);
    }
  } else if (p.isKind(TokenKind.LeftParen)) {
    const nested = parseParenthesizedValue(p);
    if (Array.isArray(nested)) {
      options = nested;
    } else {
      value = nested;
    }
  } else if (words.length >= 2 && (words[words.length - 1] === "ON" || words[words.length - 1] === "OFF")) {
    words.pop();
    value = { type: "word", value: lastWord.text };
  } else if (isValueToken(p)) {
    value = parseOptionValue(p);
  }

  return p.finish<OptionNode>(mark, {
    kind: "Option",
    name: words.join(" "),
    ...(value ? { value } : {}),
    ...(options ? { options } : {}),
  });
}

function isNameWord(p: Parser, first: boolean): boolean {
  const t = p.token;
  if (t.kind !== TokenKind.Word) {
    return false;
  }
  if (!isReservedKeyword(t.value)) {
    return true;
  }
  return VALUE_KEYWORDS.has(t.value) || (first && !["WITH", "FOR", "AS"].includes(t.value));
}

function isValueToken(p: Parser): boolean {
  const kind = p.token.kind;
  return (
    kind === TokenKind.String ||
    kind === TokenKind.NString ||
    kind === TokenKind.Integer ||
    kind === TokenKind.Decimal ||
    kind === TokenKind.Float ||
    kind === TokenKind.Binary
  );
}

/**
 * Reads the value after `=`: a word (as written), a string, a number with
 * its unit, a name, a list, or nested options.
 */
export function parseOptionValue(p: Parser): OptionValue {
  const t = p.token;
  switch (t.kind) {
    case TokenKind.String:
    case TokenKind.NString:
      p.advance();
      return { type: "string", value: t.value };
    case TokenKind.Minus:
    case TokenKind.Integer:
    case TokenKind.Decimal:
    case TokenKind.Float:
    case TokenKind.Binary:
      return parseNumberValue(p);
    case TokenKind.Variable:
      p.advance();
      return { type: "word", value: t.text };
    case TokenKind.LeftParen: {
      const nested = parseParenthesizedValue(p);
      return Array.isArray(nested) ? { type: "options", options: nested } : nested;
    }
    case TokenKind.Word:
    case TokenKind.QuotedIdentifier:
      if (p.isKind(TokenKind.Dot, 1) || t.kind === TokenKind.QuotedIdentifier) {
        return { type: "name", value: p.parseSchemaObjectName() };
      }
      p.advance();
      return { type: "word", value: t.text };
    default:
      return p.fail("an option value");
  }
}

function parseNumberValue(p: Parser): OptionValue {
  let text = "";
  if (p.eat(TokenKind.Minus)) {
    text = "-";
  }
  const t = p.token;
  if (t.kind !== TokenKind.Integer && t.kind !== TokenKind.Decimal && t.kind !== TokenKind.Float && t.kind !== TokenKind.Binary) {
    p.fail("a number");
  }
  p.advance();
  text += t.text;
  if (p.eat(TokenKind.Percent)) {
    text += "%";
  } else if (p.isAnyWord(SIZE_UNITS)) {
    text += ` ${p.advance().value}`;
  }
  return { type: "number", value: text };
}

/**
 * Reads `( ... )` after an option name: nested options when the first item
 * looks like `name = value`, otherwise a list of values.
 */
function parseParenthesizedValue(p: Parser): OptionValue | OptionNode[] {
  const looksLikeOptions =
    p.isKind(TokenKind.Word, 1) &&
    (p.isKind(TokenKind.Equals, 2) || p.isKind(TokenKind.Word, 2) || p.isKind(TokenKind.LeftParen, 2));
  if (looksLikeOptions) {
    return parseParenthesizedOptions(p);
  }

  p.expect(TokenKind.LeftParen, "'('");
  const values: OptionValue[] = [];
  if (!p.isKind(TokenKind.RightParen)) {
    appendAll(values, p.parseCommaList(() => parseOptionValue(p)));
  }
  p.expect(TokenKind.RightParen, "')'");
  return { type: "list", values };
}
