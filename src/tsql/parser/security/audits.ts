/**
 * Server audits and server and database audit specifications.
 * Reference: CREATE SERVER AUDIT, ALTER SERVER AUDIT, CREATE SERVER AUDIT
 * SPECIFICATION and CREATE DATABASE AUDIT SPECIFICATION (Transact-SQL),
 * SQL Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { Identifier, OptionNode } from "../../ast/node.js";
import type {
  AuditSpecificationPart,
  AuditSpecificationStatement,
  Securable,
  ServerAuditStatement,
} from "../../ast/security.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import { parseParenthesizedOptions } from "../options.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parsePrincipal } from "./security-options.js";
import { parsePermission, parseSecurable } from "./securables.js";

const AUDIT_TARGETS = ["FILE", "APPLICATION_LOG", "SECURITY_LOG", "URL", "EXTERNAL_MONITOR"];

/**
 * `SERVER AUDIT name [TO target [(options)]] [WITH (options)] [WHERE
 * predicate]`, and after ALTER also `REMOVE WHERE` or `MODIFY NAME = n`.
 */
export function parseServerAudit(p: Parser, context: StatementContext, isAlter: boolean): ServerAuditStatement {
  p.expectWords("SERVER", "AUDIT");
  const name = p.parseIdentifier("a server audit name");
  const kind = isAlter ? "AlterServerAuditStatement" : "CreateServerAuditStatement";

  if (isAlter && p.eatWords("REMOVE", "WHERE")) {
    return p.finish<ServerAuditStatement>(context.mark, {
      kind, name, targetOptions: [], options: [], removeWhere: true,
    });
  }
  if (isAlter && p.eatWords("MODIFY", "NAME")) {
    p.expect(TokenKind.Equals, "'=' after MODIFY NAME");
    const newName = p.parseIdentifier("the new audit name");
    return p.finish<ServerAuditStatement>(context.mark, {
      kind, name, targetOptions: [], options: [], removeWhere: false, newName,
    });
  }

  let target: string | undefined;
  let targetOptions: OptionNode[] = [];
  if (!isAlter || p.isWord("TO")) {
    p.expectWord("TO");
    target = p.expectOneOf(AUDIT_TARGETS);
    if (p.isKind(TokenKind.LeftParen)) {
      targetOptions = parseParenthesizedOptions(p);
    }
  }
  const options = p.eatWord("WITH") ? parseParenthesizedOptions(p) : [];
  const predicate: Expression | undefined = p.eatWord("WHERE") ? parseExpression(p) : undefined;

  return p.finish<ServerAuditStatement>(context.mark, {
    kind,
    name,
    ...(target ? { target } : {}),
    targetOptions,
    options,
    ...(predicate ? { predicate } : {}),
    removeWhere: false,
  });
}

const SPECIFICATION_KINDS = {
  SERVER: ["CreateServerAuditSpecificationStatement", "AlterServerAuditSpecificationStatement"],
  DATABASE: ["CreateDatabaseAuditSpecificationStatement", "AlterDatabaseAuditSpecificationStatement"],
} as const;

/**
 * `{SERVER | DATABASE} AUDIT SPECIFICATION name [FOR SERVER AUDIT a]
 * [{ADD | DROP} (...) [, ...]] [WITH (STATE = {ON | OFF})]`.
 */
export function parseAuditSpecification(
  p: Parser,
  context: StatementContext,
  isAlter: boolean,
): AuditSpecificationStatement {
  const level = p.expectOneOf(["SERVER", "DATABASE"]) as keyof typeof SPECIFICATION_KINDS;
  p.expectWords("AUDIT", "SPECIFICATION");
  const name = p.parseIdentifier("an audit specification name");
  const audit = p.eatWords("FOR", "SERVER", "AUDIT") ? p.parseIdentifier("a server audit name") : undefined;

  const parts: AuditSpecificationPart[] = [];
  while (startsPart(p)) {
    parts.push(parseSpecificationPart(p));
    if (!(p.isKind(TokenKind.Comma) && startsPart(p, 1))) {
      break;
    }
    p.advance();
  }
  const options = p.eatWord("WITH") ? parseParenthesizedOptions(p) : [];

  return p.finish<AuditSpecificationStatement>(context.mark, {
    kind: SPECIFICATION_KINDS[level][isAlter ? 1 : 0],
    name,
    ...(audit ? { audit } : {}),
    parts,
    options,
  });
}

function startsPart(p: Parser, offset = 0): boolean {
  return (p.isWord("ADD", offset) || p.isWord("DROP", offset)) && p.isKind(TokenKind.LeftParen, offset + 1);
}

/** `{ADD | DROP} (group)` or `{ADD | DROP} (action [, ...] ON securable BY principal [, ...])`. */
function parseSpecificationPart(p: Parser): AuditSpecificationPart {
  const mark = p.mark();
  const action = p.expectOneOf(["ADD", "DROP"]) as "ADD" | "DROP";
  p.expect(TokenKind.LeftParen, "'('");
  const items = p.parseCommaList(() => parsePermission(p).name);

  let group: string | undefined;
  let actions: string[] = [];
  let securable: Securable | undefined;
  let principals: Identifier[] = [];
  if (p.eatWord("ON")) {
    actions = items;
    securable = parseSecurable(p);
    p.expectWord("BY");
    principals = p.parseCommaList(() => parsePrincipal(p));
  } else if (items.length === 1 && !items[0]!.includes(" ")) {
    group = items[0];
  } else {
    p.fail("ON securable BY principal after the audit actions");
  }
  p.expect(TokenKind.RightParen, "')'");

  return p.finish<AuditSpecificationPart>(mark, {
    kind: "AuditSpecificationPart",
    action,
    ...(group ? { group } : {}),
    actions,
    ...(securable ? { securable } : {}),
    principals,
  });
}
