/**
 * Objects of the instance: assemblies, endpoints, Extended Events
 * sessions, Resource Governor, availability groups and PolyBase external
 * objects.
 */

import type { Expression } from "../expressions.js";
import type { DataType, Identifier, Node, OptionNode, SchemaObjectName } from "../node.js";
import type { SelectStatement } from "../query.js";

export type InstanceObjectStatement =
  | AssemblyStatement
  | EndpointStatement
  | EventSessionStatement
  | ResourcePoolStatement
  | WorkloadGroupStatement
  | AlterResourceGovernorStatement
  | AvailabilityGroupStatement
  | ExternalObjectStatement
  | CreateExternalTableStatement;

export interface AssemblyStatement extends Node {
  readonly kind: "CreateAssemblyStatement" | "AlterAssemblyStatement";
  readonly name: Identifier;
  readonly owner?: Identifier;
  /** Paths or binary literals after FROM. */
  readonly sources: readonly Expression[];
  /** PERMISSION_SET, VISIBILITY, UNCHECKED DATA. */
  readonly options: readonly OptionNode[];
  /** Upper-case PERMISSION_SET value: SAFE, EXTERNAL_ACCESS or UNSAFE. */
  readonly permissionSet?: string;
  /** ALTER: `ADD FILE FROM` sources. */
  readonly addedFiles: readonly Expression[];
  /** ALTER: `DROP FILE` names; `DROP FILE ALL` gives an empty list and dropAllFiles. */
  readonly droppedFiles: readonly Expression[];
  readonly dropAllFiles: boolean;
}

export interface EndpointStatement extends Node {
  readonly kind: "CreateEndpointStatement" | "AlterEndpointStatement";
  readonly name: Identifier;
  readonly owner?: Identifier;
  /** `STARTED`, `STOPPED` or `DISABLED`. */
  readonly state?: string;
  /** `TCP` or `HTTP`. */
  readonly protocol?: string;
  readonly protocolOptions: readonly OptionNode[];
  /** `TSQL`, `SERVICE_BROKER`, `DATABASE_MIRRORING` or `SOAP`. */
  readonly payload?: string;
  readonly payloadOptions: readonly OptionNode[];
}

/** `ADD EVENT pkg.event [( SET ... ACTION (...) WHERE predicate )]`. */
export interface EventDeclaration extends Node {
  readonly kind: "EventDeclaration";
  readonly name: SchemaObjectName;
  readonly setOptions: readonly OptionNode[];
  readonly actions: readonly SchemaObjectName[];
  readonly predicate?: Expression;
}

/** `ADD TARGET pkg.target [( SET name = value, ... )]`. */
export interface EventTargetDeclaration extends Node {
  readonly kind: "EventTargetDeclaration";
  readonly name: SchemaObjectName;
  readonly setOptions: readonly OptionNode[];
}

export interface EventSessionStatement extends Node {
  readonly kind: "CreateEventSessionStatement" | "AlterEventSessionStatement";
  readonly name: Identifier;
  readonly scope: "SERVER" | "DATABASE";
  readonly events: readonly EventDeclaration[];
  readonly droppedEvents: readonly SchemaObjectName[];
  readonly targets: readonly EventTargetDeclaration[];
  readonly droppedTargets: readonly SchemaObjectName[];
  readonly options: readonly OptionNode[];
  /** ALTER: `STATE = START | STOP`. */
  readonly state?: "START" | "STOP";
}

export interface ResourcePoolStatement extends Node {
  readonly kind: "CreateResourcePoolStatement" | "AlterResourcePoolStatement";
  readonly name: Identifier;
  /** True for `EXTERNAL RESOURCE POOL`, used by Machine Learning Services. */
  readonly external: boolean;
  readonly options: readonly OptionNode[];
}

export interface WorkloadGroupStatement extends Node {
  readonly kind: "CreateWorkloadGroupStatement" | "AlterWorkloadGroupStatement";
  readonly name: Identifier;
  readonly options: readonly OptionNode[];
  readonly pool?: Identifier;
  readonly externalPool?: Identifier;
}

