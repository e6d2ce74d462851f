/**
 * Object references for the dependency graph: tables and views read, DML
 * targets, EXEC of procedures, function calls, NEXT VALUE FOR, user-defined
 * types, synonyms' base objects, triggers' tables, foreign keys, and
 * linked servers of OPENQUERY and EXEC ... AT. The detector reports no
 * feature: it fills the context's DependencyCollector, which deduplicates.
 *
 * NOTE: CTE names are known per batch, not per statement, so a table with
 * the name of a CTE elsewhere in the same batch is not recorded.
 */

import type { AnalysisContext } from "../context.js";
import type { ReferenceKind, WrittenName } from "../dependencies.js";
import type { Detector, Visitor } from "../detector.js";
import { OBJECT_KINDS } from "../walk.js";
import type { ColumnReference, FunctionCall, NextValueFor } from "../../tsql/ast/expressions.js";
import type { DataType, Node, SchemaObjectName } from "../../tsql/ast/node.js";
import type { ExecuteStatement, UseStatement } from "../../tsql/ast/procedural.js";
import type { DeleteStatement, InsertStatement, MergeStatement, OutputIntoClause, UpdateStatement } from "../../tsql/ast/dml.js";
import type { CreateSynonymStatement } from "../../tsql/ast/tables/schema-objects.js";
import type { ForeignKeyConstraintDefinition } from "../../tsql/ast/tables/elements.js";
import type { TriggerStatement } from "../../tsql/ast/modules.js";
import type {
  CommonTableExpression,
  NamedTableReference,
  QuerySpecification,
  TableReference,
  TableValuedFunctionReference,
} from "../../tsql/ast/query.js";
import { BUILTIN_ROWSET_FUNCTIONS, PSEUDO_TABLES, SYSTEM_TYPE_NAMES, TYPE_METHODS } from "./dependency-names.js";
import { perContext } from "./support.js";
import { isSystemObject } from "./system-names.js";

interface BatchState {
  /** Lower-case CTE names of the batch. */
  readonly ctes: Set<string>;
  /** Nodes already recorded by their statement, such as DML targets. */
  readonly handled: WeakSet<object>;
  /** The table of an ALTER TABLE being walked. */
  alterTable: WrittenName | undefined;
  /** Database of a USE inside dynamic SQL, which lasts for that string only. */
  useDatabase: string | undefined;
}

const states = perContext<BatchState>(() => ({
  ctes: new Set(),
  handled: new WeakSet(),
  alterTable: undefined,
  useDatabase: undefined,
}));

/** Returns the written parts of a name, with absent parts left out and empty ones null. */
function written(name: SchemaObjectName): WrittenName {
  return {
    ...(name.server === undefined || name.server === null ? {} : { server: name.server.value }),
    ...(name.database === undefined ? {} : { database: name.database?.value ?? null }),
    ...(name.schema === undefined ? {} : { schema: name.schema?.value ?? null }),
    name: name.name.value,
  };
}

/**
 * Returns the referencing object: the innermost CREATE or ALTER walked. The
 * stack is the collector's, which nested contexts share, so references in
 * dynamic SQL belong to the object whose code runs the string.
 */
function currentObject(context: AnalysisContext): WrittenName | undefined {
  const objects = context.dependencies.objects;
  return objects[objects.length - 1];
}

function currentDatabase(context: AnalysisContext): string | undefined {
  return context.dynamicDepth > 0
    ? (states(context).useDatabase ?? context.dependencies.useDatabase)
    : context.dependencies.useDatabase;
}

/**
 * True for catalog views, DMVs, system procedures, the sys and
 * INFORMATION_SCHEMA schemas, and `$PARTITION.function(...)`.
 */
function isSystemName(name: SchemaObjectName): boolean {
  const schema = name.schema?.value.toLowerCase();
  return schema === "sys" || schema === "information_schema" || schema === "$partition" || isSystemObject(name);
}

/** Keys of referencing objects, built once per object rather than once per reference. */
const fromKeys = new WeakMap<WrittenName, string>();

function fromKeyOf(from: WrittenName | undefined): string {
  if (from === undefined) {
    return "";
  }
  let key = fromKeys.get(from);
  if (key === undefined) {
    key = `${from.database ?? ""}\u0001${from.schema ?? ""}\u0001${from.name}`;
    fromKeys.set(from, key);
  }
  return key;
}

function isPseudoTable(value: string): boolean {
  return (value.length === 7 || value.length === 8) && PSEUDO_TABLES.has(value.toLowerCase());
}

/**
 * Records one reference. Most references repeat one already met in the
 * unit, so the key as written is checked first, and a repeat builds
 * nothing. Names that are never recorded (system objects, temporary
 * tables) are remembered the same way.
 */
