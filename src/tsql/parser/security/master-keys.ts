/**
 * The database master key and the service master key.
 * Reference: CREATE, ALTER, OPEN, CLOSE, BACKUP and RESTORE MASTER KEY, and
 * ALTER, BACKUP and RESTORE SERVICE MASTER KEY (Transact-SQL), SQL Server
 * 2022.
 */

import type { KeyEncryption, MasterKeyStatement, SecurityOption } from "../../ast/security.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { hasPassword, parseKeyEncryptionList, parseSecurityOption } from "./security-options.js";
import { appendAll } from "../../../util/arrays.js";

type MasterKeyKind = MasterKeyStatement["kind"];

/**
 * Reads the clauses after `[SERVICE] MASTER KEY`: FORCE, REGENERATE,
 * `[ADD | DROP] {ENCRYPTION | DECRYPTION} BY ...`, `TO | FROM {FILE | URL}
 * = '...'` and `WITH options`, in the order written.
 */
function parseMasterKeyClauses(p: Parser, context: StatementContext, kind: MasterKeyKind): MasterKeyStatement {
  const encryptions: KeyEncryption[] = [];
  const options: SecurityOption[] = [];
  let regenerate = false;
  let force = false;

  for (;;) {
    if (p.eatWord("FORCE")) {
      force = true;
    } else if (p.eatWord("REGENERATE")) {
      regenerate = true;
    } else if (p.isWord("ENCRYPTION") || p.isWord("DECRYPTION")) {
      appendAll(encryptions, parseKeyEncryptionList(p));
    } else if ((p.isWord("ADD") || p.isWord("DROP")) && p.isWord("ENCRYPTION", 1)) {
      const action = p.advance().value as "ADD" | "DROP";
      appendAll(encryptions, parseKeyEncryptionList(p, action));
    } else if ((p.isWord("TO") || p.isWord("FROM")) && p.isKind(TokenKind.Equals, 2)) {
      p.advance();
      options.push(parseSecurityOption(p));
    } else if (p.isWord("WITH") && (p.isWord("ENCRYPTION", 1) || p.isKind(TokenKind.Equals, 2))) {
      p.advance();
      if (!p.isWord("ENCRYPTION")) {
        appendAll(options, p.parseCommaList(() => parseSecurityOption(p)));
      }
    } else {
      break;
    }
  }

  return p.finish<MasterKeyStatement>(context.mark, {
    kind,
    encryptions,
    options,
    regenerate,
    force,
    passwordGiven: hasPassword(options) || encryptions.some((e) => e.passwordGiven),
  });
}

/** Parses `MASTER KEY ...` after CREATE or ALTER. */
export function parseMasterKey(p: Parser, context: StatementContext, isAlter: boolean): MasterKeyStatement {
  p.expectWords("MASTER", "KEY");
  return parseMasterKeyClauses(p, context, isAlter ? "AlterMasterKeyStatement" : "CreateMasterKeyStatement");
}

/** Parses `SERVICE MASTER KEY ...` after ALTER. */
export function parseAlterServiceMasterKey(p: Parser, context: StatementContext): MasterKeyStatement {
  p.expectWords("SERVICE", "MASTER", "KEY");
  return parseMasterKeyClauses(p, context, "AlterServiceMasterKeyStatement");
}

const LEADING_KINDS: Record<string, MasterKeyKind> = {
  OPEN: "OpenMasterKeyStatement",
  CLOSE: "CloseMasterKeyStatement",
  BACKUP: "BackupMasterKeyStatement",
  RESTORE: "RestoreMasterKeyStatement",
};

const SERVICE_KINDS: Record<string, MasterKeyKind> = {
  BACKUP: "BackupServiceMasterKeyStatement",
  RESTORE: "RestoreServiceMasterKeyStatement",
};

/** Parses `{OPEN | CLOSE | BACKUP | RESTORE} [SERVICE] MASTER KEY ...` from the verb on. */
export function parseLeadingMasterKey(p: Parser, context: StatementContext): MasterKeyStatement {
  const verb = p.expectOneOf(["OPEN", "CLOSE", "BACKUP", "RESTORE"]);
  const service = p.eatWord("SERVICE");
  p.expectWords("MASTER", "KEY");
  const kind = service ? SERVICE_KINDS[verb] : LEADING_KINDS[verb];
  if (kind === undefined) {
    return p.fail("BACKUP or RESTORE before SERVICE MASTER KEY");
  }
  return parseMasterKeyClauses(p, context, kind);
}
