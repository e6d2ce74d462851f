/**
 * Control-of-flow statements. Reference: "Control-of-Flow" in the
 * Transact-SQL reference, SQL Server 2022.
 */

import type {
  BeginEndBlock,
  IfStatement,
  ReturnStatement,
  TryCatchStatement,
  WhileStatement,
} from "../ast/control-flow.js";
import type { Statement } from "../ast/statements.js";
import { TokenKind } from "../lexer/token.js";
import { parseExpression } from "./expressions.js";
import { ParseErrors } from "./parse-error.js";
import { parseParenthesizedOptions } from "./options.js";
import type { Parser } from "./parser.js";
import type { StatementContext, StatementFamily } from "./registry.js";
import { parseStatement, parseStatementList } from "./statements.js";

/** True at an END that closes a block, as opposed to END CONVERSATION. */
function atBlockEnd(p: Parser): boolean {
  return p.isWord("END") && !p.isWord("CONVERSATION", 1);
}

function parseBlock(p: Parser, context: StatementContext): BeginEndBlock {
  p.expectWord("BEGIN");
  const atomic = p.eatWord("ATOMIC");
  if (atomic && p.eatWord("WITH")) {
    parseParenthesizedOptions(p);
  }
  const statements = parseStatementList(p, () => atBlockEnd(p));
  expectEnd(p, "BEGIN ... END block", context);
  return p.finish<BeginEndBlock>(context.mark, {
    kind: "BeginEndBlock",
    statements,
    ...(atomic ? { atomic } : {}),
  });
}

function expectEnd(p: Parser, what: string, context: StatementContext): void {
  if (p.atEnd()) {
    p.report(
      ParseErrors.unterminatedBlock.code,
      ParseErrors.unterminatedBlock.message(what),
      p.tokens[context.mark],
    );
    return;
  }
  p.expectWord("END");
}

function parseIf(p: Parser, context: StatementContext): IfStatement {
  p.expectWord("IF");
  const condition = parseExpression(p);
  const thenStatement = parseBody(p, "IF");
  const elseStatement = p.eatWord("ELSE") ? parseBody(p, "ELSE") : undefined;
  return p.finish<IfStatement>(context.mark, {
    kind: "IfStatement",
    condition,
    thenStatement,
    ...(elseStatement ? { elseStatement } : {}),
  });
}

function parseBody(p: Parser, owner: string): Statement {
  if (p.atEnd() || atBlockEnd(p)) {
    p.fail(`a statement after ${owner}`);
  }
  while (p.eat(TokenKind.Semicolon)) {
    // SQL Server accepts empty statements here.
  }
  return parseStatement(p);
}

function parseWhile(p: Parser, context: StatementContext): WhileStatement {
  p.expectWord("WHILE");
  const condition = parseExpression(p);
  const body = parseBody(p, "WHILE");
  return p.finish<WhileStatement>(context.mark, { kind: "WhileStatement", condition, body });
}

function parseTryCatch(p: Parser, context: StatementContext): TryCatchStatement {
  p.expectWords("BEGIN", "TRY");
  // isWord twice instead of isWords: the test runs before every statement
  // of the block, and isWords gathers its arguments into an array.
  const tryStatements = parseStatementList(p, () => p.isWord("END") && p.isWord("TRY", 1));
  p.expectWords("END", "TRY");
  p.eat(TokenKind.Semicolon);
  p.expectWords("BEGIN", "CATCH");
  const catchStatements = parseStatementList(p, () => p.isWord("END") && p.isWord("CATCH", 1));
  if (p.atEnd()) {
    p.report(
      ParseErrors.unterminatedBlock.code,
      ParseErrors.unterminatedBlock.message("BEGIN CATCH block"),
      p.tokens[context.mark],
    );
  } else {
    p.expectWords("END", "CATCH");
  }
  return p.finish<TryCatchStatement>(context.mark, { kind: "TryCatchStatement", tryStatements, catchStatements });
}

/**
 * Words after RETURN that begin the next statement rather than a return
 * value, for procedures that end with a bare RETURN and no semicolon.
 */
function returnsValue(p: Parser): boolean {
  const t = p.token;
  if (t.kind === TokenKind.EndOfInput || t.kind === TokenKind.Semicolon) {
    return false;
  }
  // A name followed by a colon labels the next statement: `RETURN` then `Done:`.
  if (p.isKind(TokenKind.Colon, 1) && (t.kind === TokenKind.Word || t.kind === TokenKind.QuotedIdentifier)) {
    return false;
  }
  if (t.kind !== TokenKind.Word) {
    return true;
  }
  return !isStatementStart(t.value) || t.value === "CASE" || t.value === "NOT";
}

let statementStarts: ReadonlySet<string> | undefined;

function isStatementStart(word: string): boolean {
  statementStarts ??= new Set(
    [
      "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "IF", "WHILE", "BEGIN", "END", "ELSE",
      "DECLARE", "SET", "EXEC", "EXECUTE", "PRINT", "RAISERROR", "THROW", "RETURN", "GOTO",
      "BREAK", "CONTINUE", "WAITFOR", "COMMIT", "ROLLBACK", "SAVE", "CREATE", "ALTER", "DROP",
      "OPEN", "CLOSE", "FETCH", "DEALLOCATE", "TRUNCATE", "USE", "GRANT", "DENY", "REVOKE",
      "WITH", "DBCC", "BACKUP", "RESTORE", "CHECKPOINT", "KILL", "BULK", "SEND", "RECEIVE",
      "ENABLE", "DISABLE", "REVERT",
    ],
  );
  return statementStarts.has(word);
}

function parseReturn(p: Parser, context: StatementContext): ReturnStatement {
  p.expectWord("RETURN");
  const expression = returnsValue(p) ? parseExpression(p) : undefined;
  return p.finish<ReturnStatement>(context.mark, { kind: "ReturnStatement", ...(expression ? { expression } : {}) });
}

export const controlFlowStatements: StatementFamily = {
  leading: {
    BEGIN: parseBlock,
    "BEGIN TRY": parseTryCatch,
    IF: parseIf,
    WHILE: parseWhile,
    RETURN: parseReturn,
    BREAK: (p, context) => {
      p.advance();
      return p.finish(context.mark, { kind: "BreakStatement" });
    },
    CONTINUE: (p, context) => {
      p.advance();
      return p.finish(context.mark, { kind: "ContinueStatement" });
    },
    GOTO: (p, context) => {
      p.advance();
      const label = p.parseName("a label after GOTO");
      return p.finish(context.mark, { kind: "GotoStatement", label });
    },
    ELSE: (p) => p.fail("a statement; ELSE must follow the statement of an IF"),
    END: (p) => p.fail("a statement; this END has no matching BEGIN"),
  },
};
