/**
 * Variables, SET options, cursors, EXECUTE, transactions, PRINT, RAISERROR,
 * THROW, WAITFOR and USE. Kind names follow SqlScriptDOM where it has one.
 */

import type { GetConversationGroupStatement, ReceiveStatement } from "./admin.js";
import type { Expression, VariableReference } from "./expressions.js";
import type { DataType, Identifier, Node, SchemaObjectName } from "./node.js";
import type { QueryExpression, QueryHint, WithClause } from "./query.js";

export type ProceduralStatement =
  | DeclareVariableStatement
  | DeclareCursorStatement
  | SetVariableStatement
  | SetOptionsStatement
  | SetCommandStatement
  | SetTransactionIsolationLevelStatement
  | SetIdentityInsertStatement
  | OpenCursorStatement
  | FetchCursorStatement
  | CloseCursorStatement
  | DeallocateCursorStatement
  | ExecuteStatement
  | BeginTransactionStatement
  | CommitTransactionStatement
  | RollbackTransactionStatement
  | SaveTransactionStatement
  | PrintStatement
  | RaiserrorStatement
  | ThrowStatement
  | WaitForStatement
  | UseStatement;

// DECLARE.

export interface DeclareVariableStatement extends Node {
  readonly kind: "DeclareVariableStatement";
  readonly declarations: readonly VariableDeclaration[];
}

/**
 * One `@name` of a DECLARE: a scalar with its data type and initial value,
 * a table variable with its definition, or a cursor variable.
 */
export interface VariableDeclaration extends Node {
  readonly kind: "VariableDeclaration";
  /** The name with its `@`, in the case written. */
  readonly name: string;
  readonly dataType?: DataType;
  /** `NOT NULL` after the type, allowed in natively compiled modules. */
  readonly notNull?: true;
  readonly value?: Expression;
  readonly table?: TableVariableDefinition;
  /** `DECLARE @c CURSOR`. */
  readonly cursor?: true;
}

/** The column list of `DECLARE @t TABLE (...)`. */
export interface TableVariableDefinition extends Node {
  readonly kind: "TableVariableDefinition";
  readonly columns: readonly TableVariableColumn[];
  readonly constraints: readonly TableVariableConstraint[];
  readonly indexes: readonly TableVariableIndex[];
}

export interface TableVariableColumn extends Node {
  readonly kind: "TableVariableColumn";
  readonly name: Identifier;
  /** Absent for a computed column. */
  readonly dataType?: DataType;
  readonly computed?: Expression;
  readonly persisted?: boolean;
  readonly collation?: Identifier;
  /** True for NULL, false for NOT NULL, absent when not written. */
  readonly nullable?: boolean;
  readonly default?: Expression;
  readonly identity?: { readonly seed?: Expression; readonly increment?: Expression };
  readonly rowGuidCol?: boolean;
  readonly constraints: readonly TableVariableConstraint[];
  /** `INDEX ix [CLUSTERED | NONCLUSTERED]` written on the column. */
  readonly index?: TableVariableIndex;
}

/** PRIMARY KEY, UNIQUE or CHECK, on a column or on the table. */
export interface TableVariableConstraint extends Node {
  readonly kind: "TableVariableConstraint";
  readonly type: "PRIMARY KEY" | "UNIQUE" | "CHECK";
  /** Named constraints parse, though SQL Server rejects them on table variables. */
  readonly name?: Identifier;
  readonly clustered?: "CLUSTERED" | "NONCLUSTERED";
  /** Key columns of a table-level PRIMARY KEY or UNIQUE. */
  readonly columns: readonly IndexColumn[];
  readonly check?: Expression;
  /** `WITH (IGNORE_DUP_KEY = ON)` and other index options, as written. */
  readonly options?: string;
}

export interface TableVariableIndex extends Node {
  readonly kind: "TableVariableIndex";
  readonly name: Identifier;
  readonly clustered?: "CLUSTERED" | "NONCLUSTERED";
  readonly columnstore: boolean;
  readonly columns: readonly IndexColumn[];
  readonly include: readonly Identifier[];
  readonly where?: Expression;
}

export interface IndexColumn extends Node {
  readonly kind: "IndexColumn";
  readonly name: Identifier;
  readonly order?: "ASC" | "DESC";
}

// Cursors.

export interface DeclareCursorStatement extends Node {
  readonly kind: "DeclareCursorStatement";
  readonly name: Identifier;
  readonly definition: CursorDefinition;
}

/**
 * The options and query of a cursor, from DECLARE ... CURSOR or from
 * `SET @c = CURSOR ...`.
 */
