/**
 * Server statements: ALTER SERVER CONFIGURATION, RECONFIGURE, SHUTDOWN,
 * CHECKPOINT, KILL and DBCC.
 */

import type { Expression } from "../expressions.js";
import type { Node, OptionNode } from "../node.js";

export type ServerStatement =
  | AlterServerConfigurationStatement
  | ReconfigureStatement
  | ShutdownStatement
  | CheckpointStatement
  | KillStatement
  | KillQueryNotificationSubscriptionStatement
  | KillStatsJobStatement
  | DbccStatement;

/**
 * `ALTER SERVER CONFIGURATION SET setting ...`. `setting` is the upper-case
 * area, such as `PROCESS AFFINITY`, `DIAGNOSTICS LOG`, `BUFFER POOL
 * EXTENSION`, `SOFTNUMA` or `MEMORY_OPTIMIZED`.
 */
export interface AlterServerConfigurationStatement extends Node {
  readonly kind: "AlterServerConfigurationStatement";
  readonly setting: string;
  /** A value that follows the area directly: `SOFTNUMA OFF`, `HADR CLUSTER CONTEXT = 'c'`. */
  readonly value?: OptionNode["value"];
  readonly options: readonly OptionNode[];
}

export interface ReconfigureStatement extends Node {
  readonly kind: "ReconfigureStatement";
  readonly withOverride: boolean;
}

export interface ShutdownStatement extends Node {
  readonly kind: "ShutdownStatement";
  readonly noWait: boolean;
}

export interface CheckpointStatement extends Node {
  readonly kind: "CheckpointStatement";
  /** Requested duration in seconds. */
  readonly duration?: Expression;
}

/** `KILL session_id | 'uow' [WITH STATUSONLY]`. */
export interface KillStatement extends Node {
  readonly kind: "KillStatement";
  readonly target: Expression;
  readonly statusOnly: boolean;
}

/** `KILL QUERY NOTIFICATION SUBSCRIPTION { ALL | id }`. */
export interface KillQueryNotificationSubscriptionStatement extends Node {
  readonly kind: "KillQueryNotificationSubscriptionStatement";
  readonly all: boolean;
  readonly subscriptionId?: Expression;
}

export interface KillStatsJobStatement extends Node {
  readonly kind: "KillStatsJobStatement";
  readonly jobId: Expression;
}

/** `DBCC command [( arguments )] [WITH options]`. */
export interface DbccStatement extends Node {
  readonly kind: "DbccStatement";
  /** Upper-case command name, such as `CHECKDB`. */
  readonly command: string;
  /** Arguments; bare words such as RESEED or NOINDEX are column references. */
  readonly arguments: readonly Expression[];
  readonly options: readonly OptionNode[];
}
