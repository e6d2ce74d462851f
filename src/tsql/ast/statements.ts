/**
 * The statement union and the batch. Each family of statements has its own
 * file; this union joins them so analysis can switch on `kind`.
 */

import type { AdminStatement } from "./admin.js";
import type { ControlFlowStatement } from "./control-flow.js";
import type { DmlStatement } from "./dml.js";
import type { ModuleStatement } from "./modules.js";
import type { ErrorStatement, Node } from "./node.js";
import type { ProceduralStatement } from "./procedural.js";
import type { SelectStatement } from "./query.js";
import type { SecurityStatement } from "./security.js";
import type { TableStatement } from "./tables.js";

export type Statement =
  | ErrorStatement
  | SelectStatement
  | ControlFlowStatement
  | ProceduralStatement
  | DmlStatement
  | TableStatement
  | ModuleStatement
  | SecurityStatement
  | AdminStatement;

/** The statements between two GO separators. */
export interface Batch extends Node {
  readonly kind: "Batch";
  readonly statements: readonly Statement[];
  /** The count of `GO n`: how many times sqlcmd and SSMS run the batch. */
  readonly repeat: number;
  /** Error diagnostics of lexing and parsing this batch. */
  readonly errorCount: number;
}