export interface CursorDefinition extends Node {
  readonly kind: "CursorDefinition";
  /**
   * Upper-case option words in the order written: LOCAL, GLOBAL,
   * FORWARD_ONLY, SCROLL, STATIC, KEYSET, DYNAMIC, FAST_FORWARD, READ_ONLY,
   * SCROLL_LOCKS, OPTIMISTIC, TYPE_WARNING, and INSENSITIVE in the ISO form.
   */
  readonly options: readonly string[];
  /** `DECLARE c [INSENSITIVE] [SCROLL] CURSOR`, the ISO syntax. */
  readonly iso: boolean;
  readonly with?: WithClause;
  readonly query: QueryExpression;
  readonly hints: readonly QueryHint[];
  /** `FOR READ ONLY` or `FOR UPDATE [OF ...]` after the query. */
  readonly forClause?: "READ ONLY" | "UPDATE";
  readonly updateColumns?: readonly Identifier[];
}

/** `[GLOBAL] name` or `@variable` after OPEN, FETCH, CLOSE and DEALLOCATE. */
export interface CursorReference extends Node {
  readonly kind: "CursorReference";
  readonly name?: Identifier;
  readonly variable?: string;
  readonly global: boolean;
}

export interface OpenCursorStatement extends Node {
  readonly kind: "OpenCursorStatement";
  readonly cursor: CursorReference;
}

export type FetchOrientation = "NEXT" | "PRIOR" | "FIRST" | "LAST" | "ABSOLUTE" | "RELATIVE";

export interface FetchCursorStatement extends Node {
  readonly kind: "FetchCursorStatement";
  /** Absent when the statement names no orientation, which means NEXT. */
  readonly orientation?: FetchOrientation;
  /** The row number of ABSOLUTE and RELATIVE. */
  readonly offset?: Expression;
  readonly cursor: CursorReference;
  readonly into: readonly VariableReference[];
}

export interface CloseCursorStatement extends Node {
  readonly kind: "CloseCursorStatement";
  readonly cursor: CursorReference;
}

export interface DeallocateCursorStatement extends Node {
  readonly kind: "DeallocateCursorStatement";
  readonly cursor: CursorReference;
}

// SET.

export type AssignmentOperator = "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "&=" | "|=" | "^=" | "||=";

/**
 * `SET @v = value`, `SET @v += value`, `SET @c = CURSOR ...`, and the CLR
 * forms `SET @p.Property = value` and `SET @p.Method(args)`.
 */
export interface SetVariableStatement extends Node {
  readonly kind: "SetVariableStatement";
  /** The variable's name with its `@`. */
  readonly variable: string;
  /** The variable, or the property or method call on it. */
  readonly target: Expression;
  /** Absent for a method call, which assigns nothing. */
  readonly operator?: AssignmentOperator;
  readonly value?: Expression;
  readonly cursor?: CursorDefinition;
}

/** `SET NOCOUNT ON`, `SET ANSI_NULLS, QUOTED_IDENTIFIER ON`, `SET STATISTICS IO ON`. */
export interface SetOptionsStatement extends Node {
  readonly kind: "SetOptionsStatement";
  readonly options: readonly SetOption[];
}

export interface SetOption extends Node {
  readonly kind: "SetOption";
  /** Upper-case name; `STATISTICS IO` keeps both words. */
  readonly name: string;
  readonly value: "ON" | "OFF";
  /** The statement keywords of `SET OFFSETS SELECT, FROM ON`. */
  readonly keywords?: readonly string[];
}

/**
 * A SET option that takes a value: DATEFORMAT, DATEFIRST, LANGUAGE,
 * LOCK_TIMEOUT, DEADLOCK_PRIORITY, ROWCOUNT, TEXTSIZE, CONTEXT_INFO,
 * QUERY_GOVERNOR_COST_LIMIT and FIPS_FLAGGER.
 */
export interface SetCommandStatement extends Node {
  readonly kind: "SetCommandStatement";
  /** Upper-case option name. */
  readonly name: string;
  /** A literal or variable; words such as `dmy`, `LOW` or `us_english` are Identifiers. */
  readonly value: Expression | Identifier;
}

export type IsolationLevel =
  | "READ UNCOMMITTED"
  | "READ COMMITTED"
  | "REPEATABLE READ"
  | "SNAPSHOT"
  | "SERIALIZABLE";

export interface SetTransactionIsolationLevelStatement extends Node {
  readonly kind: "SetTransactionIsolationLevelStatement";
  readonly level: IsolationLevel;
}

export interface SetIdentityInsertStatement extends Node {
  readonly kind: "SetIdentityInsertStatement";
  readonly table: SchemaObjectName;
  readonly on: boolean;
}

// EXECUTE.

/**
 * A procedure call (`EXEC [@rc =] proc args`, or without EXEC as the first
 * statement of a batch) or the execution of a string (`EXEC (@sql)`). Also
 * the row source of `INSERT ... EXEC`, marked with `insertSource`.
 */
