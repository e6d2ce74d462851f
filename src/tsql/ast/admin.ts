/**
 * Administration statements: databases and their files, server
 * configuration, backup and restore, DBCC, CHECKPOINT and KILL, Service
 * Broker, full-text search, assemblies, endpoints, Extended Events
 * sessions, Resource Governor, availability groups and PolyBase external
 * objects. Long option lists are kept as OptionNode lists, which the
 * analysis reads by option name.
 */

import type { Expression, VariableReference } from "./expressions.js";
import type { DataType, Identifier, Node, OptionNode, SchemaObjectName } from "./node.js";
import type { SelectElement, SelectStatement } from "./query.js";

export type AdminStatement =
  | DatabaseStatement
  | ServerStatement
  | BackupRestoreStatement
  | BrokerStatement
  | FullTextStatement
  | InstanceObjectStatement;

export type DatabaseStatement =
  | CreateDatabaseStatement
  | AlterDatabaseSetStatement
  | AlterDatabaseAddFileStatement
  | AlterDatabaseRemoveFileStatement
  | AlterDatabaseModifyFileStatement
  | AlterDatabaseAddFileGroupStatement
  | AlterDatabaseRemoveFileGroupStatement
  | AlterDatabaseModifyFileGroupStatement
  | AlterDatabaseModifyNameStatement
  | AlterDatabaseCollateStatement
  | AlterDatabaseAzureStatement
  | AlterDatabaseScopedConfigurationSetStatement
  | AlterDatabaseScopedConfigurationClearStatement;

export type ServerStatement =
  | AlterServerConfigurationStatement
  | ReconfigureStatement
  | ShutdownStatement
  | CheckpointStatement
  | KillStatement
  | KillQueryNotificationSubscriptionStatement
  | KillStatsJobStatement
  | DbccStatement;

export type BackupRestoreStatement = BackupStatement | RestoreStatement;

export type BrokerStatement =
  | MessageTypeStatement
  | CreateContractStatement
  | QueueStatement
  | ServiceStatement
  | RouteStatement
  | RemoteServiceBindingStatement
  | BrokerPriorityStatement
  | CreateEventNotificationStatement
  | BeginDialogStatement
  | SendStatement
  | ReceiveStatement
  | EndConversationStatement
  | GetConversationGroupStatement
  | MoveConversationStatement
  | BeginConversationTimerStatement;

export type FullTextStatement =
  | CreateFullTextCatalogStatement
  | AlterFullTextCatalogStatement
  | CreateFullTextIndexStatement
  | AlterFullTextIndexStatement
  | FullTextStopListStatement
  | SearchPropertyListStatement;

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

// Databases.

/**
 * A file of a database: `( NAME = n, FILENAME = 'path', SIZE = 8 MB, ... )`.
 * `logicalName` and `fileName` repeat the NAME and FILENAME options.
 */
export interface FileDeclaration extends Node {
  readonly kind: "FileDeclaration";
  readonly options: readonly OptionNode[];
  readonly logicalName?: string;
  readonly fileName?: string;
}

/** `FILEGROUP fg [CONTAINS FILESTREAM | MEMORY_OPTIMIZED_DATA] [DEFAULT] files`. */
export interface FileGroupDefinition extends Node {
  readonly kind: "FileGroupDefinition";
  /** Absent for the primary filegroup: `ON [PRIMARY] files`. */
  readonly name?: Identifier;
  readonly contains?: "FILESTREAM" | "MEMORY_OPTIMIZED_DATA";
  readonly isDefault: boolean;
  readonly files: readonly FileDeclaration[];
}

export interface CreateDatabaseStatement extends Node {
  readonly kind: "CreateDatabaseStatement";
  readonly name: Identifier;
  /** `CONTAINMENT = NONE | PARTIAL`. */
  readonly containment?: string;
  /** Data filegroups, the primary one first when written. */
  readonly fileGroups: readonly FileGroupDefinition[];
  readonly logFiles: readonly FileDeclaration[];
  readonly collation?: Identifier;
  /** `FOR ATTACH` or `FOR ATTACH_REBUILD_LOG`. */
  readonly attach?: "ATTACH" | "ATTACH_REBUILD_LOG";
  /** `AS SNAPSHOT OF source`. */
  readonly snapshotOf?: Identifier;
  /** `AS COPY OF [server.]database` (Azure SQL Database). */
  readonly copyOf?: SchemaObjectName;
  /** WITH options, and the Azure SQL `( EDITION = ..., SERVICE_OBJECTIVE = ... )`. */
  readonly options: readonly OptionNode[];
}