function record(
  context: AnalysisContext,
  node: Node,
  name: SchemaObjectName,
  kind: ReferenceKind,
  from = currentObject(context),
): void {
  const value = name.name.value;
  if (name.partCount === 1) {
    const ctes = states(context).ctes;
    if (isPseudoTable(value) || (ctes.size > 0 && ctes.has(value.toLowerCase()))) {
      return;
    }
  }

  const collector = context.dependencies;
  const useDatabase = currentDatabase(context);
  const dynamic = context.dynamicDepth > 0;
  const key =
    `${fromKeyOf(from)}\u0000${kind}\u0000${name.server?.value ?? ""}\u0000${name.database?.value ?? ""}\u0000` +
    `${name.schema?.value ?? ""}\u0000${value}\u0000${useDatabase ?? ""}\u0000${dynamic ? 1 : 0}`;
  if (collector.seenAsWritten.has(key)) {
    return;
  }
  collector.seenAsWritten.add(key);
  if (value.startsWith("#") || isSystemName(name)) {
    return;
  }

  const { line } = context.position(node.line, node.column);
  collector.add({
    ...(from === undefined ? {} : { from }),
    kind,
    ...written(name),
    ...(useDatabase === undefined ? {} : { useDatabase }),
    ...(dynamic ? { dynamic: true as const } : {}),
    line,
  });
}

function recordLinkedServer(context: AnalysisContext, node: Node, server: string): void {
  const { line } = context.position(node.line, node.column);
  const useDatabase = currentDatabase(context);
  const from = currentObject(context);
  context.dependencies.add({
    ...(from === undefined ? {} : { from }),
    kind: "linkedServer",
    server,
    name: "",
    ...(useDatabase === undefined ? {} : { useDatabase }),
    ...(context.dynamicDepth > 0 ? { dynamic: true as const } : {}),
    line,
  });
}

function batch(_node: Node, context: AnalysisContext): void {
  const state = states(context);
  state.ctes.clear();
  state.alterTable = undefined;
}

function commonTableExpression(node: CommonTableExpression, context: AnalysisContext): void {
  states(context).ctes.add(node.name.value.toLowerCase());
}

function namedTable(node: NamedTableReference, context: AnalysisContext): void {
  if (!states(context).handled.has(node)) {
    record(context, node, node.name, "read");
  }
}

/** Finds the table that `alias` names in a FROM clause, for `UPDATE alias ... FROM t AS alias`. */
function tableOfAlias(references: readonly TableReference[], alias: string): NamedTableReference | undefined {
  for (const reference of references) {
    if (reference.kind === "NamedTableReference" && reference.alias?.value.toLowerCase() === alias) {
      return reference;
    }
    if (reference.kind === "JoinTableReference" || reference.kind === "UnqualifiedJoin") {
      const found = tableOfAlias([reference.left, reference.right], alias);
      if (found !== undefined) {
        return found;
      }
    }
    if (reference.kind === "ParenthesizedTableReference") {
      const found = tableOfAlias([reference.table], alias);
      if (found !== undefined) {
        return found;
      }
    }
  }
  return undefined;
}

function dmlTarget(
  node: InsertStatement | UpdateStatement | DeleteStatement | MergeStatement,
  context: AnalysisContext,
): void {
  // The statement is visited before its WITH clause, so its CTE names
  // are added here for the target to be recognised as one.
  const ctes = states(context).ctes;
  for (const cte of node.with?.ctes ?? []) {
    ctes.add(cte.name.value.toLowerCase());
  }
  const target = node.target;
  if (target.kind !== "NamedTableReference") {
    return;
  }
  states(context).handled.add(target);

  const from = "from" in node && Array.isArray(node.from) ? (node.from as readonly TableReference[]) : [];
  if (target.name.partCount === 1 && from.length > 0) {
    const aliased = tableOfAlias(from, target.name.name.value.toLowerCase());
    if (aliased !== undefined) {
      record(context, target, aliased.name, "write");
      return;
    }
  }
  record(context, target, target.name, "write");
}

function outputInto(node: OutputIntoClause, context: AnalysisContext): void {
  if (node.into.kind === "NamedTableReference") {
    states(context).handled.add(node.into);
    record(context, node.into, node.into.name, "write");
  }
}

function selectInto(node: QuerySpecification, context: AnalysisContext): void {
  if (node.into !== undefined) {
    record(context, node.into, node.into, "write");
  }
}

function execute(node: ExecuteStatement, context: AnalysisContext): void {
  if (node.procedure !== undefined) {
    record(context, node.procedure, node.procedure, "execute");
  }
  if (node.at !== undefined && !node.at.dataSource) {
    recordLinkedServer(context, node.at.name, node.at.name.value);
  }
}

function isTypeMethod(name: SchemaObjectName): boolean {
  const written = name.name.value;
  return TYPE_METHODS.has(written.toLowerCase()) || /^ST[A-Z]/.test(written);
}

