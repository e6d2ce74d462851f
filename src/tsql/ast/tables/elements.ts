/**
 * Building blocks shared by tables, table types and indexes: columns,
 * constraints, inline indexes, periods and storage clauses.
 */

import type { Expression } from "../expressions.js";
import type { DataType, Identifier, Node, OptionNode, SchemaObjectName } from "../node.js";

/** `ON filegroup`, `ON scheme (column)` or `ON "default"`. */
export interface FileGroupOrPartitionScheme extends Node {
  readonly kind: "FileGroupOrPartitionScheme";
  readonly name: Identifier;
  /** The partitioning column when `name` is a partition scheme. */
  readonly partitionColumns?: readonly Identifier[];
}

/** A key column of an index or constraint, with its sort order. */
export interface IndexColumn extends Node {
  readonly kind: "IndexColumn";
  readonly name: Identifier;
  readonly direction?: "ASC" | "DESC";
}

/** Storage clauses of an index or constraint: WITH options, ON and FILESTREAM_ON. */
export interface IndexStorage {
  readonly options: readonly OptionNode[];
  readonly on?: FileGroupOrPartitionScheme;
  readonly fileStreamOn?: FileGroupOrPartitionScheme;
}

export type Clustering = "CLUSTERED" | "NONCLUSTERED";

/** PRIMARY KEY or UNIQUE, as a column or a table constraint. */
export interface UniqueConstraintDefinition extends Node, IndexStorage {
  readonly kind: "UniqueConstraintDefinition";
  readonly name?: Identifier;
  readonly isPrimaryKey: boolean;
  readonly clustering?: Clustering;
  /** `HASH`, for memory-optimized tables. */
  readonly hash: boolean;
  /** Empty on a column constraint, which applies to its own column. */
  readonly columns: readonly IndexColumn[];
}

export type ReferentialAction = "CASCADE" | "SET NULL" | "SET DEFAULT" | "NO ACTION";

export interface ForeignKeyConstraintDefinition extends Node {
  readonly kind: "ForeignKeyConstraintDefinition";
  readonly name?: Identifier;
  /** Empty on a column constraint, which applies to its own column. */
  readonly columns: readonly Identifier[];
  readonly referencedTable: SchemaObjectName;
  readonly referencedColumns: readonly Identifier[];
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly notForReplication: boolean;
}

export interface CheckConstraintDefinition extends Node {
  readonly kind: "CheckConstraintDefinition";
  readonly name?: Identifier;
  readonly condition: Expression;
  readonly notForReplication: boolean;
}

/** `DEFAULT expr`, or in ALTER TABLE ADD the table form `DEFAULT expr FOR column`. */
export interface DefaultConstraintDefinition extends Node {
  readonly kind: "DefaultConstraintDefinition";
  readonly name?: Identifier;
  readonly expression: Expression;
  /** The column of the table form, `DEFAULT expr FOR column`. */
  readonly forColumn?: Identifier;
  readonly withValues: boolean;
}

/** `NULL` or `NOT NULL` written as a (possibly named) column constraint. */
export interface NullableConstraintDefinition extends Node {
  readonly kind: "NullableConstraintDefinition";
  readonly name?: Identifier;
  readonly nullable: boolean;
}

/** `CONNECTION (FromNode TO ToNode, ...)` on a graph edge table. */
export interface GraphConnectionConstraintDefinition extends Node {
  readonly kind: "GraphConnectionConstraintDefinition";
  readonly name?: Identifier;
  readonly connections: readonly {
    readonly from: SchemaObjectName;
    readonly to: SchemaObjectName;
  }[];
  readonly onDeleteCascade: boolean;
}

export type ConstraintDefinition =
  | UniqueConstraintDefinition
  | ForeignKeyConstraintDefinition
  | CheckConstraintDefinition
  | DefaultConstraintDefinition
  | NullableConstraintDefinition
  | GraphConnectionConstraintDefinition;

export interface IdentityOptions extends Node {
  readonly kind: "IdentityOptions";
  readonly seed?: Expression;
  readonly increment?: Expression;
  readonly notForReplication: boolean;
}

/** The GENERATED ALWAYS AS kinds of temporal and ledger columns. */
export type GeneratedAlways =
  | "ROW START"
  | "ROW END"
  | "TRANSACTION_ID START"
  | "TRANSACTION_ID END"
  | "SEQUENCE_NUMBER START"
  | "SEQUENCE_NUMBER END";

export interface ColumnDefinition extends Node {
  readonly kind: "ColumnDefinition";
  readonly name: Identifier;
  /** Absent for computed columns and for a bare `timestamp` column. */
  readonly dataType?: DataType;
  /** The expression of a computed column, `name AS expression`. */
  readonly computed?: Expression;
  readonly persisted: boolean;
  readonly collation?: Identifier;
  readonly identity?: IdentityOptions;
  /** NULL or NOT NULL as written; absent when the column leaves it to the defaults. */
  readonly nullable?: boolean;
  readonly rowGuidCol: boolean;
  readonly sparse: boolean;
  /** `COLUMN_SET FOR ALL_SPARSE_COLUMNS`. */
  readonly columnSet: boolean;
  readonly fileStream: boolean;
  /** The masking function of `MASKED WITH (FUNCTION = '...')`. */
  readonly maskingFunction?: string;
  /** Always Encrypted options of `ENCRYPTED WITH (...)`. */
  readonly encryption?: readonly OptionNode[];
  readonly generatedAlways?: GeneratedAlways;
  readonly hidden: boolean;
  /** Constraints written on the column; a bare NULL or NOT NULL only sets `nullable`. */
  readonly constraints: readonly ConstraintDefinition[];
  /** An inline `INDEX name ...` on the column. */
  readonly index?: IndexDefinition;
}

/** An index inside CREATE TABLE, CREATE TYPE AS TABLE or ALTER TABLE ADD. */
export interface IndexDefinition extends Node, IndexStorage {
  readonly kind: "IndexDefinition";
  readonly name: Identifier;
  readonly unique: boolean;
  readonly clustering?: Clustering;
  readonly columnStore: boolean;
  readonly hash: boolean;
  readonly columns: readonly IndexColumn[];
  readonly include: readonly Identifier[];
  readonly where?: Expression;
}

/** `PERIOD FOR SYSTEM_TIME (start, end)`. */
export interface SystemTimePeriodDefinition extends Node {
  readonly kind: "SystemTimePeriodDefinition";
  readonly startColumn: Identifier;
  readonly endColumn: Identifier;
}

/** The parenthesised body of a table or table type. */
export interface TableDefinition extends Node {
  readonly kind: "TableDefinition";
  readonly columns: readonly ColumnDefinition[];
  readonly constraints: readonly ConstraintDefinition[];
  readonly indexes: readonly IndexDefinition[];
  readonly period?: SystemTimePeriodDefinition;
}