/** The target of ALTER DATABASE: a name, or CURRENT when `database` is absent. */
export interface AlterDatabaseTarget {
  readonly database?: Identifier;
  readonly current: boolean;
}

/** `WITH ROLLBACK IMMEDIATE | ROLLBACK AFTER n [SECONDS] | NO_WAIT`. */
export interface Termination {
  readonly type: "ROLLBACK IMMEDIATE" | "ROLLBACK AFTER" | "NO_WAIT";
  readonly seconds?: Expression;
}

/** `ALTER DATABASE d SET option [, ...] [WITH termination]`. */
export interface AlterDatabaseSetStatement extends Node, AlterDatabaseTarget {
  readonly kind: "AlterDatabaseSetStatement";
  readonly options: readonly OptionNode[];
  readonly termination?: Termination;
}

/** `ADD FILE (...) [TO FILEGROUP fg]` or `ADD LOG FILE (...)`. */
export interface AlterDatabaseAddFileStatement extends Node, AlterDatabaseTarget {
  readonly kind: "AlterDatabaseAddFileStatement";
  readonly log: boolean;
  readonly files: readonly FileDeclaration[];
  readonly fileGroup?: Identifier;
}

export interface AlterDatabaseRemoveFileStatement extends Node, AlterDatabaseTarget {
  readonly kind: "AlterDatabaseRemoveFileStatement";
  readonly file: Identifier;
}

export interface AlterDatabaseModifyFileStatement extends Node, AlterDatabaseTarget {
  readonly kind: "AlterDatabaseModifyFileStatement";
  readonly file: FileDeclaration;
}

export interface AlterDatabaseAddFileGroupStatement extends Node, AlterDatabaseTarget {
  readonly kind: "AlterDatabaseAddFileGroupStatement";
  readonly fileGroup: Identifier;
  readonly contains?: "FILESTREAM" | "MEMORY_OPTIMIZED_DATA";
}

export interface AlterDatabaseRemoveFileGroupStatement extends Node, AlterDatabaseTarget {
  readonly kind: "AlterDatabaseRemoveFileGroupStatement";
  readonly fileGroup: Identifier;
}

/**
 * `MODIFY FILEGROUP fg { DEFAULT | READ_ONLY | READ_WRITE |
 * AUTOGROW_SINGLE_FILE | AUTOGROW_ALL_FILES | NAME = new }`.
 */
export interface AlterDatabaseModifyFileGroupStatement extends Node, AlterDatabaseTarget {
  readonly kind: "AlterDatabaseModifyFileGroupStatement";
  readonly fileGroup: Identifier;
  /** The upper-case property word, absent when the filegroup is renamed. */
  readonly property?: string;
  readonly newName?: Identifier;
  readonly termination?: Termination;
}

export interface AlterDatabaseModifyNameStatement extends Node, AlterDatabaseTarget {
  readonly kind: "AlterDatabaseModifyNameStatement";
  readonly newName: Identifier;
}

export interface AlterDatabaseCollateStatement extends Node, AlterDatabaseTarget {
  readonly kind: "AlterDatabaseCollateStatement";
  readonly collation: Identifier;
}

/**
 * Azure SQL Database forms: `MODIFY ( EDITION = ... )`, `ADD SECONDARY ON
 * SERVER s`, `REMOVE SECONDARY ON SERVER s`, `FAILOVER`,
 * `FORCE_FAILOVER_ALLOW_DATA_LOSS`, `PERFORM_CUTOVER`.
 */
