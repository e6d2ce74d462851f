/** Partition functions and partition schemes. */

import type { Expression } from "../expressions.js";
import type { DataType, Identifier, Node } from "../node.js";

export interface CreatePartitionFunctionStatement extends Node {
  readonly kind: "CreatePartitionFunctionStatement";
  readonly name: Identifier;
  readonly parameterType: DataType;
  readonly range?: "LEFT" | "RIGHT";
  readonly boundaryValues: readonly Expression[];
}

export interface AlterPartitionFunctionStatement extends Node {
  readonly kind: "AlterPartitionFunctionStatement";
  readonly name: Identifier;
  readonly action: "SPLIT" | "MERGE";
  readonly boundary: Expression;
}

export interface CreatePartitionSchemeStatement extends Node {
  readonly kind: "CreatePartitionSchemeStatement";
  readonly name: Identifier;
  readonly partitionFunction: Identifier;
  readonly all: boolean;
  readonly fileGroups: readonly Identifier[];
}

export interface AlterPartitionSchemeStatement extends Node {
  readonly kind: "AlterPartitionSchemeStatement";
  readonly name: Identifier;
  /** Absent when NEXT USED names no filegroup, which clears the marking. */
  readonly nextUsed?: Identifier;
}
