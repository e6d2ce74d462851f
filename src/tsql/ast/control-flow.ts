/**
 * Control-of-flow statements: blocks, IF, WHILE, BREAK, CONTINUE, GOTO,
 * labels, RETURN and TRY ... CATCH.
 */

import type { Expression } from "./expressions.js";
import type { Identifier, Node } from "./node.js";
import type { Statement } from "./statements.js";

export type ControlFlowStatement =
  | BeginEndBlock
  | IfStatement
  | WhileStatement
  | BreakStatement
  | ContinueStatement
  | GotoStatement
  | LabelStatement
  | ReturnStatement
  | TryCatchStatement;

export interface BeginEndBlock extends Node {
  readonly kind: "BeginEndBlock";
  readonly statements: readonly Statement[];
  /** `BEGIN ATOMIC WITH (...)` of natively compiled modules. */
  readonly atomic?: boolean;
}

export interface IfStatement extends Node {
  readonly kind: "IfStatement";
  readonly condition: Expression;
  readonly thenStatement: Statement;
  readonly elseStatement?: Statement;
}

export interface WhileStatement extends Node {
  readonly kind: "WhileStatement";
  readonly condition: Expression;
  readonly body: Statement;
}

export interface BreakStatement extends Node {
  readonly kind: "BreakStatement";
}

export interface ContinueStatement extends Node {
  readonly kind: "ContinueStatement";
}

export interface GotoStatement extends Node {
  readonly kind: "GotoStatement";
  readonly label: Identifier;
}

export interface LabelStatement extends Node {
  readonly kind: "LabelStatement";
  readonly label: Identifier;
}

export interface ReturnStatement extends Node {
  readonly kind: "ReturnStatement";
  readonly expression?: Expression;
}

export interface TryCatchStatement extends Node {
  readonly kind: "TryCatchStatement";
  readonly tryStatements: readonly Statement[];
  readonly catchStatements: readonly Statement[];
}
