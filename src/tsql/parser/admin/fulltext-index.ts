/**
 * CREATE and ALTER FULLTEXT INDEX. Reference: "CREATE FULLTEXT INDEX" and
 * "ALTER FULLTEXT INDEX", SQL Server 2022.
 */

import type {
  AlterFullTextIndexStatement,
  CreateFullTextIndexStatement,
  FullTextIndexColumn,
} from "../../ast/admin.js";
import type { Expression } from "../../ast/expressions.js";
import type { Identifier, OptionNode } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import { parseArithmetic } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseAdminOption, parseWithOptions } from "./admin-options.js";
import { appendAll } from "../../../util/arrays.js";

export function parseCreateFullTextIndex(p: Parser, context: StatementContext): CreateFullTextIndexStatement {
  p.expectWords("FULLTEXT", "INDEX", "ON");
  const table = p.parseSchemaObjectName("a table or indexed view name");
  const columns = p.isKind(TokenKind.LeftParen) ? parseColumnList(p) : [];
  p.expectWords("KEY", "INDEX");
  const keyIndex = p.parseName("the name of the unique key index");

  let catalog: Identifier | undefined;
  let fileGroup: Identifier | undefined;
  if (p.eatWord("ON")) {
    if (p.eat(TokenKind.LeftParen)) {
      // `( catalog, FILEGROUP fg )`, in either order, or `( FILEGROUP fg )`.
      do {
        if (p.eatWord("FILEGROUP")) {
          fileGroup = p.parseName("a filegroup name");
        } else {
          catalog = p.parseName("a full-text catalog name");
        }
      } while (p.eat(TokenKind.Comma));
      p.expect(TokenKind.RightParen, "')'");
    } else {
      catalog = p.parseName("a full-text catalog name");
    }
  }
  const options: OptionNode[] = p.isWord("WITH") ? parseWithOptions(p) : [];

  return p.finish<CreateFullTextIndexStatement>(context.mark, {
    kind: "CreateFullTextIndexStatement",
    table,
    columns,
    keyIndex,
    ...(catalog ? { catalog } : {}),
    ...(fileGroup ? { fileGroup } : {}),
    options,
  });
}

function parseColumnList(p: Parser): FullTextIndexColumn[] {
  p.expect(TokenKind.LeftParen, "'('");
  const columns = p.parseCommaList(() => parseColumn(p));
  p.expect(TokenKind.RightParen, "')' to close the column list");
  return columns;
}

/** `column [TYPE COLUMN c] [LANGUAGE term] [STATISTICAL_SEMANTICS]`. */
function parseColumn(p: Parser): FullTextIndexColumn {
  const mark = p.mark();
  const name = p.parseName("a column name");
  let typeColumn: Identifier | undefined;
  let language: Expression | undefined;
  let statisticalSemantics = false;
  for (;;) {
    if (p.eatWords("TYPE", "COLUMN")) {
      typeColumn = p.parseName("the type column name");
    } else if (p.eatWord("LANGUAGE")) {
      language = parseArithmetic(p);
    } else if (p.eatWord("STATISTICAL_SEMANTICS")) {
      statisticalSemantics = true;
    } else {
      break;
    }
  }
  return p.finish<FullTextIndexColumn>(mark, {
    kind: "FullTextIndexColumn",
    name,
    ...(typeColumn ? { typeColumn } : {}),
    ...(language ? { language } : {}),
    statisticalSemantics,
  });
}

export function parseAlterFullTextIndex(p: Parser, context: StatementContext): AlterFullTextIndexStatement {
  p.expectWords("FULLTEXT", "INDEX", "ON");
  const table = p.parseSchemaObjectName("a table or indexed view name");
  let action: string;
  let columns: FullTextIndexColumn[] = [];
  const options: OptionNode[] = [];

  const word = p.wordAt();
  switch (word) {
    case "ENABLE":
    case "DISABLE":
      action = p.advance().value;
      break;
    case "SET": {
      p.advance();
      const option = parseAdminOption(p);
      options.push(option);
      action = `SET ${option.name}`;
      break;
    }
    case "ADD":
    case "DROP":
      p.advance();
      action = word;
      columns = parseColumnList(p);
      break;
    case "ALTER": {
      p.expectWords("ALTER", "COLUMN");
      columns = [parseColumn(p)];
      const change = p.expectOneOf(["ADD", "DROP"]);
      p.expectWord("STATISTICAL_SEMANTICS");
      action = `ALTER COLUMN ${change} STATISTICAL_SEMANTICS`;
      break;
    }
    case "START":
      p.advance();
      action = `START ${p.expectOneOf(["FULL", "INCREMENTAL", "UPDATE"])} POPULATION`;
      p.expectWord("POPULATION");
      break;
    case "STOP":
    case "PAUSE":
    case "RESUME":
      p.advance();
      p.expectWord("POPULATION");
      action = `${word} POPULATION`;
      break;
    default:
      return p.fail("ENABLE, DISABLE, SET, ADD, ALTER COLUMN, DROP, START, STOP, PAUSE or RESUME");
  }
  if (p.isWord("WITH")) {
    appendAll(options, parseWithOptions(p));
  }

  return p.finish<AlterFullTextIndexStatement>(context.mark, {
    kind: "AlterFullTextIndexStatement",
    table,
    action,
    columns,
    options,
  });
}
