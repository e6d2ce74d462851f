/**
 * Tables, indexes, statistics, partitioning, types, sequences, synonyms,
 * schemas and DROP statements. Kind names follow SqlScriptDOM where it has
 * one. Long option lists (index, table and statistics options) are kept as
 * generic OptionNode lists. Everything else the analysis needs is a field.
 */

import type { Expression } from "./expressions.js";
import type {
  DataType,
  Identifier,
  Node,
  OptionNode,
  SchemaObjectName,
} from "./node.js";
import type { Statement } from "./statements.js";

// Building blocks shared by tables, table types and indexes.

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

// CREATE TABLE.

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

// Indexes and statistics.

/** CREATE [UNIQUE] [CLUSTERED|NONCLUSTERED] [COLUMNSTORE] INDEX. */
export interface CreateIndexStatement extends Node, IndexStorage {
  readonly kind: "CreateIndexStatement";
  readonly name: Identifier;
  readonly table: SchemaObjectName;
  readonly unique: boolean;
  readonly clustering?: Clustering;
  readonly columnStore: boolean;
  /** Key columns; empty for a clustered columnstore index. */
  readonly columns: readonly IndexColumn[];
  readonly include: readonly Identifier[];
  /** `ORDER (...)` of an ordered columnstore index. */
  readonly order: readonly Identifier[];
  readonly where?: Expression;
}

/** CREATE [PRIMARY] XML INDEX, primary or secondary. */
export interface CreateXmlIndexStatement extends Node {
  readonly kind: "CreateXmlIndexStatement";
  readonly name: Identifier;
  readonly table: SchemaObjectName;
  /** The indexed xml, spatial, json or vector column. */
  readonly columnName: Identifier;
  readonly primary: boolean;
  /** The index named by `USING XML INDEX`. */
  readonly usingIndex?: Identifier;
  readonly secondaryType?: "VALUE" | "PATH" | "PROPERTY";
  /** The path of a secondary selective XML index, `FOR (path_name)`. */
  readonly selectivePath?: Identifier;
  readonly options: readonly OptionNode[];
}

export interface CreateSelectiveXmlIndexStatement extends Node {
  readonly kind: "CreateSelectiveXmlIndexStatement";
  readonly name: Identifier;
  readonly table: SchemaObjectName;
  /** The indexed xml, spatial, json or vector column. */
  readonly columnName: Identifier;
  /** `WITH XMLNAMESPACES (...)` as written. */
  readonly namespaces?: string;
  /** The promoted paths, `FOR (...)`, as written. */
  readonly paths: string;
  readonly options: readonly OptionNode[];
}

export interface CreateSpatialIndexStatement extends Node, IndexStorage {
  readonly kind: "CreateSpatialIndexStatement";
  readonly name: Identifier;
  readonly table: SchemaObjectName;
  /** The indexed xml, spatial, json or vector column. */
  readonly columnName: Identifier;
  /** GEOMETRY_GRID, GEOGRAPHY_GRID, GEOMETRY_AUTO_GRID or GEOGRAPHY_AUTO_GRID. */
  readonly tessellation?: string;
}

/** CREATE JSON INDEX and CREATE VECTOR INDEX, both new in SQL Server 2025. */
export interface CreateJsonIndexStatement extends Node, IndexStorage {
  readonly kind: "CreateJsonIndexStatement" | "CreateVectorIndexStatement";
  readonly name: Identifier;
  readonly table: SchemaObjectName;
  /** The indexed xml, spatial, json or vector column. */
  readonly columnName: Identifier;
  /** SQL/JSON paths of `FOR (...)`; always empty for a vector index. */
  readonly paths: readonly string[];
}

export interface AlterIndexStatement extends Node {
  readonly kind: "AlterIndexStatement";
  /** Absent for `ALTER INDEX ALL`. */
  readonly name?: Identifier;
  readonly all: boolean;
  readonly table: SchemaObjectName;
  readonly action: "REBUILD" | "REORGANIZE" | "DISABLE" | "SET" | "RESUME" | "PAUSE" | "ABORT";
  readonly partition?: "ALL" | Expression;
  readonly options: readonly OptionNode[];
}

export interface CreateStatisticsStatement extends Node {
  readonly kind: "CreateStatisticsStatement";
  readonly name: Identifier;
  readonly table: SchemaObjectName;
  readonly columns: readonly Identifier[];
  readonly where?: Expression;
  readonly options: readonly OptionNode[];
}

export interface UpdateStatisticsStatement extends Node {
  readonly kind: "UpdateStatisticsStatement";
  readonly table: SchemaObjectName;
  readonly statistics: readonly Identifier[];
  readonly options: readonly OptionNode[];
}

// Partitioning.

export interface CreatePartitionFunctionStatement extends Node {
  readonly kind: "CreatePartitionFunctionStatement";
  readonly name: Identifier;
  readonly parameterType: DataType;
  readonly range?: "LEFT" | "RIGHT";
  readonly boundaryValues: readonly Expression[];
}

export interface AlterPartitionFunctionStatement extends Node {
  readonly kind: "AlterPartitionFunctionStatement";
  readonly name: Identifier;
  readonly action: "SPLIT" | "MERGE";
  readonly boundary: Expression;
}

export interface CreatePartitionSchemeStatement extends Node {
  readonly kind: "CreatePartitionSchemeStatement";
  readonly name: Identifier;
  readonly partitionFunction: Identifier;
  readonly all: boolean;
  readonly fileGroups: readonly Identifier[];
}

export interface AlterPartitionSchemeStatement extends Node {
  readonly kind: "AlterPartitionSchemeStatement";
  readonly name: Identifier;
  /** Absent when NEXT USED names no filegroup, which clears the marking. */
  readonly nextUsed?: Identifier;
}

