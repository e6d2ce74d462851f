/**
 * CREATE TYPE: alias types, table types and CLR types. Reference: "CREATE
 * TYPE (Transact-SQL)", SQL Server 2022.
 */

import type { Identifier } from "../../ast/node.js";
import type {
  CreateTypeTableStatement,
  CreateTypeUddtStatement,
  CreateTypeUdtStatement,
} from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { eatWithOptions } from "./alter-table.js";
import { parseTableDefinition } from "./table-definition.js";

type CreateTypeStatement = CreateTypeUddtStatement | CreateTypeUdtStatement | CreateTypeTableStatement;

export function parseCreateType(p: Parser, context: StatementContext): CreateTypeStatement {
  p.expectWord("TYPE");
  const name = p.parseSchemaObjectName("a type name");

  if (p.eatWord("FROM")) {
    const baseType = p.parseDataType();
    let nullable: boolean | undefined;
    if (p.eatWord("NULL")) {
      nullable = true;
    } else if (p.eatWords("NOT", "NULL")) {
      nullable = false;
    }
    return p.finish<CreateTypeUddtStatement>(context.mark, {
      kind: "CreateTypeUddtStatement",
      name,
      baseType,
      ...(nullable === undefined ? {} : { nullable }),
    });
  }

  if (p.eatWords("EXTERNAL", "NAME")) {
    const assembly = p.parseIdentifier("an assembly name");
    let className: Identifier | undefined;
    if (p.eat(TokenKind.Dot)) {
      className = p.parseName("a class name");
    }
    return p.finish<CreateTypeUdtStatement>(context.mark, {
      kind: "CreateTypeUdtStatement",
      name,
      assembly,
      ...(className ? { className } : {}),
    });
  }

  p.expectWords("AS", "TABLE");
  const definition = parseTableDefinition(p);
  const options = eatWithOptions(p);
  return p.finish<CreateTypeTableStatement>(context.mark, {
    kind: "CreateTypeTableStatement",
    name,
    definition,
    options,
  });
}
