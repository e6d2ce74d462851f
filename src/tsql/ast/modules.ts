/**
 * Views, procedures, functions, aggregates and triggers: the modules whose
 * text SQL Server keeps in sys.sql_modules, and the CLR modules that point
 * into an assembly with EXTERNAL NAME.
 */

import type { Expression } from "./expressions.js";
import type { DataType, Identifier, Node, SchemaObjectName } from "./node.js";
import type { SelectStatement } from "./query.js";
import type { BeginEndBlock } from "./control-flow.js";
import type { Statement } from "./statements.js";
import type { TableDefinition } from "./tables.js";

export type ModuleStatement =
  | ViewStatement
  | ProcedureStatement
  | FunctionStatement
  | CreateAggregateStatement
  | TriggerStatement
  | EnableDisableTriggerStatement;

/** Fields shared by every CREATE, CREATE OR ALTER and ALTER of a module. */
export interface ModuleDefinition extends Node {
  readonly name: SchemaObjectName;
  /** `CREATE OR ALTER`. */
  readonly orAlter: boolean;
  /** `ALTER`: the module exists and is replaced. */
  readonly isAlter: boolean;
  readonly options: readonly ModuleOption[];
}

/**
 * An item of a module's WITH list: `SCHEMABINDING`, `EXECUTE AS OWNER`,
 * `RETURNS NULL ON NULL INPUT`, `INLINE = OFF`.
 */
export interface ModuleOption extends Node {
  readonly kind: "ModuleOption";
  /** Upper-case name, words joined by one space: `EXECUTE AS`, `CALLED ON NULL INPUT`. */
  readonly name: string;
  /**
   * `CALLER`, `SELF` or `OWNER` of EXECUTE AS, the user name of
   * `EXECUTE AS 'user'`, or `ON`/`OFF` of INLINE.
   */
  readonly value?: string;
}

/** `EXTERNAL NAME assembly.class.method` of a CLR module. */
export interface ExternalName extends Node {
  readonly kind: "ExternalName";
  readonly assembly: Identifier;
  /** Class, possibly namespace-qualified inside brackets: `[Ns.Class]`. */
  readonly className?: Identifier;
  readonly method?: Identifier;
}

/** A parameter of a procedure, function or aggregate. */
export interface ProcedureParameter extends Node {
  readonly kind: "ProcedureParameter";
  /** The name with its `@`. */
  readonly name: string;
  readonly dataType: DataType;
  /** `CURSOR VARYING`: a cursor output parameter. */
  readonly varying: boolean;
  /** `NULL` or `NOT NULL` after the type (natively compiled modules). */
  readonly nullable?: boolean;
  readonly defaultValue?: Expression;
  /** `OUT` or `OUTPUT`. */
  readonly output: boolean;
  /** `READONLY`, required on table-valued parameters. */
  readonly readonly: boolean;
}

/** CREATE [OR ALTER] VIEW and ALTER VIEW. */
export interface ViewStatement extends ModuleDefinition {
  readonly kind: "CreateViewStatement" | "AlterViewStatement";
  readonly columns: readonly Identifier[];
  readonly select: SelectStatement;
  readonly withCheckOption: boolean;
}

/** CREATE [OR ALTER] PROCEDURE and ALTER PROCEDURE. */
export interface ProcedureStatement extends ModuleDefinition {
  readonly kind: "CreateProcedureStatement" | "AlterProcedureStatement";
  /** The `;number` of a numbered procedure group (deprecated). */
  readonly number?: number;
  readonly parameters: readonly ProcedureParameter[];
  readonly forReplication: boolean;
  /** The statements after AS, up to the end of the batch; empty for CLR procedures. */
  readonly statements: readonly Statement[];
  readonly externalName?: ExternalName;
}

/**
 * Kinds of function result: a scalar, the query of an inline table-valued
 * function, a table variable filled by a multi-statement body, or a table
 * that a CLR method streams.
 */
export type FunctionReturnKind = "scalar" | "inline-table" | "multi-statement-table" | "clr-table";

/** CREATE [OR ALTER] FUNCTION and ALTER FUNCTION. */
export interface FunctionStatement extends ModuleDefinition {
  readonly kind: "CreateFunctionStatement" | "AlterFunctionStatement";
  readonly parameters: readonly ProcedureParameter[];
  readonly returnKind: FunctionReturnKind;
  /** Scalar functions, CLR ones included. */
  readonly returnType?: DataType;
  /** `RETURNS @name TABLE (...)`, with its `@`. */
  readonly returnVariable?: string;
  /**
   * Columns of a multi-statement or CLR table-valued function, read like
   * the body of CREATE TABLE.
   */
  readonly returnTable?: TableDefinition;
  /** `RETURN (query)` of an inline table-valued function. */
  readonly returnQuery?: SelectStatement;
  /** `BEGIN ... END` of scalar and multi-statement functions. */
  readonly body?: BeginEndBlock;
  /** `ORDER (columns)` of a CLR table-valued function. */
  readonly orderColumns?: readonly Identifier[];
  readonly externalName?: ExternalName;
}

/** `CREATE AGGREGATE name (@p type, ...) RETURNS type EXTERNAL NAME a.c`. */
export interface CreateAggregateStatement extends Node {
  readonly kind: "CreateAggregateStatement";
  readonly name: SchemaObjectName;
  readonly parameters: readonly ProcedureParameter[];
  readonly returnType: DataType;
  readonly externalName: ExternalName;
}

/** When a trigger fires and what it watches. */
export type TriggerScope = "object" | "database" | "server";

/** CREATE [OR ALTER] TRIGGER and ALTER TRIGGER: DML, DDL and logon triggers. */
export interface TriggerStatement extends ModuleDefinition {
  readonly kind: "CreateTriggerStatement" | "AlterTriggerStatement";
  /** `ON table|view` (DML), `ON DATABASE` (DDL) or `ON ALL SERVER` (DDL and logon). */
  readonly scope: TriggerScope;
  /** The table or view of a DML trigger. */
  readonly target?: SchemaObjectName;
  readonly timing: "FOR" | "AFTER" | "INSTEAD OF";
  /**
   * Upper-case event names: INSERT, UPDATE and DELETE for DML triggers,
   * event types or groups such as CREATE_TABLE or DDL_TABLE_EVENTS for DDL
   * triggers, LOGON for logon triggers.
   */
  readonly events: readonly string[];
  /** `WITH APPEND` (deprecated). */
  readonly withAppend: boolean;
  readonly notForReplication: boolean;
  readonly statements: readonly Statement[];
  readonly externalName?: ExternalName;
}

/** `ENABLE|DISABLE TRIGGER {name [, ...] | ALL} ON {object | DATABASE | ALL SERVER}`. */
export interface EnableDisableTriggerStatement extends Node {
  readonly kind: "EnableDisableTriggerStatement";
  readonly enable: boolean;
  /** `ALL`: every trigger of the scope. */
  readonly all: boolean;
  readonly triggers: readonly SchemaObjectName[];
  readonly scope: TriggerScope;
  readonly target?: SchemaObjectName;
}
