/** DROP of every object type. */

import type { Identifier, Node, OptionNode, SchemaObjectName } from "../node.js";

/** `index ON table` in DROP INDEX, or the two-part `table.index`. */
export interface DropIndexTarget extends Node {
  readonly kind: "DropIndexTarget";
  readonly index: Identifier;
  readonly table?: SchemaObjectName;
  readonly options: readonly OptionNode[];
}

export interface DropStatement extends Node {
  readonly kind: "DropStatement";
  /** Upper-case object type words as written, PROC normalised to PROCEDURE. */
  readonly objectType: string;
  readonly ifExists: boolean;
  /** Dropped objects as written; for DROP INDEX `ix` or `table.ix`. */
  readonly names: readonly SchemaObjectName[];
  /** The targets of DROP INDEX, one per name. */
  readonly indexes?: readonly DropIndexTarget[];
  /** `ON DATABASE`, `ON ALL SERVER`, `ON SERVER`, `ON QUEUE q` or the table of DROP FULLTEXT INDEX. */
  readonly on?: "DATABASE" | "ALL SERVER" | "SERVER" | SchemaObjectName;
  /** Trailing clauses as written, such as `WITH NO DEPENDENTS` or `REMOVE PROVIDER KEY`. */
  readonly clauses: readonly string[];
}
