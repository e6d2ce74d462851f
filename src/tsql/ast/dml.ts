/**
 * Data modification statements: INSERT, UPDATE, DELETE, MERGE, BULK INSERT,
 * TRUNCATE TABLE and the deprecated text and image statements READTEXT,
 * WRITETEXT and UPDATETEXT.
 */

import type {
  ColumnReference,
  Expression,
  MethodCall,
  VariableReference,
} from "./expressions.js";
import type { Identifier, Node, OptionNode, SchemaObjectName } from "./node.js";
import type { ExecuteStatement } from "./procedural.js";
import type {
  NamedTableReference,
  OrderByItem,
  QueryExpression,
  QueryHint,
  SelectColumn,
  TableReference,
  TableValuedFunctionReference,
  TopClause,
  VariableTableReference,
  WithClause,
} from "./query.js";

export type DmlStatement =
  | InsertStatement
  | UpdateStatement
  | DeleteStatement
  | MergeStatement
  | BulkInsertStatement
  | TruncateTableStatement
  | ReadTextStatement
  | WriteTextStatement
  | UpdateTextStatement;

/**
 * The table that a statement changes: a table or view name, a table
 * variable, or a rowset function such as OPENQUERY, OPENROWSET or
 * OPENDATASOURCE(...).db.schema.table. Table hints are on the reference,
 * and only a MERGE target has an alias.
 */
export type DmlTarget =
  | NamedTableReference
  | VariableTableReference
  | TableValuedFunctionReference;

/** Clauses that INSERT, UPDATE, DELETE and MERGE share. */
export interface DmlClauses {
  /** Common table expressions written before the statement. */
  readonly with?: WithClause;
  readonly top?: TopClause;
  readonly target: DmlTarget;
  readonly outputInto?: OutputIntoClause;
  /** The OUTPUT that returns rows to the client. */
  readonly output?: OutputClause;
  /** Query hints of `OPTION (...)`, empty when absent. */
  readonly options: readonly QueryHint[];
}

/** `OUTPUT column_list`, returning the changed rows to the client. */
export interface OutputClause extends Node {
  readonly kind: "OutputClause";
  /** `inserted.*`, `deleted.col`, `$action` and expressions, with aliases. */
  readonly columns: readonly SelectColumn[];
}

/** `OUTPUT column_list INTO { @table | table } [(columns)]`. */
export interface OutputIntoClause extends Node {
  readonly kind: "OutputIntoClause";
  readonly columns: readonly SelectColumn[];
  readonly into: NamedTableReference | VariableTableReference;
  readonly intoColumns: readonly ColumnReference[];
}

export interface InsertStatement extends Node, DmlClauses {
  readonly kind: "InsertStatement";
  /** Whether INTO was written. */
  readonly into: boolean;
  readonly columns: readonly ColumnReference[];
  readonly source: InsertSource;
}

export type InsertSource =
  | ValuesInsertSource
  | DefaultValuesInsertSource
  | SelectInsertSource
  /** `INSERT ... EXEC`: the EXECUTE statement's node, with `insertSource` set. */
  | ExecuteStatement;

/** `VALUES (...), (...)`: one expression list per row. */
export interface ValuesInsertSource extends Node {
  readonly kind: "ValuesInsertSource";
  readonly rows: readonly (readonly Expression[])[];
}

export interface DefaultValuesInsertSource extends Node {
  readonly kind: "DefaultValuesInsertSource";
}

export interface SelectInsertSource extends Node {
  readonly kind: "SelectInsertSource";
  readonly query: QueryExpression;
}

export interface UpdateStatement extends Node, DmlClauses {
  readonly kind: "UpdateStatement";
  readonly setClauses: readonly SetClause[];
  /** FROM of the Transact-SQL extension, empty when absent. */
  readonly from: readonly TableReference[];
  readonly where?: Expression;
  readonly currentOf?: CurrentOfClause;
}

export interface DeleteStatement extends Node, DmlClauses {
  readonly kind: "DeleteStatement";
  /** The second FROM of the Transact-SQL extension, empty when absent. */
  readonly from: readonly TableReference[];
  readonly where?: Expression;
  readonly currentOf?: CurrentOfClause;
}

/** `WHERE CURRENT OF [GLOBAL] cursor` or `WHERE CURRENT OF @cursor_var`. */
export interface CurrentOfClause extends Node {
  readonly kind: "CurrentOfClause";
  readonly global: boolean;
  readonly cursor: Identifier | VariableReference;
}

export type SetClause = AssignmentSetClause | FunctionCallSetClause;

/**
 * `column = value`, `column += value`, `@var = value`,
 * `@var = column = value`, `udt_column.Property = value`. DEFAULT and NULL
 * values are ordinary expressions.
 */
