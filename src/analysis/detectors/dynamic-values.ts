/**
 * Values of string variables known at each EXEC of a batch, for dynamic
 * SQL. Follows `DECLARE @v = 'lit'`, `SET @v = ...` and `SET @v += ...` in
 * straight-line code. A variable assigned inside IF, WHILE or TRY is
 * unknown after it (and, for WHILE, inside it too), as is one assigned by
 * SELECT, FETCH or an OUTPUT argument: the tracker gives up where it cannot
 * follow the control flow.
 *
 * The tracker does not walk the batch itself. The detector's walk records
 * the few nodes that matter as events, in walk order: branches on the way
 * in and out, and assignments after their children. An EXEC then replays
 * the events recorded since the previous EXEC. A batch without an EXEC
 * costs one array push per recorded node.
 */

import type { Expression } from "../../tsql/ast/expressions.js";
import type { Node } from "../../tsql/ast/node.js";
import { forEachNode } from "./support.js";

/**
 * Maximum length of a dynamic SQL string the tracker builds, in
 * characters. Longer values count as unknown, so a string doubled by a run
 * of assignments becomes one review finding instead of exhausting memory.
 */
export const MAX_DYNAMIC_SQL_LENGTH = 1_000_000;

/** Lower-case variable name to its value; undefined when not known. */
export type Values = Map<string, string | undefined>;

/** Evaluates a string expression when all its parts are known; undefined otherwise. */
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
      if (left === undefined || right === undefined || left.length + right.length > MAX_DYNAMIC_SQL_LENGTH) {
        return undefined;
      }
      return left + right;
    }
    default:
      return undefined;
  }
}

/** Node kinds that branch: code inside them may not run, or may run again. */
export const BRANCHING_KINDS: readonly string[] = ["IfStatement", "WhileStatement", "TryCatchStatement"];

/** Node kinds that assign variables. */
export const ASSIGNING_KINDS: readonly string[] = [
  "VariableDeclaration",
  "SetVariableStatement",
  "SelectAssignment",
  "FetchCursorStatement",
  "ExecuteArgument",
];

/** Adds the names of the variables that `node` itself assigns to `names`. */
function addAssigned(node: Node, names: string[]): void {
  const record = node as unknown as Record<string, unknown>;
  switch (node.kind) {
    case "SetVariableStatement":
      names.push(String(record["variable"]).toLowerCase());
      break;
    case "SelectAssignment":
      names.push((record["variable"] as { name: string }).name.toLowerCase());
      break;
    case "VariableDeclaration":
      names.push(String(record["name"]).toLowerCase());
      break;
    case "FetchCursorStatement":
      for (const target of record["into"] as { name: string }[]) names.push(target.name.toLowerCase());
      break;
    case "ExecuteArgument": {
      const value = record["value"] as { kind: string; name: string } | undefined;
      if (record["output"] === true && value?.kind === "VariableReference") names.push(value.name.toLowerCase());
      break;
    }
  }
}

/** Names of the variables that a subtree assigns in any way. */
function assignedIn(root: unknown): string[] {
  const names: string[] = [];
  forEachNode(root, (node) => addAssigned(node, names));
  return names;
}

function forget(values: Values, names: readonly string[]): void {
  for (const name of names) {
    values.set(name, undefined);
  }
}

/** Nodes that assign variables in ways the tracker does not follow. */
const FORGETTING: ReadonlySet<string> = new Set(["SelectAssignment", "FetchCursorStatement", "ExecuteArgument"]);

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
      const known = before !== undefined && assigned !== undefined;
      const fits = known && before.length + assigned.length <= MAX_DYNAMIC_SQL_LENGTH;
      values.set(name, fits ? before + assigned : undefined);
    } else {
      values.set(name, undefined);
    }
    return;
  }
  if (FORGETTING.has(node.kind)) {
    forget(values, assignedIn(node));
  }
}

const ENTER = 0;
const LEAVE = 1;
const ASSIGN = 2;

/** The values in force in one branch, and the names assigned inside it. */
interface Frame {
  readonly values: Values;
  readonly assigned: string[];
}

/** Tracks the variable values of one batch from the events of its walk. */
export class ValueTracker {
  private readonly nodes: Node[] = [];
  private readonly types: number[] = [];
  /** For an ENTER event, the index of its LEAVE event once recorded, else -1. */
  private readonly leaveAt: number[] = [];
  /** Indexes of the ENTER events of the branches being walked. */
  private readonly open: number[] = [];
  private replayed = 0;
  private readonly frames: Frame[] = [{ values: new Map(), assigned: [] }];

  /** Records the start of a branching statement, before its children. */
  enterBranch(node: Node): void {
    this.open.push(this.nodes.length);
    this.record(node, ENTER);
  }

  /** Records the end of a branching statement, after its children. */
  leaveBranch(node: Node): void {
    const enteredAt = this.open.pop();
    if (enteredAt !== undefined) {
      this.leaveAt[enteredAt] = this.nodes.length;
    }
    this.record(node, LEAVE);
  }

  /** Records a node that assigns variables, after its children. */
  assignment(node: Node): void {
    this.record(node, ASSIGN);
  }

  /** Variable values known at the point the walk has reached. */
  valuesNow(): ReadonlyMap<string, string | undefined> {
    for (; this.replayed < this.nodes.length; this.replayed++) {
      this.replay(this.replayed);
    }
    return this.frames[this.frames.length - 1]!.values;
  }

  private record(node: Node, type: number): void {
    this.nodes.push(node);
    this.types.push(type);
    this.leaveAt.push(-1);
  }

  private replay(index: number): void {
    const node = this.nodes[index]!;
    const type = this.types[index];
    const top = this.frames[this.frames.length - 1]!;

    if (type === ENTER) {
      // Code inside starts from what was known before it, minus what a loop changes.
      const values: Values = new Map(top.values);
      if (node.kind === "WhileStatement") {
        forget(values, this.assignedInBranch(index));
      }
      this.frames.push({ values, assigned: [] });
      return;
    }

    if (type === LEAVE) {
      if (this.frames.length > 1) {
        this.frames.pop();
      }
      const outer = this.frames[this.frames.length - 1]!;
      const inner = top.assigned;
      forget(outer.values, inner);
      for (const name of inner) outer.assigned.push(name);
      return;
    }

    assign(node as Node & Record<string, unknown>, top.values);
    addAssigned(node, top.assigned);
  }

  /**
   * Names assigned anywhere in the branch entered at `index`: from the
   * events up to its LEAVE when the walk has passed it, or from its subtree
   * when the EXEC being resolved is inside it.
   */
  private assignedInBranch(index: number): string[] {
    const leaveIndex = this.leaveAt[index]!;
    if (leaveIndex < 0) {
      return assignedIn(this.nodes[index]);
    }
    const names: string[] = [];
    for (let i = index + 1; i < leaveIndex; i++) {
      if (this.types[i] === ASSIGN) {
        addAssigned(this.nodes[i]!, names);
      }
    }
    return names;
  }
}
