/**
 * BACKUP and RESTORE of databases and logs, and the RESTORE commands that
 * read backup media. BACKUP and RESTORE of certificates and master keys
 * belong to the security statements. Reference: "BACKUP (Transact-SQL)",
 * "RESTORE Statements" and "RESTORE Statements - Arguments", SQL Server
 * 2022.
 */

import type { BackupDevice, BackupFileSpec, BackupStatement, RestoreStatement } from "../../ast/admin.js";
import type { ColumnReference, Expression, VariableReference } from "../../ast/expressions.js";
import type { Identifier, OptionNode } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import { parseArithmetic } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext, StatementParser } from "../registry.js";
import { parseWithOptions } from "./admin-options.js";
import { parseStringOrVariable, parseVariable } from "./clauses.js";

export function parseBackup(p: Parser, context: StatementContext): BackupStatement {
  p.expectWord("BACKUP");
  const target = p.expectOneOf(["DATABASE", "LOG"]) as BackupStatement["target"];
  const database = parseDatabase(p);
  const files = parseFileSpecs(p);

  p.expectWord("TO");
  const devices = parseDevices(p);
  const mirrors: BackupDevice[][] = [];
  while (p.eatWords("MIRROR", "TO")) {
    mirrors.push(parseDevices(p));
  }
  const options: OptionNode[] = p.isWord("WITH") ? parseWithOptions(p) : [];

  return p.finish<BackupStatement>(context.mark, {
    kind: "BackupStatement",
    target,
    database,
    files,
    devices,
    mirrors,
    options,
  });
}

/** The RESTORE forms, by the word after RESTORE. */
const RESTORE_TARGETS = ["DATABASE", "LOG", "FILELISTONLY", "HEADERONLY", "VERIFYONLY", "LABELONLY", "REWINDONLY"];

export function parseRestore(p: Parser, context: StatementContext): RestoreStatement {
  p.expectWord("RESTORE");
  const target = p.expectOneOf(RESTORE_TARGETS) as RestoreStatement["target"];
  const restoresData = target === "DATABASE" || target === "LOG";
  const database = restoresData ? parseDatabase(p) : undefined;
  const files = restoresData ? parseFileSpecs(p) : [];

  let devices: BackupDevice[] = [];
  let fromSnapshot: Expression | undefined;
  if (p.eatWord("FROM")) {
    if (p.eatWord("DATABASE_SNAPSHOT")) {
      p.expect(TokenKind.Equals, "'=' after DATABASE_SNAPSHOT");
      fromSnapshot = parseStringOrVariable(p, "a database snapshot name");
    } else {
      devices = parseDevices(p);
    }
  } else if (!restoresData) {
    p.fail(`FROM after RESTORE ${target}`);
  }
  const options: OptionNode[] = p.isWord("WITH") ? parseWithOptions(p) : [];

  return p.finish<RestoreStatement>(context.mark, {
    kind: "RestoreStatement",
    target,
    ...(database ? { database } : {}),
    files,
    devices,
    ...(fromSnapshot ? { fromSnapshot } : {}),
    options,
  });
}

/**
 * Rejects BACKUP and RESTORE of objects other than those registered with
 * longer keys, naming the object word that was found.
 */
export function unknownBackupObject(verb: "BACKUP" | "RESTORE"): StatementParser {
  const expected =
    verb === "BACKUP"
      ? "DATABASE, LOG, CERTIFICATE, MASTER KEY or SERVICE MASTER KEY after BACKUP"
      : `${RESTORE_TARGETS.join(", ")}, MASTER KEY or SERVICE MASTER KEY after RESTORE`;
  return (p) => {
    p.expectWord(verb);
    return p.fail(expected);
  };
}

function parseDatabase(p: Parser): Identifier | VariableReference {
  if (p.isKind(TokenKind.Variable)) {
    return parseVariable(p, "a database name");
  }
  return p.parseName("a database name");
}

/** `FILE = f`, `FILEGROUP = g`, `PAGE = 'f:p'` and `READ_WRITE_FILEGROUPS`, comma-separated. */
function parseFileSpecs(p: Parser): BackupFileSpec[] {
  if (!startsFileSpec(p)) {
    return [];
  }
  const specs = [parseFileSpec(p)];
  while (p.isKind(TokenKind.Comma) && startsFileSpec(p, 1)) {
    p.advance();
    specs.push(parseFileSpec(p));
  }
  return specs;
}

function startsFileSpec(p: Parser, offset = 0): boolean {
  if (p.isWord("READ_WRITE_FILEGROUPS", offset)) {
    return true;
  }
  const word = p.wordAt(offset);
  return (word === "FILE" || word === "FILEGROUP" || word === "PAGE") && p.isKind(TokenKind.Equals, offset + 1);
}

function parseFileSpec(p: Parser): BackupFileSpec {
  const mark = p.mark();
  const type = p.advance().value as BackupFileSpec["type"];
  if (type === "READ_WRITE_FILEGROUPS") {
    return p.finish<BackupFileSpec>(mark, { kind: "BackupFileSpec", type });
  }
  p.expect(TokenKind.Equals, "'='");
  const value = parseFileName(p);
  return p.finish<BackupFileSpec>(mark, { kind: "BackupFileSpec", type, value });
}

/** Reads a logical file or filegroup name: a string, a variable or an identifier. */
function parseFileName(p: Parser): Expression {
  const t = p.token;
  if (t.kind === TokenKind.Word || t.kind === TokenKind.QuotedIdentifier) {
    const mark = p.mark();
    const name = p.parseName("a file or filegroup name");
    return p.finish<ColumnReference>(mark, { kind: "ColumnReference", parts: [name] });
  }
  return parseStringOrVariable(p, "a file or filegroup name");
}

function parseDevices(p: Parser): BackupDevice[] {
  return p.parseCommaList(() => parseDevice(p));
}

/** `{ DISK | TAPE | URL } = 'path' | @var`, or a logical device name or variable. */
function parseDevice(p: Parser): BackupDevice {
  const mark = p.mark();
  const word = p.wordAt();
  if ((word === "DISK" || word === "TAPE" || word === "URL") && p.isKind(TokenKind.Equals, 1)) {
    p.pos += 2;
    const location = parseArithmetic(p);
    return p.finish<BackupDevice>(mark, { kind: "BackupDevice", deviceType: word, location });
  }
  if (p.isKind(TokenKind.Variable)) {
    const location = parseVariable(p, "a backup device");
    return p.finish<BackupDevice>(mark, { kind: "BackupDevice", deviceType: "LOGICAL", location });
  }
  const location = p.parseName("DISK, TAPE, URL or a backup device name");
  return p.finish<BackupDevice>(mark, { kind: "BackupDevice", deviceType: "LOGICAL", location });
}
