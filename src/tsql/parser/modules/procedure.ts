/**
 * CREATE [OR ALTER] PROCEDURE and ALTER PROCEDURE, T-SQL and CLR.
 * Reference: CREATE PROCEDURE (Transact-SQL), SQL Server 2022.
 */

import type { ProcedureStatement } from "../../ast/modules.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import {
  atExternalName,
  parseExternalName,
  parseModuleBody,
  parseModuleOptions,
} from "./module-parts.js";
import { parseProcedureParameters } from "./parameters.js";

/**
 * `PROC[EDURE] name [;number] [parameters] [WITH options]
 * [FOR REPLICATION] AS {statements | EXTERNAL NAME a.c.m}`, from the
 * PROC word on.
 */
export function parseProcedure(
  p: Parser,
  context: StatementContext,
  isAlter: boolean,
): ProcedureStatement {
  p.expectOneOf(["PROCEDURE", "PROC"]);
  const name = p.parseSchemaObjectName("a procedure name");

  let number: number | undefined;
  if (p.isKind(TokenKind.Semicolon) && p.isKind(TokenKind.Integer, 1)) {
    p.advance();
    number = Number(p.advance().text);
  }

  const parameters = parseProcedureParameters(p);
  const options = p.eatWord("WITH") ? parseModuleOptions(p) : [];
  const forReplication = p.eatWords("FOR", "REPLICATION");
  p.expectWord("AS");

  const externalName = atExternalName(p) ? parseExternalName(p) : undefined;
  const statements = externalName ? [] : parseModuleBody(p);

  return p.finish<ProcedureStatement>(context.mark, {
    kind: isAlter ? "AlterProcedureStatement" : "CreateProcedureStatement",
    name,
    orAlter: context.orAlter === true,
    isAlter,
    options,
    ...(number === undefined ? {} : { number }),
    parameters,
    forReplication,
    statements,
    ...(externalName ? { externalName } : {}),
  });
}
