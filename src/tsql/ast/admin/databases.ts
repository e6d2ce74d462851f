/**
 * Database statements: CREATE DATABASE with its files and filegroups,
 * ALTER DATABASE in its forms, and ALTER DATABASE SCOPED CONFIGURATION.
 */

import type { Expression } from "../expressions.js";
import type { Identifier, Node, OptionNode, SchemaObjectName } from "../node.js";

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
