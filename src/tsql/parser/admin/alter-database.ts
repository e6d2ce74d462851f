/**
 * ALTER DATABASE: SET options, files, filegroups, renaming, collation and
 * the Azure SQL Database forms. Reference: "ALTER DATABASE", "ALTER
 * DATABASE SET options" and "ALTER DATABASE File and Filegroup Options",
 * SQL Server 2022.
 */

import type {
  AlterDatabaseTarget,
  DatabaseStatement,
  Termination,
} from "../../ast/admin.js";
import type { Identifier, OptionNode } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import type { Mark, Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseAdminOptionList, parseParenthesizedAdminOptions, parseWithOptions } from "./admin-options.js";
import { parseNameOrString, parseTermination } from "./clauses.js";
import { parseContains, parseFileDeclaration, parseFileDeclarationList } from "./database-files.js";

/** Filegroup properties of MODIFY FILEGROUP; READONLY and READWRITE are deprecated spellings. */
const FILEGROUP_PROPERTIES = [
  "DEFAULT",
  "READ_ONLY",
  "READ_WRITE",
  "READONLY",
  "READWRITE",
  "AUTOGROW_SINGLE_FILE",
  "AUTOGROW_ALL_FILES",
];

export function parseAlterDatabase(p: Parser, context: StatementContext): DatabaseStatement {
  p.expectWord("DATABASE");
  const target = parseTarget(p);
  const mark = context.mark;

  switch (p.wordAt()) {
    case "SET":
      return parseSet(p, mark, target);
    case "ADD":
      return parseAdd(p, mark, target);
    case "REMOVE":
      return parseRemove(p, mark, target);
    case "MODIFY":
      return parseModify(p, mark, target);
    case "COLLATE": {
      p.advance();
      const collation = p.parseName("a collation name");
      return p.finish(mark, { kind: "AlterDatabaseCollateStatement", ...target, collation });
    }
    case "FAILOVER":
    case "FORCE_FAILOVER_ALLOW_DATA_LOSS":
    case "PERFORM_CUTOVER": {
      const action = p.advance().value;
      return p.finish(mark, { kind: "AlterDatabaseAzureStatement", ...target, action, options: [] });
    }
    default:
      return p.fail("SET, ADD, REMOVE, MODIFY or COLLATE after the database name");
  }
}

function parseTarget(p: Parser): AlterDatabaseTarget {
  if (p.eatWord("CURRENT")) {
    return { current: true };
  }
  return { database: p.parseName("a database name or CURRENT"), current: false };
}

/**
 * `SET option [, ...] [WITH termination]`. Each option keeps its name and
 * value, so `RECOVERY SIMPLE` is RECOVERY with the value SIMPLE and
 * `SINGLE_USER` has no value.
 */
function parseSet(p: Parser, mark: Mark, target: AlterDatabaseTarget): DatabaseStatement {
  p.expectWord("SET");
  const options = parseAdminOptionList(p);
  const termination = parseTermination(p);
  return p.finish(mark, {
    kind: "AlterDatabaseSetStatement",
    ...target,
    options,
    ...(termination ? { termination } : {}),
  });
}

function parseAdd(p: Parser, mark: Mark, target: AlterDatabaseTarget): DatabaseStatement {
  p.expectWord("ADD");
  if (p.eatWord("FILEGROUP")) {
    const fileGroup = p.parseName("a filegroup name");
    const contains = parseContains(p);
    return p.finish(mark, {
      kind: "AlterDatabaseAddFileGroupStatement",
      ...target,
      fileGroup,
      ...(contains ? { contains } : {}),
    });
  }

  if (p.eatWord("SECONDARY")) {
    return parseSecondary(p, mark, target, "ADD SECONDARY");
  }

  const log = p.eatWord("LOG");
  p.expectWord("FILE");
  const files = parseFileDeclarationList(p);
  let fileGroup: Identifier | undefined;
  if (!log && p.eatWords("TO", "FILEGROUP")) {
    fileGroup = p.parseName("a filegroup name");
  }
  return p.finish(mark, {
    kind: "AlterDatabaseAddFileStatement",
    ...target,
    log,
    files,
    ...(fileGroup ? { fileGroup } : {}),
  });
}

function parseRemove(p: Parser, mark: Mark, target: AlterDatabaseTarget): DatabaseStatement {
  p.expectWord("REMOVE");
  if (p.eatWord("FILEGROUP")) {
    const fileGroup = p.parseName("a filegroup name");
    return p.finish(mark, { kind: "AlterDatabaseRemoveFileGroupStatement", ...target, fileGroup });
  }
  if (p.eatWord("SECONDARY")) {
    return parseSecondary(p, mark, target, "REMOVE SECONDARY");
  }
  p.expectWord("FILE");
  const file = parseNameOrString(p, "a logical file name");
  return p.finish(mark, { kind: "AlterDatabaseRemoveFileStatement", ...target, file });
}

function parseModify(p: Parser, mark: Mark, target: AlterDatabaseTarget): DatabaseStatement {
  p.expectWord("MODIFY");
  if (p.eatWord("FILE")) {
    const file = parseFileDeclaration(p);
    return p.finish(mark, { kind: "AlterDatabaseModifyFileStatement", ...target, file });
  }
  if (p.eatWord("FILEGROUP")) {
    return parseModifyFileGroup(p, mark, target);
  }
  if (p.eatWord("NAME")) {
    p.expect(TokenKind.Equals, "'=' after MODIFY NAME");
    const newName = p.parseName("the new database name");
    return p.finish(mark, { kind: "AlterDatabaseModifyNameStatement", ...target, newName });
  }
  if (p.isKind(TokenKind.LeftParen)) {
    const options = parseParenthesizedAdminOptions(p);
    return p.finish(mark, { kind: "AlterDatabaseAzureStatement", ...target, action: "MODIFY", options });
  }
  if (p.isWord("BACKUP_STORAGE_REDUNDANCY")) {
    const options = parseAdminOptionList(p);
    return p.finish(mark, { kind: "AlterDatabaseAzureStatement", ...target, action: "MODIFY", options });
  }
  return p.fail("FILE, FILEGROUP, NAME or '(' after MODIFY");
}

function parseModifyFileGroup(p: Parser, mark: Mark, target: AlterDatabaseTarget): DatabaseStatement {
  const fileGroup = p.parseName("a filegroup name");
  let property: string | undefined;
  let newName: Identifier | undefined;
  if (p.eatWord("NAME")) {
    p.expect(TokenKind.Equals, "'=' after NAME");
    newName = p.parseName("the new filegroup name");
  } else {
    property = p.expectOneOf(FILEGROUP_PROPERTIES);
  }
  const termination: Termination | undefined = parseTermination(p);

  return p.finish(mark, {
    kind: "AlterDatabaseModifyFileGroupStatement",
    ...target,
    fileGroup,
    ...(property ? { property } : {}),
    ...(newName ? { newName } : {}),
    ...(termination ? { termination } : {}),
  });
}

/** `ADD | REMOVE SECONDARY ON SERVER s [WITH (...)]` of Azure SQL geo-replication. */
function parseSecondary(p: Parser, mark: Mark, target: AlterDatabaseTarget, action: string): DatabaseStatement {
  p.expectWords("ON", "SERVER");
  const server = p.parseName("a server name");
  const options: OptionNode[] = p.isWord("WITH") ? parseWithOptions(p) : [];
  return p.finish(mark, { kind: "AlterDatabaseAzureStatement", ...target, action, server, options });
}
