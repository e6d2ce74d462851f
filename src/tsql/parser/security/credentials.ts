/**
 * Credentials and the keys of Always Encrypted.
 * Reference: CREATE CREDENTIAL, CREATE DATABASE SCOPED CREDENTIAL, CREATE
 * COLUMN MASTER KEY and CREATE COLUMN ENCRYPTION KEY (Transact-SQL), SQL
 * Server 2022.
 */

import type { OptionNode } from "../../ast/node.js";
import type {
  ColumnEncryptionKeyStatement,
  CreateColumnMasterKeyStatement,
  CredentialStatement,
} from "../../ast/security.js";
import { TokenKind } from "../../lexer/token.js";
import { parseParenthesizedOptions } from "../options.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseSecurityOptionList } from "./security-options.js";

/**
 * `[DATABASE SCOPED] CREDENTIAL name WITH IDENTITY = '...' [, SECRET =
 * '...'] [FOR CRYPTOGRAPHIC PROVIDER p]`, from DATABASE or CREDENTIAL on.
 */
export function parseCredential(p: Parser, context: StatementContext, isAlter: boolean): CredentialStatement {
  const databaseScoped = p.eatWords("DATABASE", "SCOPED");
  p.expectWord("CREDENTIAL");
  const name = p.parseIdentifier("a credential name");
  p.expectWord("WITH");

  const identityMark = p.mark();
  const options = parseSecurityOptionList(p);
  const identity = options.find((option) => option.name === "IDENTITY")?.value;
  if (identity?.type !== "string") {
    p.pos = identityMark;
    p.fail("a credential option list with IDENTITY = '...'");
  }
  const secretGiven = options.some((option) => option.name === "SECRET");
  const cryptographicProvider = p.eatWords("FOR", "CRYPTOGRAPHIC", "PROVIDER")
    ? p.parseIdentifier("a cryptographic provider name")
    : undefined;

  return p.finish<CredentialStatement>(context.mark, {
    kind: isAlter ? "AlterCredentialStatement" : "CreateCredentialStatement",
    databaseScoped,
    name,
    identity: identity.value,
    secretGiven,
    ...(cryptographicProvider ? { cryptographicProvider } : {}),
  });
}

/** `COLUMN MASTER KEY name WITH (KEY_STORE_PROVIDER_NAME = ..., KEY_PATH = ... [, ENCLAVE_COMPUTATIONS (...)])`. */
export function parseColumnMasterKey(p: Parser, context: StatementContext): CreateColumnMasterKeyStatement {
  p.expectWords("COLUMN", "MASTER", "KEY");
  const name = p.parseIdentifier("a column master key name");
  p.expectWord("WITH");
  const options = parseParenthesizedOptions(p);
  return p.finish<CreateColumnMasterKeyStatement>(context.mark, {
    kind: "CreateColumnMasterKeyStatement",
    name,
    options,
  });
}

/**
 * `COLUMN ENCRYPTION KEY name WITH VALUES (...) [, (...)]` after CREATE,
 * `COLUMN ENCRYPTION KEY name {ADD | DROP} VALUE (...)` after ALTER.
 */
export function parseColumnEncryptionKey(
  p: Parser,
  context: StatementContext,
  isAlter: boolean,
): ColumnEncryptionKeyStatement {
  p.expectWords("COLUMN", "ENCRYPTION", "KEY");
  const name = p.parseIdentifier("a column encryption key name");

  let action: "ADD" | "DROP" | undefined;
  let values: OptionNode[][];
  if (isAlter) {
    action = p.expectOneOf(["ADD", "DROP"]) as "ADD" | "DROP";
    p.expectWord("VALUE");
    values = [parseParenthesizedOptions(p)];
  } else {
    p.expectWords("WITH", "VALUES");
    values = [parseParenthesizedOptions(p)];
    while (p.isKind(TokenKind.Comma) && p.isKind(TokenKind.LeftParen, 1)) {
      p.advance();
      values.push(parseParenthesizedOptions(p));
    }
  }

  return p.finish<ColumnEncryptionKeyStatement>(context.mark, {
    kind: isAlter ? "AlterColumnEncryptionKeyStatement" : "CreateColumnEncryptionKeyStatement",
    name,
    ...(action ? { action } : {}),
    values,
  });
}
