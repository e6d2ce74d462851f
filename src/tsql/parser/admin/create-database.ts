/**
 * CREATE DATABASE, including attach, database snapshots and the Azure SQL
 * Database forms. Reference: "CREATE DATABASE", SQL Server 2022 and Azure
 * SQL Database.
 */

import type { CreateDatabaseStatement, FileDeclaration, FileGroupDefinition } from "../../ast/admin.js";
import type { Identifier, OptionNode, SchemaObjectName } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseAdminOption, parseParenthesizedAdminOptions, parseWithOptions } from "./admin-options.js";
import { parseDataFileGroups, parseFileDeclarationList } from "./database-files.js";
import { appendAll } from "../../../util/arrays.js";

export function parseCreateDatabase(p: Parser, context: StatementContext): CreateDatabaseStatement {
  p.expectWord("DATABASE");
  const name = p.parseName("a database name");
  const options: OptionNode[] = [];

  let containment: string | undefined;
  if (p.isWord("CONTAINMENT") && p.isKind(TokenKind.Equals, 1)) {
    const option = parseAdminOption(p);
    containment = option.value?.type === "word" ? option.value.value.toUpperCase() : undefined;
  }

  let fileGroups: FileGroupDefinition[] = [];
  let logFiles: FileDeclaration[] = [];
  if (p.eatWord("ON")) {
    fileGroups = parseDataFileGroups(p);
  }
  if (p.eatWords("LOG", "ON")) {
    logFiles = parseFileDeclarationList(p);
  }

  const collation: Identifier | undefined = p.eatWord("COLLATE")
    ? p.parseName("a collation name")
    : undefined;

  // Azure SQL Database: `( EDITION = 'standard', SERVICE_OBJECTIVE = 'S0' )`.
  if (p.isKind(TokenKind.LeftParen)) {
    appendAll(options, parseParenthesizedAdminOptions(p));
  }

  let attach: CreateDatabaseStatement["attach"];
  let snapshotOf: Identifier | undefined;
  let copyOf: SchemaObjectName | undefined;
  if (p.eatWord("FOR")) {
    attach = p.expectOneOf(["ATTACH", "ATTACH_REBUILD_LOG"]) as CreateDatabaseStatement["attach"];
  } else if (p.eatWords("AS", "SNAPSHOT", "OF")) {
    snapshotOf = p.parseName("the source database of the snapshot");
  } else if (p.eatWords("AS", "COPY", "OF")) {
    copyOf = p.parseSchemaObjectName("the database to copy");
  }

  if (p.isWord("WITH")) {
    appendAll(options, parseWithOptions(p));
  }

  return p.finish<CreateDatabaseStatement>(context.mark, {
    kind: "CreateDatabaseStatement",
    name,
    ...(containment === undefined ? {} : { containment }),
    fileGroups,
    logFiles,
    ...(collation ? { collation } : {}),
    ...(attach ? { attach } : {}),
    ...(snapshotOf ? { snapshotOf } : {}),
    ...(copyOf ? { copyOf } : {}),
    options,
  });
}
