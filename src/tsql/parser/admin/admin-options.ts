/**
 * Option lists of administration statements. They follow the shape of the
 * generic options in ../options.ts and add forms found only here: a bare
 * value word (`RECOVERY SIMPLE`), multi-word names and values
 * (`PARTNER SAFETY FULL`, `AUTHENTICATION = WINDOWS NEGOTIATE`), ranges
 * (`CPU = 0 TO 3`), `MOVE 'a' TO 'b'`, `STOPATMARK = 'm' AFTER 'time'`,
 * `EXECUTE AS SELF` and nested lists after `=`.
 */

import type { OptionNode, OptionValue } from "../../ast/node.js";
import { isReservedKeyword } from "../../lexer/keywords.js";
import { TokenKind } from "../../lexer/token.js";
import { parseOptionValue } from "../options.js";
import type { Parser } from "../parser.js";
import { appendAll } from "../../../util/arrays.js";

/** Reserved words that are option values: `RECOVERY FULL`, `AUTO_CLOSE OFF`. */
const VALUE_KEYWORDS = new Set(["ON", "OFF", "DEFAULT", "FULL", "NULL", "PRIMARY", "ALL"]);

/**
 * Options whose value names an object, so an unquoted word keeps its case
 * as a name instead of becoming an upper-case keyword value.
 */
const NAME_VALUED_OPTIONS = new Set([
  "NAME",
  "NEWNAME",
  "HADR AVAILABILITY GROUP",
  "SERVER CERTIFICATE",
  "SERVER ASYMMETRIC KEY",
  "PROCEDURE_NAME",
  "USER",
  "CREDENTIAL",
  "DATA_SOURCE",
  "FILE_FORMAT",
  "CLASSIFIER_FUNCTION",
  "CONTRACT_NAME",
  "LOCAL_SERVICE_NAME",
  "PERSISTENT_VERSION_STORE_FILEGROUP",
  "SEARCH PROPERTY LIST",
  "DEFAULT_LANGUAGE",
  "DEFAULT_FULLTEXT_LANGUAGE",
]);

/** Two-word options without a value, which would otherwise read as `name value`. */
const FLAG_PHRASES = new Set(["NO POPULATION", "UNCHECKED DATA", "NO DEPENDENTS"]);

/** Reads `option [, option ...]`. */
export function parseAdminOptionList(p: Parser): OptionNode[] {
  return p.parseCommaList(() => parseAdminOption(p));
}

/** Reads `( option [, option ...] )`; `()` gives an empty list. */
export function parseParenthesizedAdminOptions(p: Parser): OptionNode[] {
  p.expect(TokenKind.LeftParen, "'('");
  if (p.eat(TokenKind.RightParen)) {
    return [];
  }
  p.enter();
  const options = parseAdminOptionList(p);
  p.expect(TokenKind.RightParen, "')' to close the option list");
  p.leave();
  return options;
}

/**
 * Reads `name = value` options whose separating commas are optional, as
 * in the WITH clauses of Service Broker statements.
 */
export function parseLooseOptionList(p: Parser): OptionNode[] {
  const options = [parseAdminOption(p)];
  for (;;) {
    const offset = p.isKind(TokenKind.Comma) ? 1 : 0;
    if (!startsNamedOption(p, offset)) {
      break;
    }
    p.pos += offset;
    options.push(parseAdminOption(p));
  }
  return options;
}

/** True at `name =` or `name name =`, as in `AFFINITY SCHEDULER = AUTO`. */
function startsNamedOption(p: Parser, offset: number): boolean {
  if (!p.isKind(TokenKind.Word, offset)) {
    return false;
  }
  if (p.isKind(TokenKind.Equals, offset + 1)) {
    return true;
  }
  return p.isKind(TokenKind.Word, offset + 1) && p.isKind(TokenKind.Equals, offset + 2);
}

/** Reads the list after WITH, with or without parentheses. */
export function parseWithOptions(p: Parser): OptionNode[] {
  p.expectWord("WITH");
  if (p.isKind(TokenKind.LeftParen)) {
    return parseParenthesizedAdminOptions(p);
  }
  return parseAdminOptionList(p);
}