export interface AlterDatabaseAzureStatement extends Node, AlterDatabaseTarget {
  readonly kind: "AlterDatabaseAzureStatement";
  /** Upper-case action words, such as `ADD SECONDARY`. */
  readonly action: string;
  readonly server?: Identifier;
  readonly options: readonly OptionNode[];
}

/** `ALTER DATABASE SCOPED CONFIGURATION [FOR SECONDARY] SET name = value`. */
export interface AlterDatabaseScopedConfigurationSetStatement extends Node {
  readonly kind: "AlterDatabaseScopedConfigurationSetStatement";
  readonly secondary: boolean;
  readonly option: OptionNode;
}

/** `ALTER DATABASE SCOPED CONFIGURATION [FOR SECONDARY] CLEAR PROCEDURE_CACHE [plan_handle]`. */
export interface AlterDatabaseScopedConfigurationClearStatement extends Node {
  readonly kind: "AlterDatabaseScopedConfigurationClearStatement";
  readonly secondary: boolean;
  readonly planHandle?: Expression;
}

// Server, sessions and DBCC.

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

// Backup and restore.

/**
 * A backup device: `DISK = 'path'`, `TAPE = ...`, `URL = ...`, or a logical
 * device name (deviceType "LOGICAL").
 */
export interface BackupDevice extends Node {
  readonly kind: "BackupDevice";
  readonly deviceType: "DISK" | "TAPE" | "URL" | "LOGICAL";
  /** A string literal or a variable; an Identifier for a logical device. */
  readonly location: Expression | Identifier;
}

/** `FILE = name`, `FILEGROUP = name`, `PAGE = 'f:p'` or `READ_WRITE_FILEGROUPS`. */
export interface BackupFileSpec extends Node {
  readonly kind: "BackupFileSpec";
  readonly type: "FILE" | "FILEGROUP" | "PAGE" | "READ_WRITE_FILEGROUPS";
  readonly value?: Expression;
}

export interface BackupStatement extends Node {
  readonly kind: "BackupStatement";
  readonly target: "DATABASE" | "LOG";
  /** A database name, or a variable that contains it. */
  readonly database: Identifier | VariableReference;
  readonly files: readonly BackupFileSpec[];
  readonly devices: readonly BackupDevice[];
  /** One device list per MIRROR TO clause. */
  readonly mirrors: readonly (readonly BackupDevice[])[];
  /** WITH options by name; ENCRYPTION and COMPRESSION may have nested options. */
  readonly options: readonly OptionNode[];
}

/**
 * RESTORE of a database or log, or one of the RESTORE commands that read
 * backup media. `MOVE 'a' TO 'b'` is an option named MOVE whose value is a
 * list of the two.
 */
export interface RestoreStatement extends Node {
  readonly kind: "RestoreStatement";
  readonly target:
    | "DATABASE"
    | "LOG"
    | "FILELISTONLY"
    | "HEADERONLY"
    | "VERIFYONLY"
    | "LABELONLY"
    | "REWINDONLY";
  /** Absent for the media commands such as HEADERONLY. */
  readonly database?: Identifier | VariableReference;
  readonly files: readonly BackupFileSpec[];
  /** Empty for `RESTORE DATABASE d WITH RECOVERY`, which only recovers. */
  readonly devices: readonly BackupDevice[];
  /** The snapshot of `FROM DATABASE_SNAPSHOT = 's'`. */
  readonly fromSnapshot?: Expression;
  readonly options: readonly OptionNode[];
}

// Service Broker.

export interface MessageTypeStatement extends Node {
  readonly kind: "CreateMessageTypeStatement" | "AlterMessageTypeStatement";
  readonly name: Identifier;
  readonly owner?: Identifier;
  readonly validation?: "NONE" | "EMPTY" | "WELL_FORMED_XML" | "VALID_XML";
  readonly schemaCollection?: SchemaObjectName;
}

/** `message SENT BY INITIATOR | TARGET | ANY` inside CREATE CONTRACT. */
export interface ContractMessage extends Node {
  readonly kind: "ContractMessage";
  /** The message type, or `DEFAULT`. */
  readonly messageType: Identifier;
  readonly sentBy: "INITIATOR" | "TARGET" | "ANY";
}

