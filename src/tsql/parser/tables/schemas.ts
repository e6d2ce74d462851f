/**
 * CREATE SCHEMA with its nested elements, ALTER SCHEMA ... TRANSFER and
 * CREATE SYNONYM. References: "CREATE SCHEMA", "ALTER SCHEMA" and "CREATE
 * SYNONYM" (Transact-SQL), SQL Server 2022.
 */

import type { Identifier } from "../../ast/node.js";
import type { Statement } from "../../ast/statements.js";
import type {
  AlterSchemaStatement,
  CreateSchemaStatement,
  CreateSynonymStatement,
} from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseStatement } from "../statements.js";

/**
 * CREATE SCHEMA name [AUTHORIZATION owner] [element ...]. The elements
 * (CREATE TABLE, CREATE VIEW, GRANT, DENY, REVOKE) follow without
 * separators; a semicolon or any other statement ends the schema.
 */
export function parseCreateSchema(p: Parser, context: StatementContext): CreateSchemaStatement {
  p.expectWord("SCHEMA");
  const name: Identifier | undefined = p.isWord("AUTHORIZATION") ? undefined : p.parseIdentifier("a schema name");
  let owner: Identifier | undefined;
  if (p.eatWord("AUTHORIZATION")) {
    owner = p.parseName("an owner name");
  } else if (name === undefined) {
    p.fail("a schema name or AUTHORIZATION");
  }

  const elements: Statement[] = [];
  while (atSchemaElement(p)) {
    elements.push(parseStatement(p));
    if (p.peek(-1).kind === TokenKind.Semicolon) {
      break;
    }
  }

  return p.finish<CreateSchemaStatement>(context.mark, {
    kind: "CreateSchemaStatement",
    ...(name ? { name } : {}),
    ...(owner ? { owner } : {}),
    elements,
  });
}

function atSchemaElement(p: Parser): boolean {
  if (p.isWord("GRANT") || p.isWord("DENY") || p.isWord("REVOKE")) {
    return true;
  }
  return p.isWord("CREATE") && (p.isWord("TABLE", 1) || p.isWord("VIEW", 1));
}

const TRANSFER_CLASSES: ReadonlySet<string> = new Set(["OBJECT", "TYPE"]);

/** ALTER SCHEMA s TRANSFER [OBJECT:: | TYPE:: | XML SCHEMA COLLECTION::] name. */
export function parseAlterSchema(p: Parser, context: StatementContext): AlterSchemaStatement {
  p.expectWord("SCHEMA");
  const name = p.parseIdentifier("a schema name");
  p.expectWord("TRANSFER");

  let objectClass: AlterSchemaStatement["objectClass"];
  if (p.isKind(TokenKind.DoubleColon, 1) && p.isAnyWord(TRANSFER_CLASSES)) {
    objectClass = p.advance().value as "OBJECT" | "TYPE";
    p.advance();
  } else if (p.isWords("XML", "SCHEMA", "COLLECTION") && p.isKind(TokenKind.DoubleColon, 3)) {
    objectClass = "XML SCHEMA COLLECTION";
    p.pos += 4;
  }
  const object = p.parseSchemaObjectName("the object to transfer");

  return p.finish<AlterSchemaStatement>(context.mark, {
    kind: "AlterSchemaStatement",
    name,
    ...(objectClass ? { objectClass } : {}),
    object,
  });
}

/** CREATE SYNONYM s FOR [server.][database.][schema.]object. */
export function parseCreateSynonym(p: Parser, context: StatementContext): CreateSynonymStatement {
  p.expectWord("SYNONYM");
  const name = p.parseSchemaObjectName("a synonym name");
  p.expectWord("FOR");
  const target = p.parseSchemaObjectName("the object the synonym refers to");
  return p.finish<CreateSynonymStatement>(context.mark, { kind: "CreateSynonymStatement", name, target });
}
