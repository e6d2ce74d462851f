/**
 * PolyBase and Machine Learning external objects: data sources, file
 * formats, tables, libraries and languages. Reference: "CREATE EXTERNAL
 * DATA SOURCE", "CREATE EXTERNAL FILE FORMAT", "CREATE EXTERNAL TABLE",
 * "CREATE EXTERNAL TABLE AS SELECT", "CREATE EXTERNAL LIBRARY" and
 * "CREATE EXTERNAL LANGUAGE", SQL Server 2022.
 */

import type {
  CreateExternalTableStatement,
  ExternalObjectStatement,
  ExternalTableColumn,
} from "../../ast/admin.js";
import type { Identifier, OptionNode } from "../../ast/node.js";
import type { SelectStatement } from "../../ast/query.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseSelectStatement } from "../select.js";
import { parseAdminOptionList, parseParenthesizedAdminOptions, parseWithOptions } from "./admin-options.js";
import { parseOwner } from "./clauses.js";
import { appendAll } from "../../../util/arrays.js";

type ExternalKind = ExternalObjectStatement["kind"];

/**
 * CREATE EXTERNAL DATA SOURCE | FILE FORMAT name WITH ( ... ), and ALTER
 * EXTERNAL DATA SOURCE name SET option = value, ...
 */
export function parseExternalOptionsObject(
  p: Parser,
  context: StatementContext,
  words: readonly string[],
  kind: ExternalKind,
): ExternalObjectStatement {
  p.expectWords(...words);
  const name = p.parseName("a name");
  let options: OptionNode[];
  if (p.eatWord("SET")) {
    options = parseAdminOptionList(p);
  } else {
    options = parseWithOptions(p);
  }
  return p.finish<ExternalObjectStatement>(context.mark, { kind, name, content: [], options });
}

/**
 * CREATE | ALTER EXTERNAL LIBRARY l [AUTHORIZATION o] FROM | SET (CONTENT =
 * ..., PLATFORM = ...) [, ...] WITH (LANGUAGE = '...'), and the same for
 * EXTERNAL LANGUAGE, whose ALTER also has ADD and REMOVE PLATFORM.
 */
export function parseExternalLibraryOrLanguage(
  p: Parser,
  context: StatementContext,
  create: boolean,
): ExternalObjectStatement {
  p.expectWord("EXTERNAL");
  const language = p.expectOneOf(["LIBRARY", "LANGUAGE"]) === "LANGUAGE";
  const name = p.parseName(language ? "an external language name" : "an external library name");
  const owner = parseOwner(p);

  const content: OptionNode[] = [];
  const mark = p.mark();
  if (!create && language && p.eatWords("REMOVE", "PLATFORM")) {
    const platform = p.parseName("a platform such as WINDOWS or LINUX").value.toUpperCase();
    content.push(p.finish<OptionNode>(mark, { kind: "Option", name: "REMOVE PLATFORM", value: { type: "word", value: platform } }));
  } else {
    let verbs = ["SET"];
    if (create) {
      verbs = ["FROM"];
    } else if (language) {
      verbs = ["SET", "ADD"];
    }
    const verb = p.expectOneOf(verbs);
    appendAll(content, p.parseCommaList(() => parseFileSpec(p, verb)));
  }
  const options: OptionNode[] = p.isWord("WITH") ? parseWithOptions(p) : [];

  const kind: ExternalKind = language
    ? create
      ? "CreateExternalLanguageStatement"
      : "AlterExternalLanguageStatement"
    : create
      ? "CreateExternalLibraryStatement"
      : "AlterExternalLibraryStatement";
  return p.finish<ExternalObjectStatement>(context.mark, {
    kind,
    name,
    ...(owner ? { owner } : {}),
    content,
    options,
  });
}

function parseFileSpec(p: Parser, verb: string): OptionNode {
  const mark = p.mark();
  const options = parseParenthesizedAdminOptions(p);
  return p.finish<OptionNode>(mark, { kind: "Option", name: verb, options });
}

/**
 * CREATE EXTERNAL TABLE t ( columns ) WITH ( ... ), or CREATE EXTERNAL
 * TABLE t [( column names )] WITH ( ... ) AS SELECT ... (CETAS).
 */
export function parseCreateExternalTable(p: Parser, context: StatementContext): CreateExternalTableStatement {
  p.expectWords("EXTERNAL", "TABLE");
  const name = p.parseSchemaObjectName("an external table name");
  let columns: ExternalTableColumn[] = [];
  if (p.eat(TokenKind.LeftParen)) {
    columns = p.parseCommaList(() => parseColumn(p));
    p.expect(TokenKind.RightParen, "')' to close the column list");
  }
  const options = parseWithOptions(p);

  let asSelect: SelectStatement | undefined;
  if (p.eatWord("AS")) {
    asSelect = parseSelectStatement(p, p.mark());
  }
  return p.finish<CreateExternalTableStatement>(context.mark, {
    kind: "CreateExternalTableStatement",
    name,
    columns,
    options,
    ...(asSelect ? { asSelect } : {}),
  });
}

/** `name type [COLLATE c] [NULL | NOT NULL]`; CETAS column lists have names only. */
function parseColumn(p: Parser): ExternalTableColumn {
  const mark = p.mark();
  const name = p.parseName("a column name");
  if (p.isKind(TokenKind.Comma) || p.isKind(TokenKind.RightParen)) {
    return p.finish<ExternalTableColumn>(mark, { kind: "ExternalTableColumn", name });
  }
  const dataType = p.parseDataType();
  const collation: Identifier | undefined = p.eatWord("COLLATE") ? p.parseName("a collation name") : undefined;
  let nullable: boolean | undefined;
  if (p.eatWords("NOT", "NULL")) {
    nullable = false;
  } else if (p.eatWord("NULL")) {
    nullable = true;
  }
  return p.finish<ExternalTableColumn>(mark, {
    kind: "ExternalTableColumn",
    name,
    dataType,
    ...(collation ? { collation } : {}),
    ...(nullable === undefined ? {} : { nullable }),
  });
}