export interface AssignmentSetClause extends Node {
  readonly kind: "AssignmentSetClause";
  readonly variable?: VariableReference;
  /** The assigned column. The name `column` is the node's source column. */
  readonly targetColumn?: ColumnReference;
  /** `=` or a compound operator such as `+=`, `||=`. */
  readonly operator: string;
  readonly value: Expression;
}

/**
 * A mutator called in SET: `column.WRITE(expr, offset, length)` or
 * `udt_column.Method(args)`.
 */
export interface FunctionCallSetClause extends Node {
  readonly kind: "FunctionCallSetClause";
  readonly call: MethodCall;
}

export interface MergeStatement extends Node, DmlClauses {
  readonly kind: "MergeStatement";
  readonly into: boolean;
  readonly using: TableReference;
  readonly on: Expression;
  readonly clauses: readonly MergeActionClause[];
  /**
   * Whether a semicolon ends the statement. SQL Server requires one after
   * MERGE, but scripts cut into pieces often lack it, so the parser accepts
   * both and leaves the finding to the analysis.
   */
  readonly terminated: boolean;
}

export interface MergeActionClause extends Node {
  readonly kind: "MergeActionClause";
  /** `NOT MATCHED` without `BY TARGET` is `NOT MATCHED BY TARGET`. */
  readonly condition:
    | "MATCHED"
    | "NOT MATCHED BY TARGET"
    | "NOT MATCHED BY SOURCE";
  /** The `AND` condition after the match condition. */
  readonly searchCondition?: Expression;
  readonly action: MergeAction;
}

export type MergeAction =
  | UpdateMergeAction
  | DeleteMergeAction
  | InsertMergeAction;

export interface UpdateMergeAction extends Node {
  readonly kind: "UpdateMergeAction";
  readonly setClauses: readonly SetClause[];
}

export interface DeleteMergeAction extends Node {
  readonly kind: "DeleteMergeAction";
}

/** `INSERT [(columns)] { VALUES (...) | DEFAULT VALUES }`. */
export interface InsertMergeAction extends Node {
  readonly kind: "InsertMergeAction";
  readonly columns: readonly ColumnReference[];
  /** The VALUES row, absent for DEFAULT VALUES. */
  readonly values?: readonly Expression[];
  readonly defaultValues: boolean;
}

/** `BULK INSERT table FROM 'file' [WITH (options)]`. */
export interface BulkInsertStatement extends Node {
  readonly kind: "BulkInsertStatement";
  readonly table: SchemaObjectName;
  readonly file: Expression;
  /** Options by name, such as FIELDTERMINATOR, FORMAT, FIRSTROW, TABLOCK. */
  readonly options: readonly OptionNode[];
  /** The columns of the `ORDER (...)` option, empty when absent. */
  readonly order: readonly OrderByItem[];
}

export interface TruncateTableStatement extends Node {
  readonly kind: "TruncateTableStatement";
  readonly table: SchemaObjectName;
  /** Partitions of `WITH (PARTITIONS (...))`, empty for the whole table. */
  readonly partitions: readonly PartitionRange[];
}

/** A partition number, or a range `from TO to`. */
export interface PartitionRange extends Node {
  readonly kind: "PartitionRange";
  readonly from: Expression;
  readonly to?: Expression;
}

/** `READTEXT table.column text_ptr offset size [HOLDLOCK]`. */
export interface ReadTextStatement extends Node {
  readonly kind: "ReadTextStatement";
  readonly textColumn: ColumnReference;
  readonly textPointer: Expression;
  readonly offset: Expression;
  readonly size: Expression;
  readonly holdLock: boolean;
}

/** `WRITETEXT [BULK] table.column text_ptr [WITH LOG] data`. */
export interface WriteTextStatement extends Node {
  readonly kind: "WriteTextStatement";
  readonly bulk: boolean;
  readonly textColumn: ColumnReference;
  readonly textPointer: Expression;
  readonly withLog: boolean;
  readonly data: Expression;
}

/**
 * `UPDATETEXT [BULK] table.column text_ptr { NULL | offset } { NULL | length }
 * [WITH LOG] [ data | source_table.column source_text_ptr ]`.
 */
export interface UpdateTextStatement extends Node {
  readonly kind: "UpdateTextStatement";
  readonly bulk: boolean;
  readonly textColumn: ColumnReference;
  readonly textPointer: Expression;
  readonly insertOffset: Expression;
  readonly deleteLength: Expression;
  readonly withLog: boolean;
  readonly data?: Expression;
  readonly sourceTextColumn?: ColumnReference;
  readonly sourceTextPointer?: Expression;
}
