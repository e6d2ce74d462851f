/**
 * Turns a joined string into the T-SQL statement that is assessed, or
 * rejects it. Holes (non-literal parts) become `@__dynamic1`, `@__dynamic2`
 * and so on, and driver parameter markers become T-SQL variables: `?`
 * (JDBC, ODBC, pyodbc) and `%s` (pymssql) become `@__param1`..., and
 * `:name` and `%(name)s` become `@name`. Both keep the statement parseable
 * and point at the source position of what they replace.
 */

import { lex } from "../../tsql/lexer/lexer.js";
import { LazyTokens } from "../../tsql/lexer/lexer.js";
import { type Token, TokenKind } from "../../tsql/lexer/token.js";
import type { JoinedString } from "./join.js";
import type { MappedText } from "./mapped-text.js";
import { rewrite, type TextEdit } from "./rewrite.js";
import { judgeSql, STATEMENT_KEYWORDS, type SqlVerdict } from "./sql-test.js";
import { HOLE } from "./tokens.js";

export interface BuiltStatement {
  readonly text: MappedText;
  /** Non-literal parts replaced by placeholders. */
  readonly dynamicParts: number;
  /** Parameter markers replaced by variables. */
  readonly parameters: number;
}

export type StatementResult =
  | { readonly kind: "sql"; readonly statement: BuiltStatement }
  | { readonly kind: "unterminated" }
  | { readonly kind: "not-sql" };

const FORMAT_FIELD = /\{\{|\}\}|\{[^{}]*\}/g;

/** Builds and judges the statement of `joined`; `knownCall` accepts any statement keyword or a bare procedure name. */
export function buildStatement(joined: JoinedString, knownCall: boolean): StatementResult {
  let text = joined.value;
  if (!knownCall && !startsWithKeyword(text.text)) {
    return { kind: "not-sql" };
  }

  if (joined.formatFields) {
    text = rewrite(text, formatFieldEdits(text.text));
  }
  let dynamicParts = 0;
  const holes: TextEdit[] = [];
  for (let at = text.text.indexOf(HOLE); at >= 0; at = text.text.indexOf(HOLE, at + 1)) {
    dynamicParts++;
    holes.push({ start: at, end: at + 1, text: `@__dynamic${dynamicParts}` });
  }
  text = rewrite(text, holes);

  let tokens = significantTokens(text.text);
  const markers = markerEdits(tokens);
  if (markers.length > 0) {
    text = rewrite(text, markers);
    tokens = significantTokens(text.text);
  }

  const verdict: SqlVerdict = judgeSql(tokens, knownCall);
  if (verdict !== "sql") {
    return { kind: verdict };
  }
  return { kind: "sql", statement: { text, dynamicParts, parameters: markers.length } };
}

/** Tests the first token only, so that most strings are rejected without a full lex. */
function startsWithKeyword(text: string): boolean {
  const first = new LazyTokens(text, { trivia: false }).at(0);
  return first?.kind === TokenKind.Word && STATEMENT_KEYWORDS.has(first.value);
}

function significantTokens(text: string): Token[] {
  const tokens = lex(text, { trivia: false }).tokens;
  return tokens.slice(0, -1);
}

function formatFieldEdits(text: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const match of text.matchAll(FORMAT_FIELD)) {
    let replacement = HOLE;
    if (match[0] === "{{") {
      replacement = "{";
    } else if (match[0] === "}}") {
      replacement = "}";
    }
    edits.push({ start: match.index, end: match.index + match[0].length, text: replacement });
  }
  return edits;
}

/** Finds driver parameter markers outside strings, comments and quoted names. */
function markerEdits(tokens: readonly Token[]): TextEdit[] {
  const edits: TextEdit[] = [];
  let positional = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.kind === TokenKind.Invalid && t.text === "?") {
      edits.push({ start: t.start, end: t.end, text: `@__param${++positional}` });
    } else if (t.kind === TokenKind.Percent && next?.start === t.end && next.kind === TokenKind.Word && (next.value === "S" || next.value === "D")) {
      edits.push({ start: t.start, end: next.end, text: `@__param${++positional}` });
      i++;
    } else if (t.kind === TokenKind.Percent && next?.kind === TokenKind.LeftParen && next.start === t.end) {
      const name = tokens[i + 2];
      const close = tokens[i + 3];
      const s = tokens[i + 4];
      if (name?.kind === TokenKind.Word && close?.kind === TokenKind.RightParen && s?.value === "S" && s.start === close.end) {
        edits.push({ start: t.start, end: s.end, text: `@${name.text}` });
        i += 4;
      }
    } else if (t.kind === TokenKind.Colon && next?.kind === TokenKind.Word && next.start === t.end && !endsName(tokens[i - 1], t)) {
      edits.push({ start: t.start, end: next.end, text: `@${next.text}` });
      i++;
    }
  }
  return edits;
}

/** Returns whether `previous` touches the colon, as in `a:b`, which is no named parameter. */
function endsName(previous: Token | undefined, colon: Token): boolean {
  return previous !== undefined && previous.end === colon.start && previous.kind !== TokenKind.LeftParen && previous.kind !== TokenKind.Comma && previous.kind !== TokenKind.Equals;
}
