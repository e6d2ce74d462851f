/**
 * ALTER TABLE in all its forms, one node kind per form. Reference: "ALTER
 * TABLE (Transact-SQL)", SQL Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { Identifier, OptionNode, SchemaObjectName } from "../../ast/node.js";
import type {
  AlterTableAddTableElementStatement,
  AlterTableAlterIndexStatement,
  AlterTableChangeTrackingModificationStatement,
  AlterTableConstraintModificationStatement,
  AlterTableFileTableNamespaceStatement,
  AlterTableRebuildStatement,
  AlterTableSetStatement,
  AlterTableStatement,
  AlterTableSwitchStatement,
  AlterTableTriggerModificationStatement,
} from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import { parseOptionList } from "../options.js";
import type { Mark, Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseAlterColumn } from "./alter-column.js";
import { parseDropElements } from "./alter-table-drop.js";
import { parseWithOptions } from "./storage.js";
import { parseTableElementList } from "./table-definition.js";

export function parseAlterTable(p: Parser, context: StatementContext): AlterTableStatement {
  p.expectWord("TABLE");
  const table = p.parseSchemaObjectName("a table name");
  const mark = context.mark;

  let existingRowsCheck: "CHECK" | "NOCHECK" | undefined;
  if (p.isWord("WITH") && (p.isWord("CHECK", 1) || p.isWord("NOCHECK", 1))) {
    p.advance();
    existingRowsCheck = p.advance().value as "CHECK" | "NOCHECK";
  }

  const word = p.wordAt();
  switch (word) {
    case "ADD":
      return parseAdd(p, mark, table, existingRowsCheck);
    case "CHECK":
    case "NOCHECK":
      return parseConstraintModification(p, mark, table, existingRowsCheck);
  }
  if (existingRowsCheck !== undefined) {
    p.fail("ADD, CHECK CONSTRAINT or NOCHECK CONSTRAINT after WITH " + existingRowsCheck);
  }

  switch (word) {
    case "ALTER":
      return p.isWord("INDEX", 1) ? parseAlterIndex(p, mark, table) : parseAlterColumn(p, mark, table);
    case "DROP":
      return parseDropElements(p, mark, table);
    case "ENABLE":
    case "DISABLE":
      return parseToggle(p, mark, table);
    case "SWITCH":
      return parseSwitch(p, mark, table);
    case "SET":
      return parseSet(p, mark, table);
    case "REBUILD":
      return parseRebuild(p, mark, table);
    default:
      return p.fail(
        "ADD, ALTER COLUMN, DROP, CHECK, NOCHECK, ENABLE, DISABLE, SWITCH, SET or REBUILD",
      );
  }
}

function parseAdd(
  p: Parser,
  mark: Mark,
  table: SchemaObjectName,
  existingRowsCheck: "CHECK" | "NOCHECK" | undefined,
): AlterTableAddTableElementStatement {
  p.expectWord("ADD");
  const definition = parseTableElementList(p);
  return p.finish<AlterTableAddTableElementStatement>(mark, {
    kind: "AlterTableAddTableElementStatement",
    table,
    ...(existingRowsCheck ? { existingRowsCheck } : {}),
    definition,
  });
}

/** `[WITH CHECK|NOCHECK] {CHECK | NOCHECK} CONSTRAINT {ALL | name [, ...]}`. */
function parseConstraintModification(
  p: Parser,
  mark: Mark,
  table: SchemaObjectName,
  existingRowsCheck: "CHECK" | "NOCHECK" | undefined,
): AlterTableConstraintModificationStatement {
  const action = p.advance().value as "CHECK" | "NOCHECK";
  p.expectWord("CONSTRAINT");
  const all = p.eatWord("ALL");
  const constraints: Identifier[] = all ? [] : p.parseCommaList(() => p.parseIdentifier("a constraint name"));
  return p.finish<AlterTableConstraintModificationStatement>(mark, {
    kind: "AlterTableConstraintModificationStatement",
    table,
    ...(existingRowsCheck ? { existingRowsCheck } : {}),
    action,
    all,
    constraints,
  });
}

