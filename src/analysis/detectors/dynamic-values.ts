/**
 * Values of string variables known at each EXEC of a batch, for dynamic
 * SQL. Follows `DECLARE @v = 'lit'`, `SET @v = ...` and `SET @v += ...` in
 * straight-line code. A variable assigned inside IF, WHILE or TRY is
 * unknown after it (and, for WHILE, inside it too), as is one assigned by
 * SELECT, FETCH or an OUTPUT argument: the tracker gives up where it cannot
 * follow the control flow.
 */

import type { Expression } from "../../tsql/ast/expressions.js";
import type { Node } from "../../tsql/ast/node.js";
import { forEachNode } from "./support.js";

/** Lower-case variable name to its value; undefined when not known. */
export type Values = Map<string, string | undefined>;

/** The string an expression evaluates to, when its parts are all known. */
export function evaluate(expression: Expression | undefined, values: ReadonlyMap<string, string | undefined>): string | undefined {
  if (expression === undefined) {
    return undefined;
  }
  switch (expression.kind) {
    case "Literal":
      return expression.type === "String" || expression.type === "NString" ? expression.value : undefined;
    case "VariableReference":
      return values.get(expression.name.toLowerCase());
    case "ParenthesizedExpression":
      return evaluate(expression.expression, values);
    case "BinaryExpression": {
      if (expression.operator !== "+") return undefined;
      const left = evaluate(expression.left, values);
      const right = left === undefined ? undefined : evaluate(expression.right, values);
      return left === undefined || right === undefined ? undefined : left + right;
    }
    default:
      return undefined;
  }
}

/** Names of the variables that a subtree assigns in any way. */
function assignedIn(root: unknown): string[] {
  const names: string[] = [];
  forEachNode(root, (node) => {
    const record = node as unknown as Record<string, unknown>;
    switch (node.kind) {
      case "SetVariableStatement":
        names.push(String(record["variable"]));
        break;
      case "SelectAssignment":
        names.push((record["variable"] as { name: string }).name);
        break;
      case "VariableDeclaration":
        names.push(String(record["name"]));
        break;
      case "FetchCursorStatement":
        for (const target of record["into"] as { name: string }[]) names.push(target.name);
        break;
      case "ExecuteArgument":
      case "InsertExecArgument": {
        const value = record["value"] as { kind: string; name: string } | undefined;
        if (record["output"] === true && value?.kind === "VariableReference") names.push(value.name);
        break;
      }
    }
  });
  return names.map((name) => name.toLowerCase());
}

function forget(values: Values, root: unknown): void {
  for (const name of assignedIn(root)) {
    values.set(name, undefined);
  }
}

const BRANCHING: ReadonlySet<string> = new Set(["IfStatement", "WhileStatement", "TryCatchStatement"]);

/**
 * Walks `statements` in order and calls `atExecute` with the values known
 * at every EXEC and INSERT ... EXEC.
 */
export function trackValues(statements: readonly Node[], atExecute: (node: Node, values: ReadonlyMap<string, string | undefined>) => void): void {
  const values: Values = new Map();
  for (const statement of statements) {
    visit(statement, values, atExecute);
  }
}

function visit(value: unknown, values: Values, atExecute: (node: Node, values: ReadonlyMap<string, string | undefined>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) visit(item, values, atExecute);
    return;
  }
  if (value === null || typeof value !== "object") {
    return;
  }
  const node = value as Node & Record<string, unknown>;

  if (BRANCHING.has(node.kind)) {
    // Code inside sees what was known before it, minus what a loop changes.
    const inner: Values = new Map(values);
    if (node.kind === "WhileStatement") forget(inner, node);
    for (const key in node) visit(node[key], inner, atExecute);
    forget(values, node);
    return;
  }

  if (node.kind === "ExecuteStatement" || node.kind === "InsertExecSource") {
    atExecute(node, values);
  }
  for (const key in node) {
    const child = node[key];
    if (child !== null && typeof child === "object") visit(child, values, atExecute);
  }
  assign(node, values);
}

/** Nodes that assign variables in ways the tracker does not follow. */
const FORGETTING: ReadonlySet<string> = new Set(["SelectAssignment", "FetchCursorStatement", "ExecuteArgument", "InsertExecArgument"]);

/** Applies the assignment a node makes, after its children were visited. */
function assign(node: Node & Record<string, unknown>, values: Values): void {
  if (node.kind === "VariableDeclaration") {
    const name = String(node["name"]).toLowerCase();
    values.set(name, evaluate(node["value"] as Expression | undefined, values));
    return;
  }
  if (node.kind === "SetVariableStatement") {
    const name = String(node["variable"]).toLowerCase();
    const operator = node["operator"];
    const assigned = evaluate(node["value"] as Expression | undefined, values);
    if (operator === "=") {
      values.set(name, assigned);
    } else if (operator === "+=") {
      const before = values.get(name);
      values.set(name, before === undefined || assigned === undefined ? undefined : before + assigned);
    } else {
      values.set(name, undefined);
    }
    return;
  }
  if (FORGETTING.has(node.kind)) {
    forget(values, node);
  }
}
