/**
 * BEGIN [DISTRIBUTED] TRANSACTION, COMMIT, ROLLBACK and SAVE TRANSACTION.
 * Reference: "Transactions (Transact-SQL)", SQL Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type {
  BeginTransactionStatement,
  CommitTransactionStatement,
  RollbackTransactionStatement,
  SaveTransactionStatement,
  TransactionName,
} from "../../ast/procedural.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import { ParseErrors } from "../parse-error.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseVariable } from "./cursor-statements.js";

type TransactionKeyword = "TRAN" | "TRANSACTION" | "WORK";

/**
 * True when a transaction name follows. Any unreserved word is a name, as
 * SQL Server reads it: in `ROLLBACK` followed by `THROW` without a
 * semicolon, THROW names a savepoint. A word followed by a colon is the
 * label of the next statement instead, as in the job scripts that SSMS
 * generates (`ROLLBACK TRANSACTION` then `EndSave:`).
 */
function startsName(p: Parser): boolean {
  if (p.isKind(TokenKind.Variable)) {
    return true;
  }
  return p.isIdentifier() && !p.isKind(TokenKind.Colon, 1);
}

function parseTransactionName(p: Parser): TransactionName {
  if (p.isKind(TokenKind.Variable)) {
    return parseVariable(p);
  }
  return p.parseIdentifier("a transaction name or @variable");
}

/**
 * Warns when the name just read is an unquoted THROW: SQL Server reads
 * `ROLLBACK TRANSACTION` followed by `THROW` as a rollback to a savepoint
 * named THROW, which is almost always a missing semicolon.
 */
function warnThrowAsName(p: Parser, name: TransactionName | undefined, statement: string): void {
  if (name?.kind !== "Identifier" || name.quote !== "none" || name.value.toUpperCase() !== "THROW") {
    return;
  }
  const error = ParseErrors.throwAsTransactionName;
  p.report(error.code, error.message(statement), p.peek(-1), "warning");
}

/** `BEGIN {TRAN | TRANSACTION} [name [WITH MARK ['description']]]` and `BEGIN DISTRIBUTED ...`. */
export function parseBeginTransaction(p: Parser, context: StatementContext): BeginTransactionStatement {
  p.expectWord("BEGIN");
  const distributed = p.eatWord("DISTRIBUTED");
  p.expectOneOf(["TRAN", "TRANSACTION"]);

  const name = startsName(p) ? parseTransactionName(p) : undefined;
  let withMark: BeginTransactionStatement["mark"];
  if (name !== undefined && p.isWords("WITH", "MARK")) {
    p.pos += 2;
    const description: Expression | undefined =
      p.isKind(TokenKind.String) || p.isKind(TokenKind.NString) || p.isKind(TokenKind.Variable)
        ? parseExpression(p)
        : undefined;
    withMark = description ? { description } : {};
  }

  return p.finish<BeginTransactionStatement>(context.mark, {
    kind: "BeginTransactionStatement",
    distributed,
    ...(name ? { name } : {}),
    ...(withMark ? { mark: withMark } : {}),
  });
}

function parseKeyword(p: Parser): TransactionKeyword | undefined {
  if (p.isWord("TRAN") || p.isWord("TRANSACTION") || p.isWord("WORK")) {
    return p.advance().value as TransactionKeyword;
  }
  return undefined;
}

/** `COMMIT [TRAN | TRANSACTION | WORK] [name] [WITH (DELAYED_DURABILITY = ON | OFF)]`. */
export function parseCommit(p: Parser, context: StatementContext): CommitTransactionStatement {
  p.expectWord("COMMIT");
  const keyword = parseKeyword(p);
  const name = keyword !== "WORK" && startsName(p) ? parseTransactionName(p) : undefined;
  warnThrowAsName(p, name, "COMMIT");

  let delayedDurability: "ON" | "OFF" | undefined;
  if (p.isWord("WITH") && p.isKind(TokenKind.LeftParen, 1)) {
    p.pos += 2;
    p.expectWord("DELAYED_DURABILITY");
    p.expect(TokenKind.Equals, "'=' after DELAYED_DURABILITY");
    delayedDurability = p.expectOneOf(["ON", "OFF"]) as "ON" | "OFF";
    p.expect(TokenKind.RightParen, "')'");
  }

  return p.finish<CommitTransactionStatement>(context.mark, {
    kind: "CommitTransactionStatement",
    ...(keyword ? { keyword } : {}),
    ...(name ? { name } : {}),
    ...(delayedDurability ? { delayedDurability } : {}),
  });
}

/** `ROLLBACK [TRAN | TRANSACTION | WORK] [name | @variable]`. */
export function parseRollback(p: Parser, context: StatementContext): RollbackTransactionStatement {
  p.expectWord("ROLLBACK");
  const keyword = parseKeyword(p);
  const name = keyword !== "WORK" && startsName(p) ? parseTransactionName(p) : undefined;
  warnThrowAsName(p, name, "ROLLBACK");
  return p.finish<RollbackTransactionStatement>(context.mark, {
    kind: "RollbackTransactionStatement",
    ...(keyword ? { keyword } : {}),
    ...(name ? { name } : {}),
  });
}

/** `SAVE {TRAN | TRANSACTION} {name | @variable}`. */
export function parseSave(p: Parser, context: StatementContext): SaveTransactionStatement {
  p.expectWord("SAVE");
  p.expectOneOf(["TRAN", "TRANSACTION"]);
  const name = parseTransactionName(p);
  return p.finish<SaveTransactionStatement>(context.mark, { kind: "SaveTransactionStatement", name });
}
