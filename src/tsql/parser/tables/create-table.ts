/**
 * CREATE TABLE, including temporary tables (`#t`, `##t`), graph node and
 * edge tables, FileTables, temporal, ledger and memory-optimized tables.
 * Reference: "CREATE TABLE (Transact-SQL)", SQL Server 2022.
 */

import type { OptionNode } from "../../ast/node.js";
import type {
  CreateTableStatement,
  FileGroupOrPartitionScheme,
  TableDefinition,
} from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseFileGroupOrPartitionScheme, parseWithOptions } from "./storage.js";
import { parseTableDefinition } from "./table-definition.js";

type TableType = "NODE" | "EDGE" | "FILETABLE";

export function parseCreateTable(p: Parser, context: StatementContext): CreateTableStatement {
  p.expectWord("TABLE");
  const name = p.parseSchemaObjectName("a table name");

  let definition: TableDefinition | undefined;
  let tableType: TableType | undefined;
  if (p.isKind(TokenKind.LeftParen)) {
    definition = parseTableDefinition(p);
  }
  if (p.eatWord("AS")) {
    tableType = p.expectOneOf(["NODE", "EDGE", "FILETABLE"]) as TableType;
  } else if (definition === undefined) {
    p.fail("'(' before the column definitions, or AS NODE, AS EDGE or AS FILETABLE");
  }

  let on: FileGroupOrPartitionScheme | undefined;
  let textImageOn: FileGroupOrPartitionScheme | undefined;
  let fileStreamOn: FileGroupOrPartitionScheme | undefined;
  let options: OptionNode[] = [];
  for (;;) {
    if (on === undefined && p.eatWord("ON")) {
      on = parseFileGroupOrPartitionScheme(p);
    } else if (textImageOn === undefined && p.eatWord("TEXTIMAGE_ON")) {
      textImageOn = parseFileGroupOrPartitionScheme(p);
    } else if (fileStreamOn === undefined && p.eatWord("FILESTREAM_ON")) {
      fileStreamOn = parseFileGroupOrPartitionScheme(p);
    } else if (p.isWord("WITH") && p.isKind(TokenKind.LeftParen, 1)) {
      p.advance();
      options = [...options, ...parseWithOptions(p)];
    } else {
      break;
    }
  }

  return p.finish<CreateTableStatement>(context.mark, {
    kind: "CreateTableStatement",
    name,
    ...(definition ? { definition } : {}),
    ...(tableType ? { tableType } : {}),
    ...(on ? { on } : {}),
    ...(textImageOn ? { textImageOn } : {}),
    ...(fileStreamOn ? { fileStreamOn } : {}),
    options,
  });
}
