/** Options of a collection, the progress events it reports and the counts it keeps. */

import type { SqlServerErrorKind } from "../errors.js";
import type { InventoryPart } from "../inventory/part.js";

export interface CollectOptions {
  /**
   * Databases to collect, matched case-insensitively; absent or empty
   * means every user database. A name the server does not have becomes a
   * `not-found` problem that lists the databases it has. System databases
   * named here are collected too, but for tempdb, which gives a problem.
   */
  readonly databases?: readonly string[];
  /**
   * Collect master, model and msdb as databases too. Default false;
   * server-scope parts read master and msdb either way. tempdb is never
   * collected, because it contains no persistent code.
   */
  readonly includeSystemDatabases?: boolean;
  /**
   * Databases left out, matched case-insensitively, after `databases` and
   * `includeSystemDatabases` chose the rest. A name the server does not
   * have is ignored.
   */
  readonly excludeDatabases?: readonly string[];
  /** Databases read at once, a whole number of at least 1. Default 2. */
  readonly parallelism?: number;
  readonly signal?: AbortSignal;
  /** Called as databases start and finish and modules are read. */
  readonly onProgress?: (event: CollectProgress) => void;
  /** The user turned certificate checks off; stated in the server header. */
  readonly tlsVerificationDisabled?: boolean;
  /**
   * Error kinds that end the collection with a rejection instead of a
   * problem. Default: login-failed, tls and unreachable, because they
   * mean the server itself cannot be read.
   */
  readonly stopOn?: readonly SqlServerErrorKind[];
  /** Inventory parts to read; SERVER_PARTS and DATABASE_PARTS by default. */
  readonly parts?: {
    readonly server: readonly InventoryPart[];
    readonly database: readonly InventoryPart[];
  };
  /** Tables per page when rebuilding table definitions. */
  readonly tablePageSize?: number;
}

export const DEFAULT_PARALLELISM = 2;

export const DEFAULT_STOP_ON: readonly SqlServerErrorKind[] = ["login-failed", "tls", "unreachable"];

export type CollectProgress =
  | {
      readonly kind: "database-started";
      readonly database: string;
      /** Position in the collection order, from 0. */
      readonly index: number;
      readonly count: number;
    }
  | {
      /** Modules read so far in `database` (empty for server triggers), every 100 and at the end. */
      readonly kind: "modules-read";
      readonly database: string;
      readonly modules: number;
    }
  | {
      readonly kind: "database-finished";
      readonly database: string;
      readonly index: number;
      readonly count: number;
      readonly modules: number;
      readonly tables: number;
      /** The database could not be read at all and was skipped. */
      readonly skipped: boolean;
    };

export interface CollectionStats {
  /** Problem items of every reason, warnings included. */
  problems: number;
  /** Problem items by reason; `over-privileged` counts warnings. */
  readonly problemsByReason: Record<string, number>;
  /** Module items from sys.sql_modules and server triggers, encrypted ones included. */
  modules: number;
  /** Modules with a null definition, created WITH ENCRYPTION. */
  encryptedModules: number;
  rebuiltTables: number;
  databasesCollected: number;
  databasesSkipped: number;
}