export interface AlterResourceGovernorStatement extends Node {
  readonly kind: "AlterResourceGovernorStatement";
  /** `RECONFIGURE`, `DISABLE`, `RESET STATISTICS` or `WITH` for the option list. */
  readonly action: "RECONFIGURE" | "DISABLE" | "RESET STATISTICS" | "WITH";
  /** CLASSIFIER_FUNCTION, MAX_OUTSTANDING_IO_PER_VOLUME. */
  readonly options: readonly OptionNode[];
}

/** `'server' WITH ( ENDPOINT_URL = ..., AVAILABILITY_MODE = ..., ... )`. */
export interface AvailabilityReplica extends Node {
  readonly kind: "AvailabilityReplica";
  readonly server: Expression;
  readonly options: readonly OptionNode[];
}

/** `LISTENER 'name' ( WITH IP (...) | WITH DHCP ..., PORT = n )`. */
export interface AvailabilityGroupListener extends Node {
  readonly kind: "AvailabilityGroupListener";
  readonly name: Expression;
  /** Items named `WITH IP`, `WITH DHCP` and `PORT`. */
  readonly options: readonly OptionNode[];
}

export interface AvailabilityGroupStatement extends Node {
  readonly kind: "CreateAvailabilityGroupStatement" | "AlterAvailabilityGroupStatement";
  readonly name: Identifier;
  /** ALTER only: upper-case action words, such as `ADD DATABASE` or `FAILOVER`. */
  readonly action?: string;
  /** Group options: `WITH (...)` of CREATE, `SET (...)` of ALTER. */
  readonly options: readonly OptionNode[];
  readonly databases: readonly Identifier[];
  readonly replicas: readonly AvailabilityReplica[];
  readonly listener?: AvailabilityGroupListener;
  /** True for a distributed availability group (`... AVAILABILITY GROUP ON 'ag' WITH ...`). */
  readonly distributed: boolean;
}

/** PolyBase and Machine Learning objects defined by an option list. */
export interface ExternalObjectStatement extends Node {
  readonly kind:
    | "CreateExternalDataSourceStatement"
    | "AlterExternalDataSourceStatement"
    | "CreateExternalFileFormatStatement"
    | "CreateExternalLibraryStatement"
    | "AlterExternalLibraryStatement"
    | "CreateExternalLanguageStatement"
    | "AlterExternalLanguageStatement";
  readonly name: Identifier;
  readonly owner?: Identifier;
  /**
   * The file specifications of external libraries and languages: one
   * option per `( CONTENT = ..., PLATFORM = ... )`, named by the word
   * before it (FROM, SET or ADD) with the specification as nested options,
   * and `REMOVE PLATFORM p` as an option with the platform as value.
   */
  readonly content: readonly OptionNode[];
  /** The `WITH (...)` or `SET (...)` options. */
  readonly options: readonly OptionNode[];
}

/**
 * A column of an external table: `name type [COLLATE c] [NULL | NOT
 * NULL]`. The column list of CREATE EXTERNAL TABLE AS SELECT has names
 * only, so `dataType` is absent there.
 */
export interface ExternalTableColumn extends Node {
  readonly kind: "ExternalTableColumn";
  readonly name: Identifier;
  readonly dataType?: DataType;
  readonly collation?: Identifier;
  readonly nullable?: boolean;
}

export interface CreateExternalTableStatement extends Node {
  readonly kind: "CreateExternalTableStatement";
  readonly name: SchemaObjectName;
  readonly columns: readonly ExternalTableColumn[];
  /** LOCATION, DATA_SOURCE, FILE_FORMAT, REJECT_TYPE, ... */
  readonly options: readonly OptionNode[];
  /** The query of CREATE EXTERNAL TABLE AS SELECT. */
  readonly asSelect?: SelectStatement;
}