export interface ExecuteStatement extends Node {
  readonly kind: "ExecuteStatement";
  readonly procedure?: SchemaObjectName;
  /** `EXEC @procName`: the variable holding the procedure name. */
  readonly procedureVariable?: string;
  /** The `;n` number of a numbered procedure. */
  readonly procedureNumber?: string;
  /** The variable that receives the return status in `EXEC @rc = proc`. */
  readonly returnStatus?: string;
  readonly arguments: readonly ExecuteArgument[];
  /** The pieces joined by `+` in `EXEC ('...' + @v)`. */
  readonly strings?: readonly Expression[];
  /** `AS LOGIN = '...'` or `AS USER = '...'` after `EXEC (...)`. */
  readonly asContext?: { readonly type: "LOGIN" | "USER"; readonly name: Expression };
  /** `AT linked_server` or `AT DATA_SOURCE name`. */
  readonly at?: { readonly dataSource: boolean; readonly name: Identifier };
  /** True when the call has no EXEC keyword. */
  readonly implicit: boolean;
  /**
   * True when the EXECUTE is the row source of `INSERT ... EXEC`, nested in
   * an InsertStatement, rather than a statement of its own.
   */
  readonly insertSource?: true;
  readonly options: readonly ExecuteOption[];
}

export interface ExecuteArgument extends Node {
  readonly kind: "ExecuteArgument";
  /** `@param` of a named argument. */
  readonly name?: string;
  /** Absent for DEFAULT. A bare word such as `dbo` becomes a String literal. */
  readonly value?: Expression;
  /** The value was a word without quotes, which EXEC passes as a string. */
  readonly bareWord?: true;
  readonly output: boolean;
  readonly default: boolean;
}

export interface ExecuteOption extends Node {
  readonly kind: "ExecuteOption";
  readonly name: "RECOMPILE" | "RESULT SETS";
  /** For RESULT SETS: the definitions, or NONE or UNDEFINED. */
  readonly resultSets?: readonly ResultSetDefinition[] | "NONE" | "UNDEFINED";
}

export interface ResultSetDefinition extends Node {
  readonly kind: "ResultSetDefinition";
  readonly type: "COLUMNS" | "OBJECT" | "TYPE" | "FOR XML";
  readonly columns?: readonly ResultColumnDefinition[];
  /** The table, view, table-valued function or table type of AS OBJECT and AS TYPE. */
  readonly name?: SchemaObjectName;
}

export interface ResultColumnDefinition extends Node {
  readonly kind: "ResultColumnDefinition";
  readonly name: Identifier;
  readonly dataType: DataType;
  readonly collation?: Identifier;
  readonly nullable?: boolean;
}

// Transactions.

/** A transaction or savepoint name, or the variable holding it. */
export type TransactionName = Identifier | VariableReference;

export interface BeginTransactionStatement extends Node {
  readonly kind: "BeginTransactionStatement";
  readonly distributed: boolean;
  readonly name?: TransactionName;
  /** `WITH MARK ['description']`. */
  readonly mark?: { readonly description?: Expression };
}

export interface CommitTransactionStatement extends Node {
  readonly kind: "CommitTransactionStatement";
  /** TRAN, TRANSACTION or WORK as written, if any. */
  readonly keyword?: "TRAN" | "TRANSACTION" | "WORK";
  readonly name?: TransactionName;
  readonly delayedDurability?: "ON" | "OFF";
}

export interface RollbackTransactionStatement extends Node {
  readonly kind: "RollbackTransactionStatement";
  readonly keyword?: "TRAN" | "TRANSACTION" | "WORK";
  readonly name?: TransactionName;
}

export interface SaveTransactionStatement extends Node {
  readonly kind: "SaveTransactionStatement";
  readonly name: TransactionName;
}

// Messages and errors.

export interface PrintStatement extends Node {
  readonly kind: "PrintStatement";
  readonly expression: Expression;
}

export interface RaiserrorStatement extends Node {
  readonly kind: "RaiserrorStatement";
  /**
   * The message id, text or variable of `RAISERROR (msg, severity, state)`.
   * In the legacy form it is the message text.
   */
  readonly message: Expression;
  /** The error number of the legacy form `RAISERROR 50001 'text'`. */
  readonly errorNumber?: Expression;
  readonly severity?: Expression;
  readonly state?: Expression;
  readonly arguments: readonly Expression[];
  /** Upper-case WITH options: LOG, NOWAIT, SETERROR. */
  readonly options: readonly string[];
  /** `RAISERROR number 'text'`, removed from SQL Server 2012 on. */
  readonly legacySyntax: boolean;
}

/** THROW with its three arguments, or bare THROW, which rethrows in CATCH. */
export interface ThrowStatement extends Node {
  readonly kind: "ThrowStatement";
  readonly errorNumber?: Expression;
  readonly message?: Expression;
  readonly state?: Expression;
}

/** WAITFOR DELAY, WAITFOR TIME, or WAITFOR around RECEIVE or GET CONVERSATION GROUP. */
export interface WaitForStatement extends Node {
  readonly kind: "WaitForStatement";
  readonly type: "DELAY" | "TIME" | "STATEMENT";
  /** The time of DELAY and TIME. */
  readonly value?: Expression;
  /** The statement inside the parentheses. */
  readonly statement?: ReceiveStatement | GetConversationGroupStatement;
  readonly timeout?: Expression;
}

export interface UseStatement extends Node {
  readonly kind: "UseStatement";
  readonly database: Identifier;
}
