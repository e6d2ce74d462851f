/** CREATE TABLE, and ALTER TABLE with one node kind per form. */

import type { Expression } from "../expressions.js";
import type { DataType, Identifier, Node, OptionNode, SchemaObjectName } from "../node.js";
import type { FileGroupOrPartitionScheme, TableDefinition } from "./elements.js";

export interface CreateTableStatement extends Node {
  readonly kind: "CreateTableStatement";
  readonly name: SchemaObjectName;
  /** Absent for `AS FILETABLE` and for graph edge tables without columns. */
  readonly definition?: TableDefinition;
  /** `AS NODE`, `AS EDGE` (graph tables) or `AS FILETABLE`. */
  readonly tableType?: "NODE" | "EDGE" | "FILETABLE";
  readonly on?: FileGroupOrPartitionScheme;
  readonly textImageOn?: FileGroupOrPartitionScheme;
  readonly fileStreamOn?: FileGroupOrPartitionScheme;
  /** `WITH (...)`: DATA_COMPRESSION, SYSTEM_VERSIONING, MEMORY_OPTIMIZED, LEDGER, ... */
  readonly options: readonly OptionNode[];
}

// ALTER TABLE, one node kind per form.

interface AlterTableBase extends Node {
  readonly table: SchemaObjectName;
}

/** `ALTER TABLE t [WITH CHECK|NOCHECK] ADD ...`, including ADD PERIOD FOR SYSTEM_TIME. */
export interface AlterTableAddTableElementStatement extends AlterTableBase {
  readonly kind: "AlterTableAddTableElementStatement";
  /** WITH CHECK or WITH NOCHECK before ADD. */
  readonly existingRowsCheck?: "CHECK" | "NOCHECK";
  readonly definition: TableDefinition;
}

export interface AlterTableAlterColumnStatement extends AlterTableBase {
  readonly kind: "AlterTableAlterColumnStatement";
  readonly columnName: Identifier;
  /** Set when the column changes type; absent for ADD / DROP of a property. */
  readonly dataType?: DataType;
  readonly collation?: Identifier;
  readonly nullable?: boolean;
  readonly sparse: boolean;
  readonly encryption?: readonly OptionNode[];
  /** `ADD` or `DROP` of a column property, such as `DROP ROWGUIDCOL`. */
  readonly propertyAction?: "ADD" | "DROP";
  /** ROWGUIDCOL, PERSISTED, NOT FOR REPLICATION, SPARSE, HIDDEN or MASKED. */
  readonly property?: string;
  readonly maskingFunction?: string;
  readonly options: readonly OptionNode[];
}

export interface DropTableElement extends Node {
  readonly kind: "DropTableElement";
  readonly elementType: "CONSTRAINT" | "COLUMN" | "INDEX" | "PERIOD FOR SYSTEM_TIME";
  /** Absent for PERIOD FOR SYSTEM_TIME. */
  readonly name?: Identifier;
  readonly ifExists: boolean;
  readonly options: readonly OptionNode[];
}

export interface AlterTableDropTableElementStatement extends AlterTableBase {
  readonly kind: "AlterTableDropTableElementStatement";
  readonly elements: readonly DropTableElement[];
}

/** `[WITH CHECK|NOCHECK] CHECK|NOCHECK CONSTRAINT ALL|names`. */
export interface AlterTableConstraintModificationStatement extends AlterTableBase {
  readonly kind: "AlterTableConstraintModificationStatement";
  readonly existingRowsCheck?: "CHECK" | "NOCHECK";
  readonly action: "CHECK" | "NOCHECK";
  readonly all: boolean;
  readonly constraints: readonly Identifier[];
}

/** `ENABLE|DISABLE TRIGGER ALL|names`: turns DML triggers on or off. */
export interface AlterTableTriggerModificationStatement extends AlterTableBase {
  readonly kind: "AlterTableTriggerModificationStatement";
  readonly action: "ENABLE" | "DISABLE";
  readonly all: boolean;
  readonly triggers: readonly Identifier[];
}

export interface AlterTableChangeTrackingModificationStatement extends AlterTableBase {
  readonly kind: "AlterTableChangeTrackingModificationStatement";
  readonly action: "ENABLE" | "DISABLE";
  readonly trackColumnsUpdated?: boolean;
}

export interface AlterTableSwitchStatement extends AlterTableBase {
  readonly kind: "AlterTableSwitchStatement";
  readonly sourcePartition?: Expression;
  readonly target: SchemaObjectName;
  readonly targetPartition?: Expression;
  readonly options: readonly OptionNode[];
}

/** `SET (SYSTEM_VERSIONING = ..., LOCK_ESCALATION = ..., ...)`. */
export interface AlterTableSetStatement extends AlterTableBase {
  readonly kind: "AlterTableSetStatement";
  readonly options: readonly OptionNode[];
}

export interface AlterTableRebuildStatement extends AlterTableBase {
  readonly kind: "AlterTableRebuildStatement";
  /** `ALL` or the partition number of `PARTITION = n`. */
  readonly partition?: "ALL" | Expression;
  readonly options: readonly OptionNode[];
}

/** `ALTER INDEX ix REBUILD ...` inside ALTER TABLE, for memory-optimized tables. */
export interface AlterTableAlterIndexStatement extends AlterTableBase {
  readonly kind: "AlterTableAlterIndexStatement";
  readonly index: Identifier;
  readonly options: readonly OptionNode[];
}

export interface AlterTableFileTableNamespaceStatement extends AlterTableBase {
  readonly kind: "AlterTableFileTableNamespaceStatement";
  readonly action: "ENABLE" | "DISABLE";
}

export type AlterTableStatement =
  | AlterTableAddTableElementStatement
  | AlterTableAlterColumnStatement
  | AlterTableDropTableElementStatement
  | AlterTableConstraintModificationStatement
  | AlterTableTriggerModificationStatement
  | AlterTableChangeTrackingModificationStatement
  | AlterTableSwitchStatement
  | AlterTableSetStatement
  | AlterTableRebuildStatement
  | AlterTableAlterIndexStatement
  | AlterTableFileTableNamespaceStatement;