function functionCall(node: FunctionCall, context: AnalysisContext): void {
  if (states(context).handled.has(node)) {
    return;
  }
  if (node.name.partCount === 1) {
    if (node.name.name.value.toLowerCase() === "openquery") {
      const server = node.arguments[0];
      if (server?.kind === "ColumnReference" && (server as ColumnReference).parts.length === 1) {
        recordLinkedServer(context, node, (server as ColumnReference).parts[0]!.value);
      }
    }
    return;
  }
  if (!isTypeMethod(node.name)) {
    record(context, node, node.name, "function");
  }
}

/** An unqualified table-valued function in FROM, which a scalar call cannot be. */
function tableValuedFunction(node: TableValuedFunctionReference, context: AnalysisContext): void {
  const name = node.call.name;
  if (name.partCount !== 1 || BUILTIN_ROWSET_FUNCTIONS.has(name.name.value.toLowerCase())) {
    return;
  }
  states(context).handled.add(node.call);
  record(context, node.call, name, "function");
}

function nextValueFor(node: NextValueFor, context: AnalysisContext): void {
  record(context, node.sequence, node.sequence, "sequence");
}

function dataType(node: DataType, context: AnalysisContext): void {
  const name = node.name;
  if (name.partCount === 1 && SYSTEM_TYPE_NAMES.has(name.name.value.toLowerCase())) {
    return;
  }
  record(context, node, name, "type");
}

function synonym(node: CreateSynonymStatement, context: AnalysisContext): void {
  definition(node, context);
  record(context, node.target, node.target, "synonym");
}

function trigger(node: TriggerStatement, context: AnalysisContext): void {
  definition(node, context);
  if (node.scope === "object" && node.target !== undefined) {
    record(context, node.target, node.target, "trigger");
  }
}

function alterTable(node: Node & { readonly table: SchemaObjectName }, context: AnalysisContext): void {
  states(context).alterTable = written(node.table);
}

function leaveAlterTable(_node: Node, context: AnalysisContext): void {
  states(context).alterTable = undefined;
}

function foreignKey(node: ForeignKeyConstraintDefinition, context: AnalysisContext): void {
  const from = states(context).alterTable ?? currentObject(context);
  record(context, node.referencedTable, node.referencedTable, "foreignKey", from);
}

function use(node: UseStatement, context: AnalysisContext): void {
  if (context.dynamicDepth > 0) {
    states(context).useDatabase = node.database.value;
  } else {
    context.dependencies.useDatabase = node.database.value;
  }
}

/**
 * Records an object the unit creates, with the database in effect, and
 * makes it the referencing object of its body. The walker enters an
 * object only for a SchemaObjectName, so the leave visitor pops only then.
 */
function definition(node: Node & { readonly name?: SchemaObjectName }, context: AnalysisContext): void {
  const name = node.name;
  if (name?.kind !== "SchemaObjectName") {
    return;
  }
  const parts = written(name);
  context.dependencies.objects.push(parts);
  if (context.dynamicDepth > 0) {
    return;
  }
  const useDatabase = context.dependencies.useDatabase;
  context.dependencies.define({
    type: OBJECT_KINDS[node.kind] ?? "object",
    ...parts,
    ...(useDatabase === undefined ? {} : { useDatabase }),
  });
}

function leaveDefinition(node: Node & { readonly name?: SchemaObjectName }, context: AnalysisContext): void {
  if (node.name?.kind === "SchemaObjectName") {
    context.dependencies.objects.pop();
  }
}

const definitionVisitors: Record<string, Visitor> = {};
const definitionLeaveVisitors: Record<string, Visitor> = {};
for (const kind of Object.keys(OBJECT_KINDS)) {
  definitionVisitors[kind] = definition;
  definitionLeaveVisitors[kind] = leaveDefinition;
}

const ALTER_TABLE_KINDS = ["AlterTableAddTableElementStatement"];
const alterVisitors: Record<string, Visitor> = {};
const alterLeaveVisitors: Record<string, Visitor> = {};
for (const kind of ALTER_TABLE_KINDS) {
  alterVisitors[kind] = alterTable;
  alterLeaveVisitors[kind] = leaveAlterTable;
}

export const dependencyDetector: Detector = {
  name: "dependencies",
  description: "Object references for the dependency graph; reports no feature.",
  visitors: {
    ...definitionVisitors,
    ...alterVisitors,
    Batch: batch,
    CommonTableExpression: commonTableExpression,
    NamedTableReference: namedTable,
    InsertStatement: dmlTarget,
    UpdateStatement: dmlTarget,
    DeleteStatement: dmlTarget,
    MergeStatement: dmlTarget,
    OutputIntoClause: outputInto,
    QuerySpecification: selectInto,
    ExecuteStatement: execute,
    FunctionCall: functionCall,
    TableValuedFunctionReference: tableValuedFunction,
    NextValueFor: nextValueFor,
    DataType: dataType,
    CreateSynonymStatement: synonym,
    CreateTriggerStatement: trigger,
    AlterTriggerStatement: trigger,
    ForeignKeyConstraintDefinition: foreignKey,
    UseStatement: use,
  },
  leave: { ...definitionLeaveVisitors, ...alterLeaveVisitors },
};