/** Reads one option: a name, then `= value`, a bare value or nested options. */
export function parseAdminOption(p: Parser): OptionNode {
  const mark = p.mark();
  if (p.isWord("MOVE")) {
    return parseMoveOption(p);
  }

  const name = parseOptionName(p);
  let value: OptionValue | undefined;
  let options: OptionNode[] | undefined;

  if (p.eat(TokenKind.Equals)) {
    if (p.isKind(TokenKind.LeftParen)) {
      const nested = parseParenthesizedValue(p, false);
      if (Array.isArray(nested)) {
        options = nested;
      } else {
        value = nested;
      }
    } else if (NAME_VALUED_OPTIONS.has(name) && p.isIdentifier()) {
      value = { type: "name", value: p.parseSchemaObjectName() };
    } else {
      value = parseValueWords(p);
      if (p.isWord("AFTER") && (name === "STOPATMARK" || name === "STOPBEFOREMARK")) {
        options = [parseAfterOption(p)];
      }
    }
  } else if (!p.isKind(TokenKind.LeftParen)) {
    value = parseBareValue(p);
  }

  if (options === undefined && p.isKind(TokenKind.LeftParen)) {
    const nested = parseParenthesizedValue(p, true);
    if (Array.isArray(nested)) {
      options = nested;
    } else {
      value = nested;
    }
  }

  return p.finish<OptionNode>(mark, {
    kind: "Option",
    name,
    ...(value ? { value } : {}),
    ...(options ? { options } : {}),
  });
}

/**
 * Reads the option name. A following word on the same line joins the name
 * when another name part, `=` or a value comes after it, as in `PARTNER
 * SAFETY FULL` or `HADR AVAILABILITY GROUP = ag`. Otherwise it is the value.
 */
function parseOptionName(p: Parser): string {
  const first = p.token;
  if (first.kind !== TokenKind.Word && first.kind !== TokenKind.QuotedIdentifier) {
    p.fail("an option name");
  }
  if (first.kind === TokenKind.Word && ["WITH", "FOR", "AS"].includes(first.value)) {
    p.fail("an option name");
  }
  p.advance();
  const words = [first.kind === TokenKind.Word ? first.value : first.value.toUpperCase()];

  if (words[0] === "EXECUTE" && p.eatWord("AS")) {
    return "EXECUTE AS";
  }

  while (continuesName(p, words)) {
    words.push(p.advance().value);
  }
  return words.join(" ");
}

function continuesName(p: Parser, words: readonly string[]): boolean {
  const t = p.token;
  if (t.kind !== TokenKind.Word || p.afterNewline()) {
    return false;
  }
  if (FLAG_PHRASES.has(`${words.join(" ")} ${t.value}`)) {
    return true;
  }
  if (t.value === "WITH" || t.value === "AS") {
    return false;
  }

  const next = p.peek(1);
  if (next.kind === TokenKind.Equals) {
    return true;
  }
  if (isReservedKeyword(t.value) || p.afterNewline(1)) {
    return false;
  }
  if (next.kind === TokenKind.Integer) {
    return true;
  }
  return next.kind === TokenKind.Word && (isValueWord(next.value) || p.isKind(TokenKind.Equals, 2));
}

function isValueWord(upper: string): boolean {
  return !isReservedKeyword(upper) || VALUE_KEYWORDS.has(upper);
}

/** Reads a value written right after the name on the same line: `RECOVERY SIMPLE`, `PARTNER TIMEOUT 10`. */
function parseBareValue(p: Parser): OptionValue | undefined {
  const t = p.token;
  if (p.afterNewline()) {
    return undefined;
  }
  switch (t.kind) {
    case TokenKind.String:
    case TokenKind.NString:
    case TokenKind.Integer:
    case TokenKind.Decimal:
    case TokenKind.Binary:
    case TokenKind.Variable:
      return parseOptionValue(p);
    case TokenKind.Word:
      if (!isValueWord(t.value) || t.value === "WITH") {
        return undefined;
      }
      p.advance();
      return { type: "word", value: t.text };
    default:
      return undefined;
  }
}

/**
 * Reads the value after `=`. A word value takes the unreserved words that
 * follow it on the same line: `REQUIRED ALGORITHM AES`. A number may be a
 * range: `0 TO 3`.
 */