// Types, sequences, synonyms, schemas and legacy objects.

/** `CREATE TYPE t FROM base [NULL | NOT NULL]`: an alias type. */
export interface CreateTypeUddtStatement extends Node {
  readonly kind: "CreateTypeUddtStatement";
  readonly name: SchemaObjectName;
  readonly baseType: DataType;
  readonly nullable?: boolean;
}

/** `CREATE TYPE t EXTERNAL NAME assembly[.class]`: a CLR type. */
export interface CreateTypeUdtStatement extends Node {
  readonly kind: "CreateTypeUdtStatement";
  readonly name: SchemaObjectName;
  readonly assembly: Identifier;
  readonly className?: Identifier;
}

export interface CreateTypeTableStatement extends Node {
  readonly kind: "CreateTypeTableStatement";
  readonly name: SchemaObjectName;
  readonly definition: TableDefinition;
  readonly options: readonly OptionNode[];
}

/** Options of CREATE and ALTER SEQUENCE; `null` stands for the NO form. */
export interface SequenceOptions {
  readonly dataType?: DataType;
  readonly startWith?: Expression;
  readonly incrementBy?: Expression;
  readonly minValue?: Expression | null;
  readonly maxValue?: Expression | null;
  readonly cycle?: boolean;
  /** A cache size, `true` for CACHE without a size, `false` for NO CACHE. */
  readonly cache?: Expression | boolean;
}

export interface CreateSequenceStatement extends Node, SequenceOptions {
  readonly kind: "CreateSequenceStatement";
  readonly name: SchemaObjectName;
}

export interface AlterSequenceStatement extends Node, SequenceOptions {
  readonly kind: "AlterSequenceStatement";
  readonly name: SchemaObjectName;
  /** `RESTART`: `true` alone, or the value of `RESTART WITH n`. */
  readonly restart?: Expression | true;
}

export interface CreateSynonymStatement extends Node {
  readonly kind: "CreateSynonymStatement";
  readonly name: SchemaObjectName;
  readonly target: SchemaObjectName;
}

export interface CreateSchemaStatement extends Node {
  readonly kind: "CreateSchemaStatement";
  /** Absent for `CREATE SCHEMA AUTHORIZATION owner`. */
  readonly name?: Identifier;
  readonly owner?: Identifier;
  /** CREATE TABLE, CREATE VIEW, GRANT, DENY and REVOKE that follow. */
  readonly elements: readonly Statement[];
}

export interface AlterSchemaStatement extends Node {
  readonly kind: "AlterSchemaStatement";
  readonly name: Identifier;
  readonly objectClass?: "OBJECT" | "TYPE" | "XML SCHEMA COLLECTION";
  readonly object: SchemaObjectName;
}

/** Deprecated CREATE DEFAULT and CREATE RULE objects. */
export interface CreateDefaultStatement extends Node {
  readonly kind: "CreateDefaultStatement";
  readonly name: SchemaObjectName;
  readonly expression: Expression;
}

export interface CreateRuleStatement extends Node {
  readonly kind: "CreateRuleStatement";
  readonly name: SchemaObjectName;
  readonly condition: Expression;
}

export interface CreateXmlSchemaCollectionStatement extends Node {
  readonly kind: "CreateXmlSchemaCollectionStatement";
  readonly name: SchemaObjectName;
  readonly expression: Expression;
}

export interface AlterXmlSchemaCollectionStatement extends Node {
  readonly kind: "AlterXmlSchemaCollectionStatement";
  readonly name: SchemaObjectName;
  readonly expression: Expression;
}

// DROP of every object type.

/** `index ON table` in DROP INDEX, or the two-part `table.index`. */
export interface DropIndexTarget extends Node {
  readonly kind: "DropIndexTarget";
  readonly index: Identifier;
  readonly table?: SchemaObjectName;
  readonly options: readonly OptionNode[];
}

export interface DropStatement extends Node {
  readonly kind: "DropStatement";
  /** Upper-case object type words as written, PROC normalised to PROCEDURE. */
  readonly objectType: string;
  readonly ifExists: boolean;
  /** Dropped objects as written; for DROP INDEX `ix` or `table.ix`. */
  readonly names: readonly SchemaObjectName[];
  /** The targets of DROP INDEX, one per name. */
  readonly indexes?: readonly DropIndexTarget[];
  /** `ON DATABASE`, `ON ALL SERVER`, `ON SERVER`, `ON QUEUE q` or the table of DROP FULLTEXT INDEX. */
  readonly on?: "DATABASE" | "ALL SERVER" | "SERVER" | SchemaObjectName;
  /** Trailing clauses as written, such as `WITH NO DEPENDENTS` or `REMOVE PROVIDER KEY`. */
  readonly clauses: readonly string[];
}

export type TableStatement =
  | CreateTableStatement
  | AlterTableStatement
  | CreateIndexStatement
  | CreateXmlIndexStatement
  | CreateSelectiveXmlIndexStatement
  | CreateSpatialIndexStatement
  | CreateJsonIndexStatement
  | AlterIndexStatement
  | CreateStatisticsStatement
  | UpdateStatisticsStatement
  | CreatePartitionFunctionStatement
  | AlterPartitionFunctionStatement
  | CreatePartitionSchemeStatement
  | AlterPartitionSchemeStatement
  | CreateTypeUddtStatement
  | CreateTypeUdtStatement
  | CreateTypeTableStatement
  | CreateSequenceStatement
  | AlterSequenceStatement
  | CreateSynonymStatement
  | CreateSchemaStatement
  | AlterSchemaStatement
  | CreateDefaultStatement
  | CreateRuleStatement
  | CreateXmlSchemaCollectionStatement
  | AlterXmlSchemaCollectionStatement
  | DropStatement;
