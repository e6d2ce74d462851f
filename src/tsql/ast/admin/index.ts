/**
 * Administration statements: databases and their files, server
 * configuration, backup and restore, DBCC, CHECKPOINT and KILL, Service
 * Broker, full-text search, assemblies, endpoints, Extended Events
 * sessions, Resource Governor, availability groups and PolyBase external
 * objects. Long option lists are kept as OptionNode lists, which the
 * analysis reads by option name.
 */

import type { BackupRestoreStatement } from "./backup.js";
import type { BrokerStatement } from "./broker.js";
import type { DatabaseStatement } from "./databases.js";
import type { FullTextStatement } from "./fulltext.js";
import type { InstanceObjectStatement } from "./instance.js";
import type { ServerStatement } from "./server.js";

export type * from "./backup.js";
export type * from "./broker.js";
export type * from "./databases.js";
export type * from "./fulltext.js";
export type * from "./instance.js";
export type * from "./server.js";

export type AdminStatement =
  | DatabaseStatement
  | ServerStatement
  | BackupRestoreStatement
  | BrokerStatement
  | FullTextStatement
  | InstanceObjectStatement;
