/**
 * Scalar and boolean expressions. T-SQL mixes the two only in a few places
 * (IIF, CASE WHEN), so both share one union and one parser.
 */

import type { DataType, Identifier, Node, SchemaObjectName } from "./node.js";
import type { OrderByClause, QueryExpression, WindowSpecification } from "./query.js";

export type Expression =
  | Literal
  | DefaultExpression
  | VariableReference
  | GlobalVariableReference
  | ColumnReference
  | StarExpression
  | FunctionCall
  | MethodCall
  | PropertyAccess
  | StaticMethodCall
  | CastExpression
  | CaseExpression
  | ScalarSubquery
  | ParenthesizedExpression
  | ExpressionList
  | UnaryExpression
  | BinaryExpression
  | ComparisonExpression
  | LogicalExpression
  | NotExpression
  | IsNullExpression
  | IsDistinctFromExpression
  | BetweenExpression
  | LikeExpression
  | InExpression
  | ExistsExpression
  | QuantifiedComparison
  | CollateExpression
  | AtTimeZoneExpression
  | OdbcEscape
  | NextValueFor
  | GraphMatchPredicate
  | JsonKeyValue
  | SqlcmdVariableReference;

export type LiteralType =
  | "String"
  | "NString"
  | "Integer"
  | "Decimal"
  | "Float"
  | "Money"
  | "Binary"
  | "Null";

export interface Literal extends Node {
  readonly kind: "Literal";
  readonly type: LiteralType;
  /** Source text of numbers; content of strings with doubled quotes collapsed. */
  readonly value: string;
}

/** The DEFAULT keyword in VALUES lists, SET clauses and procedure arguments. */
export interface DefaultExpression extends Node {
  readonly kind: "DefaultExpression";
}

export interface VariableReference extends Node {
  readonly kind: "VariableReference";
  /** The name with its `@`, in the case written. */
  readonly name: string;
}

export interface GlobalVariableReference extends Node {
  readonly kind: "GlobalVariableReference";
  /** Upper-case name with its `@@`, for example `@@ROWCOUNT`. */
  readonly name: string;
}

/** A column, or a pseudo-column such as `$action` or `$IDENTITY`. */
export interface ColumnReference extends Node {
  readonly kind: "ColumnReference";
  readonly parts: readonly Identifier[];
}

/** `*` or `alias.*` in a select list or an aggregate argument. */
export interface StarExpression extends Node {
  readonly kind: "StarExpression";
  readonly qualifier: readonly Identifier[];
}

export interface FunctionCall extends Node {
  readonly kind: "FunctionCall";
  /** Function name; `dbo.fn` has a schema, built-ins do not. */
  readonly name: SchemaObjectName;
  readonly arguments: readonly Expression[];
  readonly quantifier?: "DISTINCT" | "ALL";
  readonly withinGroup?: OrderByClause;
  readonly over?: WindowSpecification;
  /** `IGNORE NULLS` or `RESPECT NULLS` of FIRST_VALUE and friends. */
  readonly nullTreatment?: "IGNORE NULLS" | "RESPECT NULLS";
  /** Trailing words inside the parentheses, such as JSON_OBJECT's `NULL ON NULL`. */
  readonly clauses?: readonly string[];
}

/** A method on an expression of a CLR or XML type: `@x.value('...', 'int')`. */
export interface MethodCall extends Node {
  readonly kind: "MethodCall";
  readonly target: Expression;
  readonly method: Identifier;
  readonly arguments: readonly Expression[];
}

/** A property of a CLR type instance: `@point.Lat`. */
export interface PropertyAccess extends Node {
  readonly kind: "PropertyAccess";
  readonly target: Expression;
  readonly property: Identifier;
}

/** `type::Method(...)`, as in `geography::Point(47.6, -122.3, 4326)`. */
export interface StaticMethodCall extends Node {
  readonly kind: "StaticMethodCall";
  readonly type: SchemaObjectName;
  readonly method: Identifier;
  readonly arguments?: readonly Expression[];
}

/** CAST, TRY_CAST, CONVERT, TRY_CONVERT, PARSE and TRY_PARSE. */
export interface CastExpression extends Node {
  readonly kind: "CastExpression";
  readonly function: "CAST" | "TRY_CAST" | "CONVERT" | "TRY_CONVERT" | "PARSE" | "TRY_PARSE";
  readonly expression: Expression;
  readonly dataType: DataType;
  /** CONVERT's style argument. */
  readonly style?: Expression;
  /** PARSE's `USING culture`. */
  readonly culture?: Expression;
}

export interface CaseExpression extends Node {
  readonly kind: "CaseExpression";
  /** The input of a simple CASE; absent for a searched CASE. */
  readonly input?: Expression;
  readonly whenClauses: readonly WhenClause[];
  readonly elseExpression?: Expression;
}

