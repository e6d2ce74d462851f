/**
 * Queries: SELECT, its clauses, and the table sources shared with INSERT,
 * UPDATE, DELETE and MERGE.
 */

import type { Expression, FunctionCall, VariableReference } from "./expressions.js";
import type { Identifier, Node, OptionNode, SchemaObjectName } from "./node.js";

export type QueryExpression = QuerySpecification | BinaryQueryExpression | QueryParenthesis;

/**
 * Clauses that close a query expression. As in SqlScriptDOM they sit on the
 * query expression itself, so a subquery with TOP ... ORDER BY keeps them.
 */
export interface QueryTail {
  readonly orderBy?: OrderByClause;
  readonly offset?: OffsetClause;
  readonly forClause?: ForClause;
}

export interface QuerySpecification extends Node, QueryTail {
  readonly kind: "QuerySpecification";
  readonly quantifier?: "DISTINCT" | "ALL";
  readonly top?: TopClause;
  readonly selectList: readonly SelectElement[];
  /** SELECT ... INTO target. */
  readonly into?: SchemaObjectName;
  readonly intoFilegroup?: Identifier;
  readonly from: readonly TableReference[];
  readonly where?: Expression;
  readonly groupBy?: GroupByClause;
  readonly having?: Expression;
  /** Named windows of the WINDOW clause (SQL Server 2022). */
  readonly windows?: readonly NamedWindow[];
}

export interface BinaryQueryExpression extends Node, QueryTail {
  readonly kind: "BinaryQueryExpression";
  readonly operator: "UNION" | "UNION ALL" | "EXCEPT" | "INTERSECT";
  readonly left: QueryExpression;
  readonly right: QueryExpression;
}

export interface QueryParenthesis extends Node, QueryTail {
  readonly kind: "QueryParenthesis";
  /** Common table expressions written inside the parenthesis. */
  readonly with?: WithClause;
  readonly query: QueryExpression;
}

export interface TopClause extends Node {
  readonly kind: "TopClause";
  readonly expression: Expression;
  readonly percent: boolean;
  readonly withTies: boolean;
  /** `TOP 10` without parentheses, the older form. */
  readonly parenthesized: boolean;
}

export type SelectElement = SelectColumn | SelectAssignment;

export interface SelectColumn extends Node {
  readonly kind: "SelectColumn";
  readonly expression: Expression;
  readonly alias?: Identifier;
  /**
   * How the alias was written: `AS x`, `x` alone, `x = expr`, or a string
   * literal (`'x' = expr` or `expr 'x'`), which is deprecated.
   */
  readonly aliasStyle?: "as" | "bare" | "equals" | "string";
}

/** `SELECT @v = expr` or `SELECT @v += expr`. */
export interface SelectAssignment extends Node {
  readonly kind: "SelectAssignment";
  readonly variable: VariableReference;
  readonly operator: string;
  readonly expression: Expression;
}

export interface GroupByClause extends Node {
  readonly kind: "GroupByClause";
  readonly items: readonly GroupingItem[];
  /** The deprecated `GROUP BY ALL`. */
  readonly all: boolean;
  /** The older `WITH ROLLUP` and `WITH CUBE` suffixes. */
  readonly withOption?: "ROLLUP" | "CUBE";
}

export type GroupingItem = Expression | GroupingSpecification;

export interface GroupingSpecification extends Node {
  readonly kind: "GroupingSpecification";
  readonly type: "ROLLUP" | "CUBE" | "GROUPING SETS" | "GRAND TOTAL" | "COMPOSITE";
  readonly items: readonly GroupingItem[];
}

export interface OrderByClause extends Node {
  readonly kind: "OrderByClause";
  readonly items: readonly OrderByItem[];
}

export interface OrderByItem extends Node {
  readonly kind: "OrderByItem";
  readonly expression: Expression;
  readonly direction?: "ASC" | "DESC";
}

export interface OffsetClause extends Node {
  readonly kind: "OffsetClause";
  readonly offset: Expression;
  readonly fetch?: Expression;
}

export interface WindowSpecification extends Node {
  readonly kind: "WindowSpecification";
  /** A window name: `OVER w`, or `OVER (w ORDER BY ...)`. */
  readonly baseWindow?: Identifier;
  readonly partitionBy: readonly Expression[];
  readonly orderBy?: OrderByClause;
  readonly frame?: WindowFrame;
}

export interface NamedWindow extends Node {
  readonly kind: "NamedWindow";
  readonly name: Identifier;
  readonly specification: WindowSpecification;
}

export interface WindowFrame extends Node {
  readonly kind: "WindowFrame";
  readonly unit: "ROWS" | "RANGE";
  readonly startBound: FrameBound;
  readonly endBound?: FrameBound;
}

export interface FrameBound extends Node {
  readonly kind: "FrameBound";
  readonly type: "UNBOUNDED PRECEDING" | "UNBOUNDED FOLLOWING" | "CURRENT ROW" | "PRECEDING" | "FOLLOWING";
  readonly offset?: Expression;
}

/** FOR XML, FOR JSON and FOR BROWSE. */
export interface ForClause extends Node {
  readonly kind: "ForClause";
  readonly type: "XML" | "JSON" | "BROWSE";
  /** RAW, AUTO, EXPLICIT, PATH for XML; AUTO, PATH for JSON. */
  readonly mode?: string;
  /** Element name of `RAW('row')` and `PATH('row')`. */
  readonly elementName?: string;
  readonly options: readonly OptionNode[];
}