/** ENABLE / DISABLE of TRIGGER, CHANGE_TRACKING and FILETABLE_NAMESPACE. */
function parseToggle(
  p: Parser,
  mark: Mark,
  table: SchemaObjectName,
): AlterTableTriggerModificationStatement | AlterTableChangeTrackingModificationStatement | AlterTableFileTableNamespaceStatement {
  const action = p.advance().value as "ENABLE" | "DISABLE";
  const what = p.expectOneOf(["TRIGGER", "CHANGE_TRACKING", "FILETABLE_NAMESPACE"]);

  if (what === "TRIGGER") {
    const all = p.eatWord("ALL");
    const triggers: Identifier[] = all ? [] : p.parseCommaList(() => p.parseIdentifier("a trigger name"));
    return p.finish<AlterTableTriggerModificationStatement>(mark, {
      kind: "AlterTableTriggerModificationStatement",
      table,
      action,
      all,
      triggers,
    });
  }

  if (what === "FILETABLE_NAMESPACE") {
    return p.finish<AlterTableFileTableNamespaceStatement>(mark, {
      kind: "AlterTableFileTableNamespaceStatement",
      table,
      action,
    });
  }

  let trackColumnsUpdated: boolean | undefined;
  if (p.isWord("WITH") && p.isKind(TokenKind.LeftParen, 1)) {
    p.advance();
    const option = parseWithOptions(p).find((o) => o.name === "TRACK_COLUMNS_UPDATED");
    if (option?.value?.type === "word") {
      trackColumnsUpdated = option.value.value.toUpperCase() === "ON";
    }
  }
  return p.finish<AlterTableChangeTrackingModificationStatement>(mark, {
    kind: "AlterTableChangeTrackingModificationStatement",
    table,
    action,
    ...(trackColumnsUpdated === undefined ? {} : { trackColumnsUpdated }),
  });
}

/** `SWITCH [PARTITION n] TO target [PARTITION n] [WITH (...)]`. */
function parseSwitch(p: Parser, mark: Mark, table: SchemaObjectName): AlterTableSwitchStatement {
  p.expectWord("SWITCH");
  const sourcePartition: Expression | undefined = p.eatWord("PARTITION") ? parseExpression(p) : undefined;
  p.expectWord("TO");
  const target = p.parseSchemaObjectName("the target table");
  const targetPartition: Expression | undefined = p.eatWord("PARTITION") ? parseExpression(p) : undefined;
  const options = eatWithOptions(p);
  return p.finish<AlterTableSwitchStatement>(mark, {
    kind: "AlterTableSwitchStatement",
    table,
    ...(sourcePartition ? { sourcePartition } : {}),
    target,
    ...(targetPartition ? { targetPartition } : {}),
    options,
  });
}

function parseSet(p: Parser, mark: Mark, table: SchemaObjectName): AlterTableSetStatement {
  p.expectWord("SET");
  p.expect(TokenKind.LeftParen, "'(' after SET");
  const options = parseOptionList(p);
  p.expect(TokenKind.RightParen, "')' after the table options");
  return p.finish<AlterTableSetStatement>(mark, { kind: "AlterTableSetStatement", table, options });
}

/** `REBUILD [PARTITION = {ALL | n}] [WITH (...)]`. */
function parseRebuild(p: Parser, mark: Mark, table: SchemaObjectName): AlterTableRebuildStatement {
  p.expectWord("REBUILD");
  const partition = parsePartitionSelector(p);
  const options = eatWithOptions(p);
  return p.finish<AlterTableRebuildStatement>(mark, {
    kind: "AlterTableRebuildStatement",
    table,
    ...(partition === undefined ? {} : { partition }),
    options,
  });
}

/** `ALTER INDEX ix REBUILD [WITH (...)]` on a memory-optimized table. */
function parseAlterIndex(p: Parser, mark: Mark, table: SchemaObjectName): AlterTableAlterIndexStatement {
  p.expectWords("ALTER", "INDEX");
  const index = p.parseIdentifier("an index name");
  p.expectWord("REBUILD");
  const options = eatWithOptions(p);
  return p.finish<AlterTableAlterIndexStatement>(mark, {
    kind: "AlterTableAlterIndexStatement",
    table,
    index,
    options,
  });
}

/** Reads `PARTITION = {ALL | n}` when present. */
export function parsePartitionSelector(p: Parser): "ALL" | Expression | undefined {
  if (!p.eatWord("PARTITION")) {
    return undefined;
  }
  p.expect(TokenKind.Equals, "'=' after PARTITION");
  return p.eatWord("ALL") ? "ALL" : parseExpression(p);
}

/** Reads `WITH (options)` when present. */
export function eatWithOptions(p: Parser): OptionNode[] {
  if (p.isWord("WITH") && p.isKind(TokenKind.LeftParen, 1)) {
    p.advance();
    return parseWithOptions(p);
  }
  return [];
}
