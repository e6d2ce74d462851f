/**
 * Module kinds and options: procedures (numbered, temporary, CLR, FOR
 * REPLICATION), functions by result kind, views (CHECK OPTION), CLR
 * aggregates, CREATE OR ALTER and ALTER of modules, and the WITH options
 * of every module: EXECUTE AS, SCHEMABINDING, RECOMPILE, ENCRYPTION,
 * NATIVE_COMPILATION, VIEW_METADATA, NULL input handling and INLINE.
 */

import type {
  CreateAggregateStatement,
  FunctionReturnKind,
  FunctionStatement,
  ModuleDefinition,
  ModuleOption,
  ProcedureStatement,
  ViewStatement,
} from "../../tsql/ast/modules.js";
import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import { detailOf, findWord, wordIn } from "./source-words.js";
import { recordView } from "./unit-names.js";

/** PostgreSQL functions take at most 100 arguments (FUNC_MAX_ARGS, PostgreSQL 16-18). */
const MAX_PARAMETERS = 100;

const OPTION_IDS: Readonly<Record<string, string>> = {
  SCHEMABINDING: "module.option.schemabinding",
  RECOMPILE: "module.option.recompile",
  ENCRYPTION: "module.option.encryption",
  NATIVE_COMPILATION: "module.option.native_compilation",
  VIEW_METADATA: "module.view.view_metadata",
};

const FUNCTION_IDS: Readonly<Record<FunctionReturnKind, string>> = {
  scalar: "module.function.scalar",
  "inline-table": "module.function.inline_table",
  "multi-statement-table": "module.function.multi_statement",
  "clr-table": "module.clr",
};

/** `CREATE`, `CREATE OR ALTER` or `ALTER`, as written. */
function verb(node: ModuleDefinition): string {
  if (node.isAlter) return "ALTER";
  return node.orAlter ? "CREATE OR ALTER" : "CREATE";
}

/** The CREATE OR ALTER form of any module, reported at OR. */
export function reportOrAlter(node: ModuleDefinition, type: string, context: AnalysisContext): void {
  if (!node.orAlter) {
    return;
  }
  const at = wordIn(context, node, ["OR"]);
  context.report(at, "module.create_or_alter", `CREATE OR ALTER ${type} ${context.textOf(node.name)}`);
}

function visitView(node: ViewStatement, context: AnalysisContext): void {
  const name = context.textOf(node.name);
  recordView(context, node.name);
  reportOrAlter(node, "VIEW", context);
  const id = node.isAlter ? "module.view.alter" : "module.view";
  context.report(node, id, `${verb(node)} VIEW ${name}`);

  if (node.withCheckOption) {
    const check = findWord(context, node, ["CHECK"], node.select.end) ?? node;
    context.report(check, "module.view.check_option", `view ${name} WITH CHECK OPTION`);
  }
}

function visitProcedure(node: ProcedureStatement, context: AnalysisContext): void {
  const name = context.textOf(node.name);
  const written = `${verb(node)} PROCEDURE ${name}`;
  reportOrAlter(node, "PROCEDURE", context);
  context.report(node, "module.procedure", written);
  if (node.isAlter) {
    context.report(node, "module.procedure.alter", written);
  }

  if (node.name.name.value.startsWith("#")) {
    context.report(node.name, "module.procedure.temporary", `temporary procedure ${name}`);
  }
  if (node.number !== undefined) {
    context.report(node.name, "module.procedure.numbered", `numbered procedure ${name};${node.number}`);
  }
  if (node.forReplication) {
    const at = wordIn(context, node, ["FOR"], node.name.end);
    context.report(at, "module.procedure.for_replication", `procedure ${name} FOR REPLICATION`);
  }
  reportParameterCount(node, context);
  if (node.externalName !== undefined) {
    context.report(node.externalName, "module.clr", `procedure ${name} EXTERNAL NAME ${context.textOf(node.externalName)}`);
  }
}

function visitFunction(node: FunctionStatement, context: AnalysisContext): void {
  const name = context.textOf(node.name);
  const written = `${verb(node)} FUNCTION ${name}`;
  reportOrAlter(node, "FUNCTION", context);
  if (node.isAlter) {
    context.report(node, "module.function.alter", written);
  }

  if (node.externalName !== undefined) {
    context.report(node.externalName, "module.clr", `function ${name} EXTERNAL NAME ${context.textOf(node.externalName)}`);
  } else {
    context.report(node, FUNCTION_IDS[node.returnKind], `${written} (${node.returnKind.replaceAll("-", " ")})`);
  }
  reportParameterCount(node, context);
}

function reportParameterCount(
  node: ProcedureStatement | FunctionStatement,
  context: AnalysisContext,
): void {
  const count = node.parameters.length;
  if (count <= MAX_PARAMETERS) {
    return;
  }
  const first = node.parameters[MAX_PARAMETERS]!;
  context.report(first, "module.parameters.over_100", `${count} parameters; PostgreSQL allows ${MAX_PARAMETERS}`);
}

/** `EXECUTE AS 'name'` gives the user name; the catalog's detail is `user`. */
function executeAsDetail(value: string | undefined): string {
  const upper = (value ?? "").toUpperCase();
  return upper === "CALLER" || upper === "OWNER" || upper === "SELF" ? upper.toLowerCase() : "user";
}

function visitOption(option: ModuleOption, context: AnalysisContext): void {
  const name = option.name;
  if (name === "EXECUTE AS") {
    const value = option.value ?? "";
    const principal = executeAsDetail(value) === "user" ? `'${value}'` : value.toUpperCase();
    context.report(option, "module.option.execute_as", `WITH EXECUTE AS ${principal}`, executeAsDetail(value));
    return;
  }
  if (name === "RETURNS NULL ON NULL INPUT" || name === "CALLED ON NULL INPUT") {
    context.report(option, "module.option.null_input", `WITH ${name}`, detailOf(name));
    return;
  }
  if (name === "INLINE") {
    const value = (option.value ?? "").toUpperCase();
    context.report(option, "module.option.inline", `WITH INLINE = ${value}`, value.toLowerCase());
    return;
  }

  const id = OPTION_IDS[name];
  if (id !== undefined) {
    context.report(option, id, `WITH ${name}`);
  }
}

function visitAggregate(node: CreateAggregateStatement, context: AnalysisContext): void {
  context.report(node, "module.aggregate.clr", `CREATE AGGREGATE ${context.textOf(node.name)} EXTERNAL NAME ${context.textOf(node.externalName)}`);
}

export const moduleDetector: Detector = {
  name: "modules",
  description:
    "Procedures, functions, views and aggregates by kind, CREATE OR ALTER and ALTER, and module options such as EXECUTE AS.",
  visitors: {
    CreateViewStatement: visitView,
    AlterViewStatement: visitView,
    CreateProcedureStatement: visitProcedure,
    AlterProcedureStatement: visitProcedure,
    CreateFunctionStatement: visitFunction,
    AlterFunctionStatement: visitFunction,
    CreateAggregateStatement: visitAggregate,
    ModuleOption: visitOption,
  },
};