function parseValueWords(p: Parser): OptionValue {
  if (p.isKind(TokenKind.Decimal) && isAdjacentDecimal(p, 1)) {
    return parseIpv4Address(p);
  }
  const value = parseOptionValue(p);
  if (value.type === "number" && p.isWord("TO")) {
    p.advance();
    const high = parseOptionValue(p);
    return { type: "word", value: `${value.value} TO ${describeValue(high)}` };
  }
  if (value.type !== "word") {
    return value;
  }

  const words = [value.value];
  while (
    p.isKind(TokenKind.Word) &&
    !p.afterNewline() &&
    !isReservedKeyword(p.token.value) &&
    !p.isKind(TokenKind.Equals, 1)
  ) {
    words.push(p.advance().text);
  }
  return words.length === 1 ? value : { type: "word", value: words.join(" ") };
}

function isAdjacentDecimal(p: Parser, offset: number): boolean {
  const t = p.peek(offset);
  return t.kind === TokenKind.Decimal && t.text.startsWith(".") && t.start === p.peek(offset - 1).end;
}

/** Reads an unquoted IPv4 address, `LISTENER_IP = (10.0.0.1)`, which lexes as decimals. */
function parseIpv4Address(p: Parser): OptionValue {
  let text = p.advance().text;
  while (isAdjacentDecimal(p, 0)) {
    text += p.advance().text;
  }
  return { type: "word", value: text };
}

function describeValue(value: OptionValue): string {
  switch (value.type) {
    case "name":
      return value.value.name.value;
    case "list":
      return value.values.map(describeValue).join(", ");
    case "options":
      return value.options.map((option) => option.name).join(", ");
    default:
      return value.value;
  }
}

/**
 * Reads `( ... )`: nested options when the first item looks like `name =
 * value` or `name value`, otherwise a list of values. `preferOptions` also
 * reads a single word, as in `ACTIVATION (DROP)`, as an option.
 */
function parseParenthesizedValue(p: Parser, preferOptions: boolean): OptionValue | OptionNode[] {
  const first = p.peek(1);
  const second = p.peek(2);
  const named = first.kind === TokenKind.Word || first.kind === TokenKind.QuotedIdentifier;
  const looksLikeOptions =
    named &&
    (second.kind === TokenKind.Equals ||
      second.kind === TokenKind.Word ||
      second.kind === TokenKind.LeftParen ||
      (preferOptions && (second.kind === TokenKind.RightParen || second.kind === TokenKind.Comma)));
  if (looksLikeOptions) {
    return parseParenthesizedAdminOptions(p);
  }
  return parseValueList(p);
}

/** Reads `( value, ... )` as a list. Items may be lists and ranges such as `0 TO 3`. */
export function parseValueList(p: Parser): OptionValue {
  p.enter();
  p.expect(TokenKind.LeftParen, "'('");
  const values: OptionValue[] = [];
  if (!p.isKind(TokenKind.RightParen)) {
    appendAll(values, p.parseCommaList(() => parseListItem(p)));
  }
  p.expect(TokenKind.RightParen, "')'");
  p.leave();
  return { type: "list", values };
}

function parseListItem(p: Parser): OptionValue {
  if (p.isKind(TokenKind.LeftParen)) {
    const nested = parseParenthesizedValue(p, false);
    return Array.isArray(nested) ? { type: "options", options: nested } : nested;
  }
  return parseValueWords(p);
}

/** Reads `MOVE 'logical_name' TO 'operating_system_file'` of RESTORE. */
function parseMoveOption(p: Parser): OptionNode {
  const mark = p.mark();
  p.expectWord("MOVE");
  const from = parseOptionValue(p);
  p.expectWord("TO");
  const to = parseOptionValue(p);
  return p.finish<OptionNode>(mark, {
    kind: "Option",
    name: "MOVE",
    value: { type: "list", values: [from, to] },
  });
}

/** Reads `AFTER 'datetime'` of STOPATMARK and STOPBEFOREMARK. */
function parseAfterOption(p: Parser): OptionNode {
  const mark = p.mark();
  p.expectWord("AFTER");
  const value = parseOptionValue(p);
  return p.finish<OptionNode>(mark, { kind: "Option", name: "AFTER", value });
}
