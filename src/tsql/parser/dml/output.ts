/**
 * The OUTPUT clause of INSERT, UPDATE, DELETE and MERGE. Reference: "OUTPUT
 * clause (Transact-SQL)", SQL Server 2022: `OUTPUT list INTO target
 * [(columns)]`, optionally followed by a second `OUTPUT list` that returns
 * rows to the client.
 */

import type { OutputClause, OutputIntoClause } from "../../ast/dml.js";
import type { Identifier } from "../../ast/node.js";
import type {
  NamedTableReference,
  SelectColumn,
  VariableTableReference,
} from "../../ast/query.js";
import { TokenKind } from "../../lexer/token.js";
import { isBareAlias } from "../aliases.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import { aliasFromToken } from "../select.js";
import { atColumnList, parseColumnList } from "./target.js";

export interface OutputClauses {
  readonly outputInto?: OutputIntoClause;
  readonly output?: OutputClause;
}

/** Reads `[OUTPUT ... INTO ...] [OUTPUT ...]`, or nothing when absent. */
export function parseOutputClauses(p: Parser): OutputClauses {
  if (!p.isWord("OUTPUT")) {
    return {};
  }

  const first = parseOutput(p);
  if (first.kind === "OutputClause") {
    return { output: first };
  }
  if (!p.isWord("OUTPUT")) {
    return { outputInto: first };
  }

  // After OUTPUT ... INTO, a second OUTPUT can only return rows to the
  // client.
  const mark = p.mark();
  p.expectWord("OUTPUT");
  const columns = p.parseCommaList(() => parseOutputColumn(p));
  if (p.isWord("INTO")) {
    p.fail("the end of the second OUTPUT clause (only the first takes INTO)");
  }
  const output = p.finish<OutputClause>(mark, {
    kind: "OutputClause",
    columns,
  });
  return { outputInto: first, output };
}

function parseOutput(p: Parser): OutputClause | OutputIntoClause {
  const mark = p.mark();
  p.expectWord("OUTPUT");
  const columns = p.parseCommaList(() => parseOutputColumn(p));
  if (!p.eatWord("INTO")) {
    return p.finish<OutputClause>(mark, { kind: "OutputClause", columns });
  }

  const into = parseOutputTable(p);
  const intoColumns = atColumnList(p) ? parseColumnList(p) : [];
  return p.finish<OutputIntoClause>(mark, {
    kind: "OutputIntoClause",
    columns,
    into,
    intoColumns,
  });
}

function parseOutputTable(
  p: Parser,
): NamedTableReference | VariableTableReference {
  const mark = p.mark();
  const t = p.token;
  if (t.kind === TokenKind.Variable) {
    p.advance();
    const variable = p.finish(mark, {
      kind: "VariableReference" as const,
      name: t.text,
    });
    return p.finish<VariableTableReference>(mark, {
      kind: "VariableTableReference",
      variable,
    });
  }
  const name = p.parseSchemaObjectName(
    "a table or table variable after OUTPUT ... INTO",
  );
  return p.finish<NamedTableReference>(mark, {
    kind: "NamedTableReference",
    name,
    hints: [],
  });
}

/**
 * Reads one column of the list: `inserted.*`, `deleted.col`, `$action` or
 * an expression, with an alias written `AS x`, `x`, `'x'` or `x = expr`.
 */
function parseOutputColumn(p: Parser): SelectColumn {
  const mark = p.mark();
  if (p.isIdentifier() && p.isKind(TokenKind.Equals, 1)) {
    const alias = p.parseIdentifier();
    p.advance();
    const expression = parseExpression(p);
    return p.finish<SelectColumn>(mark, {
      kind: "SelectColumn",
      expression,
      alias,
      aliasStyle: "equals",
    });
  }

  const expression = parseExpression(p);
  let alias: Identifier | undefined;
  let aliasStyle: SelectColumn["aliasStyle"];
  if (p.eatWord("AS")) {
    aliasStyle = isStringToken(p) ? "string" : "as";
    alias = aliasFromToken(p);
  } else if (isStringToken(p)) {
    aliasStyle = "string";
    alias = aliasFromToken(p);
  } else if (isBareAlias(p)) {
    aliasStyle = "bare";
    alias = p.parseIdentifier();
  }

  return p.finish<SelectColumn>(mark, {
    kind: "SelectColumn",
    expression,
    ...(alias ? { alias, aliasStyle } : {}),
  });
}

function isStringToken(p: Parser): boolean {
  return p.isKind(TokenKind.String) || p.isKind(TokenKind.NString);
}