export interface CreateContractStatement extends Node {
  readonly kind: "CreateContractStatement";
  readonly name: Identifier;
  readonly owner?: Identifier;
  readonly messages: readonly ContractMessage[];
}

export interface QueueStatement extends Node {
  readonly kind: "CreateQueueStatement" | "AlterQueueStatement";
  readonly name: SchemaObjectName;
  /** STATUS, RETENTION, ACTIVATION (...), POISON_MESSAGE_HANDLING (...). */
  readonly options: readonly OptionNode[];
  readonly fileGroup?: Identifier;
  /** ALTER QUEUE only: `REBUILD`, `REORGANIZE` or `MOVE TO`. */
  readonly action?: "REBUILD" | "REORGANIZE" | "MOVE TO";
}

export interface ServiceStatement extends Node {
  readonly kind: "CreateServiceStatement" | "AlterServiceStatement";
  readonly name: Identifier;
  readonly owner?: Identifier;
  readonly queue?: SchemaObjectName;
  /** CREATE: the contracts; ALTER: the contracts added. */
  readonly contracts: readonly Identifier[];
  /** ALTER SERVICE only: the contracts dropped. */
  readonly droppedContracts: readonly Identifier[];
}

export interface RouteStatement extends Node {
  readonly kind: "CreateRouteStatement" | "AlterRouteStatement";
  readonly name: Identifier;
  readonly owner?: Identifier;
  /** SERVICE_NAME, BROKER_INSTANCE, LIFETIME, ADDRESS, MIRROR_ADDRESS. */
  readonly options: readonly OptionNode[];
}

export interface RemoteServiceBindingStatement extends Node {
  readonly kind: "CreateRemoteServiceBindingStatement" | "AlterRemoteServiceBindingStatement";
  readonly name: Identifier;
  readonly owner?: Identifier;
  readonly service?: Expression;
  /** USER and ANONYMOUS. */
  readonly options: readonly OptionNode[];
}

export interface BrokerPriorityStatement extends Node {
  readonly kind: "CreateBrokerPriorityStatement" | "AlterBrokerPriorityStatement";
  readonly name: Identifier;
  /** CONTRACT_NAME, LOCAL_SERVICE_NAME, REMOTE_SERVICE_NAME, PRIORITY_LEVEL. */
  readonly options: readonly OptionNode[];
}

export interface CreateEventNotificationStatement extends Node {
  readonly kind: "CreateEventNotificationStatement";
  readonly name: Identifier;
  readonly scope: "SERVER" | "DATABASE" | "QUEUE";
  readonly queue?: SchemaObjectName;
  readonly fanIn: boolean;
  /** Event types and event groups, such as DDL_TABLE_EVENTS. */
  readonly events: readonly Identifier[];
  readonly service: Expression;
  /** `'current database'` or a broker instance identifier. */
  readonly brokerInstance: Expression;
}

export interface BeginDialogStatement extends Node {
  readonly kind: "BeginDialogStatement";
  readonly handle: VariableReference;
  readonly initiatorService: Identifier;
  readonly targetService: Expression;
  readonly brokerInstance?: Expression;
  readonly contract?: Identifier;
  /** RELATED_CONVERSATION, RELATED_CONVERSATION_GROUP, LIFETIME, ENCRYPTION. */
  readonly options: readonly OptionNode[];
}

export interface SendStatement extends Node {
  readonly kind: "SendStatement";
  readonly conversations: readonly Expression[];
  readonly messageType?: Identifier;
  readonly body?: Expression;
}

/** `RECEIVE [TOP (n)] columns FROM queue [INTO @table] [WHERE ...]`. */
export interface ReceiveStatement extends Node {
  readonly kind: "ReceiveStatement";
  readonly top?: Expression;
  readonly columns: readonly SelectElement[];
  readonly queue: SchemaObjectName;
  readonly into?: VariableReference;
  readonly where?: Expression;
}

export interface EndConversationStatement extends Node {
  readonly kind: "EndConversationStatement";
  readonly conversation: Expression;
  readonly errorCode?: Expression;
  readonly errorDescription?: Expression;
  readonly cleanup: boolean;
}

