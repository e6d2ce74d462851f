/**
 * Full-text catalogs, stoplists and search property lists. Reference:
 * "CREATE FULLTEXT CATALOG", "ALTER FULLTEXT CATALOG", "CREATE FULLTEXT
 * STOPLIST", "ALTER FULLTEXT STOPLIST", "CREATE SEARCH PROPERTY LIST" and
 * "ALTER SEARCH PROPERTY LIST", SQL Server 2022.
 */

import type {
  AlterFullTextCatalogStatement,
  CreateFullTextCatalogStatement,
  FullTextStopListStatement,
  SearchPropertyListStatement,
} from "../../ast/admin.js";
import type { Expression } from "../../ast/expressions.js";
import type { Identifier, OptionNode, SchemaObjectName } from "../../ast/node.js";
import { parseArithmetic } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseParenthesizedAdminOptions, parseWithOptions } from "./admin-options.js";
import { parseOwner, parseStringOrVariable } from "./clauses.js";

/**
 * CREATE FULLTEXT CATALOG c [ON FILEGROUP fg] [IN PATH 'p']
 * [WITH ACCENT_SENSITIVITY = ON | OFF] [AS DEFAULT] [AUTHORIZATION o].
 */
export function parseCreateFullTextCatalog(p: Parser, context: StatementContext): CreateFullTextCatalogStatement {
  p.expectWords("FULLTEXT", "CATALOG");
  const name = p.parseName("a full-text catalog name");
  const fileGroup: Identifier | undefined = p.eatWords("ON", "FILEGROUP")
    ? p.parseName("a filegroup name")
    : undefined;
  const path: Expression | undefined = p.eatWords("IN", "PATH")
    ? parseStringOrVariable(p, "a root path as a string")
    : undefined;
  const options: OptionNode[] = p.isWord("WITH") ? parseWithOptions(p) : [];
  const isDefault = p.eatWords("AS", "DEFAULT");
  const owner = parseOwner(p);

  return p.finish<CreateFullTextCatalogStatement>(context.mark, {
    kind: "CreateFullTextCatalogStatement",
    name,
    ...(fileGroup ? { fileGroup } : {}),
    ...(path ? { path } : {}),
    options,
    isDefault,
    ...(owner ? { owner } : {}),
  });
}

/** ALTER FULLTEXT CATALOG c REBUILD [WITH ACCENT_SENSITIVITY = ...] | REORGANIZE | AS DEFAULT. */
export function parseAlterFullTextCatalog(p: Parser, context: StatementContext): AlterFullTextCatalogStatement {
  p.expectWords("FULLTEXT", "CATALOG");
  const name = p.parseName("a full-text catalog name");
  let action: AlterFullTextCatalogStatement["action"];
  let options: OptionNode[] = [];
  if (p.eatWords("AS", "DEFAULT")) {
    action = "AS DEFAULT";
  } else if (p.isWord("REBUILD") || p.isWord("REORGANIZE")) {
    action = p.advance().value as "REBUILD" | "REORGANIZE";
    if (action === "REBUILD" && p.isWord("WITH")) {
      options = parseWithOptions(p);
    }
  } else {
    return p.fail("REBUILD, REORGANIZE or AS DEFAULT");
  }
  return p.finish<AlterFullTextCatalogStatement>(context.mark, {
    kind: "AlterFullTextCatalogStatement",
    name,
    action,
    options,
  });
}

/**
 * CREATE FULLTEXT STOPLIST s [FROM [db.]source | FROM SYSTEM STOPLIST]
 * [AUTHORIZATION o], and ALTER FULLTEXT STOPLIST s ADD 'word' LANGUAGE l |
 * DROP { 'word' LANGUAGE l | ALL LANGUAGE l | ALL }.
 */
export function parseFullTextStopList(p: Parser, context: StatementContext, create: boolean): FullTextStopListStatement {
  p.expectWords("FULLTEXT", "STOPLIST");
  const name = p.parseName("a stoplist name");
  const kind = create ? "CreateFullTextStopListStatement" : "AlterFullTextStopListStatement";

  if (create) {
    let source: SchemaObjectName | "SYSTEM" | undefined;
    if (p.eatWords("FROM", "SYSTEM", "STOPLIST")) {
      source = "SYSTEM";
    } else if (p.eatWord("FROM")) {
      source = p.parseSchemaObjectName("a source stoplist name");
    }
    const owner = parseOwner(p);
    return p.finish<FullTextStopListStatement>(context.mark, {
      kind,
      name,
      ...(source ? { source } : {}),
      ...(owner ? { owner } : {}),
    });
  }

  let action: FullTextStopListStatement["action"];
  let word: Expression | undefined;
  if (p.eatWord("ADD")) {
    action = "ADD";
    word = parseStringOrVariable(p, "a stopword as a string");
  } else {
    p.expectWord("DROP");
    action = "DROP";
    if (p.eatWord("ALL")) {
      action = "DROP ALL";
    } else {
      word = parseStringOrVariable(p, "a stopword as a string, or ALL");
    }
  }
  // `DROP ALL` alone drops the words of every language.
  const language = p.eatWord("LANGUAGE") ? parseArithmetic(p) : undefined;
  if (language === undefined && action !== "DROP ALL") {
    p.fail("LANGUAGE and a language term after the stopword");
  }

  return p.finish<FullTextStopListStatement>(context.mark, {
    kind,
    name,
    action,
    ...(word ? { word } : {}),
    ...(language ? { language } : {}),
  });
}

/**
 * CREATE SEARCH PROPERTY LIST l [FROM [db.]source] [AUTHORIZATION o], and
 * ALTER SEARCH PROPERTY LIST l ADD 'name' WITH (...) | DROP 'name'.
 */
export function parseSearchPropertyList(
  p: Parser,
  context: StatementContext,
  create: boolean,
): SearchPropertyListStatement {
  p.expectWords("SEARCH", "PROPERTY", "LIST");
  const name = p.parseName("a search property list name");
  const kind = create ? "CreateSearchPropertyListStatement" : "AlterSearchPropertyListStatement";

  if (create) {
    const source = p.eatWord("FROM") ? p.parseSchemaObjectName("a source property list name") : undefined;
    const owner = parseOwner(p);
    return p.finish<SearchPropertyListStatement>(context.mark, {
      kind,
      name,
      ...(source ? { source } : {}),
      ...(owner ? { owner } : {}),
      options: [],
    });
  }

  const action = p.expectOneOf(["ADD", "DROP"]) as "ADD" | "DROP";
  const property = parseStringOrVariable(p, "a property name as a string");
  let options: OptionNode[] = [];
  if (action === "ADD") {
    p.expectWord("WITH");
    options = parseParenthesizedAdminOptions(p);
  }
  return p.finish<SearchPropertyListStatement>(context.mark, { kind, name, action, property, options });
}
