/**
 * The database of each code unit. A live server names its units
 * `database.schema.name` (moduleUnitName in src/sources/sqlserver/
 * collected.ts), and a script folder is counted as one database named
 * after the server, because scripts do not say where they run.
 */

import type { Assessment } from "../../assessment/model.js";

/** The database of server triggers, named `server.name` by the collector. */
export const SERVER_LEVEL_DATABASE = "(server level)";

/** The database of SQL Agent job steps, named `agent.job.step N` by the collector. */
export const AGENT_DATABASE = "(SQL Agent)";

/** Maps a unit name (a finding's `file`) to its database name. */
export type DatabaseResolver = (unit: string) => string;

/** Returns the resolver for one server's assessment. */
export function databaseResolver(
  serverName: string,
  source: "live" | "scripts",
  a: Assessment,
): DatabaseResolver {
  if (source === "scripts") {
    return () => serverName;
  }

  // Database names may contain dots, so the names the inventory read are
  // matched first, longest first: `Sales.EU.dbo.p` is in `Sales.EU`.
  const known = [...knownDatabases(a)].sort((x, y) => y.length - x.length);
  const cache = new Map<string, string>();

  return (unit) => {
    let database = cache.get(unit);
    if (database === undefined) {
      database = resolveLiveUnit(unit, known);
      cache.set(unit, database);
    }

    return database;
  };
}

// NOTE: a database literally named `server` or `agent` that the inventory
// lists takes the server triggers or Agent job steps too, because the unit
// names cannot tell them apart.
function resolveLiveUnit(unit: string, known: readonly string[]): string {
  for (const database of known) {
    if (unit.startsWith(`${database}.`)) {
      return database;
    }
  }

  if (unit.startsWith("server.")) {
    return SERVER_LEVEL_DATABASE;
  }

  if (unit.startsWith("agent.")) {
    return AGENT_DATABASE;
  }

  const dot = unit.indexOf(".");
  return dot === -1 ? unit : unit.slice(0, dot);
}

/** Database names that the live inventory and its problems mention. */
function knownDatabases(a: Assessment): Set<string> {
  const names = new Set<string>();
  if (a.live === undefined) {
    return names;
  }

  for (const item of a.live.inventory["databases"] ?? []) {
    if (typeof item.database === "string" && item.database !== "") {
      names.add(item.database);
    }
  }

  for (const problem of a.live.problems) {
    if (problem.database !== undefined && problem.database !== "") {
      names.add(problem.database);
    }
  }

  return names;
}