export interface GetConversationGroupStatement extends Node {
  readonly kind: "GetConversationGroupStatement";
  readonly group: VariableReference;
  readonly queue: SchemaObjectName;
}

export interface MoveConversationStatement extends Node {
  readonly kind: "MoveConversationStatement";
  readonly conversation: Expression;
  readonly group: Expression;
}

export interface BeginConversationTimerStatement extends Node {
  readonly kind: "BeginConversationTimerStatement";
  readonly conversation: Expression;
  readonly timeout: Expression;
}

// Full-text search.

export interface CreateFullTextCatalogStatement extends Node {
  readonly kind: "CreateFullTextCatalogStatement";
  readonly name: Identifier;
  readonly fileGroup?: Identifier;
  /** `IN PATH 'x'`, deprecated and ignored since SQL Server 2008. */
  readonly path?: Expression;
  readonly options: readonly OptionNode[];
  readonly isDefault: boolean;
  readonly owner?: Identifier;
}

export interface AlterFullTextCatalogStatement extends Node {
  readonly kind: "AlterFullTextCatalogStatement";
  readonly name: Identifier;
  readonly action: "REBUILD" | "REORGANIZE" | "AS DEFAULT";
  readonly options: readonly OptionNode[];
}

/** `column [TYPE COLUMN c] [LANGUAGE l] [STATISTICAL_SEMANTICS]`. */
export interface FullTextIndexColumn extends Node {
  readonly kind: "FullTextIndexColumn";
  readonly name: Identifier;
  readonly typeColumn?: Identifier;
  readonly language?: Expression;
  readonly statisticalSemantics: boolean;
}

export interface CreateFullTextIndexStatement extends Node {
  readonly kind: "CreateFullTextIndexStatement";
  readonly table: SchemaObjectName;
  readonly columns: readonly FullTextIndexColumn[];
  readonly keyIndex: Identifier;
  readonly catalog?: Identifier;
  readonly fileGroup?: Identifier;
  /** CHANGE_TRACKING, STOPLIST, SEARCH PROPERTY LIST, NO POPULATION. */
  readonly options: readonly OptionNode[];
}

/**
 * ALTER FULLTEXT INDEX ON t with one action: `ENABLE`, `DISABLE`, `SET
 * CHANGE_TRACKING`, `ADD`, `ALTER COLUMN`, `DROP`, `START FULL POPULATION`,
 * `START INCREMENTAL POPULATION`, `START UPDATE POPULATION`, `STOP
 * POPULATION`, `PAUSE POPULATION`, `RESUME POPULATION`, `SET STOPLIST`, `SET
 * SEARCH PROPERTY LIST`.
 */
export interface AlterFullTextIndexStatement extends Node {
  readonly kind: "AlterFullTextIndexStatement";
  readonly table: SchemaObjectName;
  /** Upper-case action words, such as `START FULL POPULATION`. */
  readonly action: string;
  /** The columns of ADD, ALTER COLUMN and DROP. */
  readonly columns: readonly FullTextIndexColumn[];
  readonly options: readonly OptionNode[];
}

export interface FullTextStopListStatement extends Node {
  readonly kind: "CreateFullTextStopListStatement" | "AlterFullTextStopListStatement";
  readonly name: Identifier;
  /** CREATE: `FROM SYSTEM STOPLIST` gives `SYSTEM`, otherwise the source list. */
  readonly source?: SchemaObjectName | "SYSTEM";
  readonly owner?: Identifier;
  /** ALTER: `ADD`, `DROP` or `DROP ALL`. */
  readonly action?: "ADD" | "DROP" | "DROP ALL";
  readonly word?: Expression;
  readonly language?: Expression;
}

export interface SearchPropertyListStatement extends Node {
  readonly kind: "CreateSearchPropertyListStatement" | "AlterSearchPropertyListStatement";
  readonly name: Identifier;
  readonly source?: SchemaObjectName;
  readonly owner?: Identifier;
  readonly action?: "ADD" | "DROP";
  readonly property?: Expression;
  readonly options: readonly OptionNode[];
}

// Instance objects.

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
