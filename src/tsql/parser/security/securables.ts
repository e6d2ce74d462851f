/**
 * Securables and permission names, shared by GRANT, DENY, REVOKE, ALTER
 * AUTHORIZATION, ADD SIGNATURE and database audit specifications.
 * Reference: GRANT (Transact-SQL) and "Securables", SQL Server 2022.
 */

import type { Identifier } from "../../ast/node.js";
import type { Permission, Securable } from "../../ast/security.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";

/** Class names such as `XML SCHEMA COLLECTION` have at most three words. */
const MAX_CLASS_WORDS = 3;

/**
 * Reads `[class ::] name [(columns)]`, such as `OBJECT::dbo.Orders`,
 * `XML SCHEMA COLLECTION::dbo.Invoices` or `dbo.Orders (Id, Total)`.
 */
export function parseSecurable(p: Parser): Securable {
  const mark = p.mark();
  const objectClass = parseSecurableClass(p);
  const name = p.parseSchemaObjectName("a securable name");
  const columns = p.isKind(TokenKind.LeftParen) ? parseColumnList(p) : [];

  return p.finish<Securable>(mark, {
    kind: "Securable",
    ...(objectClass ? { objectClass } : {}),
    name,
    columns,
  });
}

/** Reads the words before `::`, or nothing when no `::` follows them. */
function parseSecurableClass(p: Parser): string | undefined {
  let count = 0;
  while (count < MAX_CLASS_WORDS && p.isKind(TokenKind.Word, count)) {
    count++;
  }
  if (count === 0 || !p.isKind(TokenKind.DoubleColon, count)) {
    return undefined;
  }

  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    words.push(p.advance().value);
  }
  p.advance();
  return words.join(" ");
}

/** Words that end a permission name. */
const PERMISSION_ENDS = new Set(["ON", "TO", "FROM"]);

/**
 * Reads a permission: a run of words such as `SELECT`, `ALTER ANY LOGIN`
 * or `ALL PRIVILEGES`, with an optional column list.
 */
export function parsePermission(p: Parser): Permission {
  const mark = p.mark();
  const words: string[] = [];
  while (p.isKind(TokenKind.Word) && !p.isAnyWord(PERMISSION_ENDS)) {
    words.push(p.advance().value);
  }
  if (words.length === 0) {
    p.fail("a permission such as SELECT, EXECUTE or ALTER ANY LOGIN");
  }
  const columns = p.isKind(TokenKind.LeftParen) ? parseColumnList(p) : [];

  return p.finish<Permission>(mark, { kind: "Permission", name: words.join(" "), columns });
}

function parseColumnList(p: Parser): Identifier[] {
  p.expect(TokenKind.LeftParen, "'('");
  const columns = p.parseCommaList(() => p.parseIdentifier("a column name"));
  p.expect(TokenKind.RightParen, "')' after the column list");
  return columns;
}
