/**
 * The coverage of an assessment of a live server, from its inventory and
 * its collection problems: the databases read, the databases skipped
 * whole, and the code that is missing from the units.
 */

import { MODULES_PART, SERVER_MODULES_PART } from "../sources/sqlserver/code/modules.js";
import { TABLE_DEFINITIONS_PART } from "../sources/sqlserver/code/rebuild-tables.js";
import { DATABASE_LIST_PART } from "../sources/sqlserver/collect/databases.js";
import type { CollectionProblem } from "../sources/sqlserver/collected.js";
import { agentPart } from "../sources/sqlserver/inventory/agent.js";
import { databasesPart } from "../sources/sqlserver/inventory/databases.js";
import type { LiveSource } from "./model.js";

/** A database the collection skipped whole, with the reason of its first problem. */
export interface DatabaseNotRead {
  readonly database: string;
  readonly reason: string;
  readonly message: string;
}

export interface LiveCoverage {
  /**
   * Databases that have inventory items, sorted by code unit. The server
   * part that lists every database of the server does not count.
   */
  readonly databasesRead: readonly string[];
  /** Databases skipped whole (offline, no access, not found), in problem order. */
  readonly databasesNotRead: readonly DatabaseNotRead[];
}

/** Parts whose problem means that a whole database was not read. */
const WHOLE_DATABASE_PARTS: readonly string[] = ["database", DATABASE_LIST_PART];

/** Returns the databases that `live` read and those it skipped whole. */
export function liveCoverage(live: LiveSource): LiveCoverage {
  const notRead = new Map<string, DatabaseNotRead>();
  for (const p of live.problems) {
    if (p.database !== undefined && WHOLE_DATABASE_PARTS.includes(p.part)) {
      const key = p.database.toLowerCase();
      if (!notRead.has(key)) {
        notRead.set(key, { database: p.database, reason: p.reason, message: p.message });
      }
    }
  }

  const read = new Map<string, string>();
  for (const [part, items] of Object.entries(live.inventory)) {
    if (part === databasesPart.name) {
      continue;
    }
    for (const item of items) {
      const name = item.database;
      if (typeof name === "string" && name !== "" && !notRead.has(name.toLowerCase())) {
        read.set(name.toLowerCase(), name);
      }
    }
  }

  const databasesRead = [...read.values()].sort(compareCodeUnits);
  return { databasesRead, databasesNotRead: [...notRead.values()] };
}

/** Orders text by UTF-16 code units, the same on every platform and locale. */
function compareCodeUnits(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

/** Code of a live server that an assessment is missing some or all of. */
export interface CodeNotRead {
  /** Databases by lower-case name, with the problem that left code out. */
  readonly databases: ReadonlyMap<string, CollectionProblem>;
  /** Server triggers (units `server.NAME`) were not read. */
  readonly serverModules?: CollectionProblem;
  /** SQL Agent job steps (units `agent.JOB.step N`) were not read. */
  readonly agentSteps?: CollectionProblem;
}

/** Parts whose problem leaves out code units of a database. */
const DATABASE_CODE_PARTS: readonly string[] = [
  ...WHOLE_DATABASE_PARTS,
  MODULES_PART,
  TABLE_DEFINITIONS_PART,
];

/**
 * Returns where `live` is missing code: a database skipped whole, or whose
 * modules or table definitions could not all be read (a single hidden
 * definition counts, since its unit is missing), and the server-level code.
 */
export function codeNotRead(live: LiveSource): CodeNotRead {
  const databases = new Map<string, CollectionProblem>();
  let serverModules: CollectionProblem | undefined;
  let agentSteps: CollectionProblem | undefined;

  for (const p of live.problems) {
    if (p.database !== undefined && p.database !== "" && DATABASE_CODE_PARTS.includes(p.part)) {
      const key = p.database.toLowerCase();
      if (!databases.has(key)) {
        databases.set(key, p);
      }
    } else if (p.database === undefined && p.part === SERVER_MODULES_PART) {
      serverModules ??= p;
    } else if (p.database === undefined && p.part === agentPart.name) {
      agentSteps ??= p;
    }
  }

  return {
    databases,
    ...(serverModules === undefined ? {} : { serverModules }),
    ...(agentSteps === undefined ? {} : { agentSteps }),
  };
}