export interface WhenClause extends Node {
  readonly kind: "WhenClause";
  readonly when: Expression;
  readonly then: Expression;
}

export interface ScalarSubquery extends Node {
  readonly kind: "ScalarSubquery";
  readonly query: QueryExpression;
}

export interface ParenthesizedExpression extends Node {
  readonly kind: "ParenthesizedExpression";
  readonly expression: Expression;
}

/** A parenthesised list such as the column list of CONTAINS((a, b), 'x'). */
export interface ExpressionList extends Node {
  readonly kind: "ExpressionList";
  readonly items: readonly Expression[];
}

export interface UnaryExpression extends Node {
  readonly kind: "UnaryExpression";
  readonly operator: "+" | "-" | "~";
  readonly operand: Expression;
}

export type BinaryOperator = "+" | "-" | "*" | "/" | "%" | "&" | "|" | "^" | "||";

export interface BinaryExpression extends Node {
  readonly kind: "BinaryExpression";
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/**
 * `*=` and `=*` are the legacy outer-join comparisons that SQL Server
 * removed at compatibility level 90; they are kept so analysis can flag them.
 */
export type ComparisonOperator =
  | "="
  | "<>"
  | "!="
  | "<"
  | ">"
  | "<="
  | ">="
  | "!<"
  | "!>"
  | "*="
  | "=*";

export interface ComparisonExpression extends Node {
  readonly kind: "ComparisonExpression";
  readonly operator: ComparisonOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export interface LogicalExpression extends Node {
  readonly kind: "LogicalExpression";
  readonly operator: "AND" | "OR";
  readonly left: Expression;
  readonly right: Expression;
}

export interface NotExpression extends Node {
  readonly kind: "NotExpression";
  readonly operand: Expression;
}

export interface IsNullExpression extends Node {
  readonly kind: "IsNullExpression";
  readonly expression: Expression;
  readonly not: boolean;
}

/** `a IS [NOT] DISTINCT FROM b`, a NULL-safe comparison (SQL Server 2022). */
export interface IsDistinctFromExpression extends Node {
  readonly kind: "IsDistinctFromExpression";
  readonly left: Expression;
  readonly right: Expression;
  readonly not: boolean;
}

export interface BetweenExpression extends Node {
  readonly kind: "BetweenExpression";
  readonly expression: Expression;
  readonly low: Expression;
  readonly high: Expression;
  readonly not: boolean;
}

export interface LikeExpression extends Node {
  readonly kind: "LikeExpression";
  readonly expression: Expression;
  readonly pattern: Expression;
  readonly escape?: Expression;
  readonly not: boolean;
}

export interface InExpression extends Node {
  readonly kind: "InExpression";
  readonly expression: Expression;
  readonly values?: readonly Expression[];
  readonly subquery?: QueryExpression;
  readonly not: boolean;
}

export interface ExistsExpression extends Node {
  readonly kind: "ExistsExpression";
  readonly query: QueryExpression;
}

export interface QuantifiedComparison extends Node {
  readonly kind: "QuantifiedComparison";
  readonly left: Expression;
  readonly operator: ComparisonOperator;
  readonly quantifier: "ALL" | "ANY" | "SOME";
  readonly query: QueryExpression;
}

export interface CollateExpression extends Node {
  readonly kind: "CollateExpression";
  readonly expression: Expression;
  readonly collation: Identifier;
}

export interface AtTimeZoneExpression extends Node {
  readonly kind: "AtTimeZoneExpression";
  readonly expression: Expression;
  readonly timeZone: Expression;
}

/** ODBC escape clauses: `{fn UCASE(x)}`, `{ts '2024-01-01 10:00:00'}`, `{d '...'}`. */
export interface OdbcEscape extends Node {
  readonly kind: "OdbcEscape";
  /** Lower-case escape keyword: `fn`, `ts`, `d`, `t`, `oj`, `call`, `guid`, `escape`. */
  readonly escapeType: string;
  readonly expression?: Expression;
}

export interface NextValueFor extends Node {
  readonly kind: "NextValueFor";
  readonly sequence: SchemaObjectName;
  readonly over?: WindowSpecification;
}

/** `MATCH(a-(e)->b)` of graph queries, kept as the written pattern. */
export interface GraphMatchPredicate extends Node {
  readonly kind: "GraphMatchPredicate";
  readonly pattern: string;
}

/** `'key' : value` inside JSON_OBJECT (SQL Server 2022). */
export interface JsonKeyValue extends Node {
  readonly kind: "JsonKeyValue";
  readonly key: Expression;
  readonly value: Expression;
}

/** A sqlcmd `$(name)` for which no value was given. */
export interface SqlcmdVariableReference extends Node {
  readonly kind: "SqlcmdVariableReference";
  readonly name: string;
}

export type { DataType, Identifier, SchemaObjectName };