export interface QueryHint extends Node {
  readonly kind: "QueryHint";
  /** Upper-case hint words, for example `HASH JOIN`, `MAXDOP`, `OPTIMIZE FOR`. */
  readonly name: string;
  readonly value?: Expression;
  /** Raw text of a parenthesised payload such as OPTIMIZE FOR's variable list. */
  readonly argumentsText?: string;
}

export interface TableHint extends Node {
  readonly kind: "TableHint";
  /** Upper-case hint name: NOLOCK, INDEX, FORCESEEK, ... */
  readonly name: string;
  readonly arguments: readonly Expression[];
}

export type TableReference =
  | NamedTableReference
  | DerivedTable
  | TableValuedFunctionReference
  | VariableTableReference
  | JoinTableReference
  | UnqualifiedJoin
  | PivotedTableReference
  | UnpivotedTableReference
  | ValuesTableReference
  | BulkOpenRowset
  | ParenthesizedTableReference;

export interface TableAlias {
  readonly alias?: Identifier;
  readonly columns?: readonly Identifier[];
}

export interface NamedTableReference extends Node, TableAlias {
  readonly kind: "NamedTableReference";
  readonly name: SchemaObjectName;
  readonly hints: readonly TableHint[];
  /** `FOR SYSTEM_TIME ...` of a temporal table, kept as its option words. */
  readonly forSystemTime?: TemporalClause;
  /** `FOR PATH`: a graph table whose rows a SHORTEST_PATH pattern walks (SQL Server 2019). */
  readonly forPath?: true;
  readonly tableSample?: Expression;
}

export interface TemporalClause extends Node {
  readonly kind: "TemporalClause";
  /** `AS OF`, `FROM`, `BETWEEN`, `CONTAINED IN` or `ALL`. */
  readonly type: string;
  readonly values: readonly Expression[];
}

export interface DerivedTable extends Node, TableAlias {
  readonly kind: "DerivedTable";
  readonly query: QueryExpression;
}

/** A table-valued function or rowset function: OPENQUERY, OPENJSON, STRING_SPLIT, ... */
export interface TableValuedFunctionReference extends Node, TableAlias {
  readonly kind: "TableValuedFunctionReference";
  readonly call: FunctionCall;
  /** The WITH (...) schema of OPENJSON and OPENXML. */
  readonly withColumns?: readonly RowsetColumn[];
  /** `OPENXML(...) WITH table_name`: the columns of an existing table. */
  readonly withTable?: SchemaObjectName;
  /** Four-part name after OPENDATASOURCE(...), such as `.db.dbo.t`. */
  readonly path?: readonly Identifier[];
  readonly hints: readonly TableHint[];
}

export interface RowsetColumn extends Node {
  readonly kind: "RowsetColumn";
  readonly name: Identifier;
  readonly dataType: import("./node.js").DataType;
  readonly path?: Expression;
  readonly asJson: boolean;
}

/** `OPENROWSET(BULK 'file', SINGLE_BLOB)` and its FORMATFILE forms. */
export interface BulkOpenRowset extends Node, TableAlias {
  readonly kind: "BulkOpenRowset";
  readonly file: Expression;
  readonly options: readonly OptionNode[];
}

export interface VariableTableReference extends Node, TableAlias {
  readonly kind: "VariableTableReference";
  readonly variable: VariableReference;
}

export interface JoinTableReference extends Node {
  readonly kind: "JoinTableReference";
  readonly joinType: "INNER" | "LEFT" | "RIGHT" | "FULL";
  /** LOOP, HASH, MERGE or REMOTE join hint. */
  readonly hint?: string;
  readonly left: TableReference;
  readonly right: TableReference;
  readonly on: Expression;
}

export interface UnqualifiedJoin extends Node {
  readonly kind: "UnqualifiedJoin";
  readonly joinType: "CROSS JOIN" | "CROSS APPLY" | "OUTER APPLY";
  readonly left: TableReference;
  readonly right: TableReference;
}

export interface PivotedTableReference extends Node, TableAlias {
  readonly kind: "PivotedTableReference";
  readonly source: TableReference;
  readonly aggregate: FunctionCall;
  readonly pivotColumn: Expression;
  readonly values: readonly Identifier[];
}

export interface UnpivotedTableReference extends Node, TableAlias {
  readonly kind: "UnpivotedTableReference";
  readonly source: TableReference;
  readonly valueColumn: Identifier;
  readonly pivotColumn: Identifier;
  readonly sourceColumns: readonly Expression[];
}

/** `(VALUES (1, 'a'), (2, 'b')) AS t (id, name)`. */
export interface ValuesTableReference extends Node, TableAlias {
  readonly kind: "ValuesTableReference";
  readonly rows: readonly (readonly Expression[])[];
}

export interface ParenthesizedTableReference extends Node {
  readonly kind: "ParenthesizedTableReference";
  readonly table: TableReference;
}

export interface WithClause extends Node {
  readonly kind: "WithClause";
  readonly ctes: readonly CommonTableExpression[];
  /** `WITH XMLNAMESPACES (...)` declarations, kept as text. */
  readonly xmlNamespaces?: string;
}

export interface CommonTableExpression extends Node {
  readonly kind: "CommonTableExpression";
  readonly name: Identifier;
  readonly columns: readonly Identifier[];
  readonly query: QueryExpression;
}

export interface SelectStatement extends Node {
  readonly kind: "SelectStatement";
  readonly with?: WithClause;
  readonly query: QueryExpression;
  readonly options: readonly QueryHint[];
}
