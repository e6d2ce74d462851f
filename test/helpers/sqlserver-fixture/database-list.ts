/**
 * The databases of a fixture server as sys.databases lists them. The
 * `sys.databases` rows are the one source of truth: the collector's
 * database list, the databases a login may open and the memory session
 * all read them here. A fixture without `sys.databases` rows gets an
 * ONLINE row for each of its databases.
 */

import type { FixtureServer } from "./fixture.js";

/**
 * One database as the collector's `collector.databases` query returns it;
 * a type, not an interface, so that it passes as a result row.
 */
export type ListedDatabase = {
  readonly database_id: number;
  readonly name: string;
  readonly state_desc: string;
  readonly collation_name: string | null;
  /** HAS_DBACCESS; a row may carry it, 1 when absent. */
  readonly has_dbaccess: number;
};

/** database_id of the system databases, the same on every server. */
const SYSTEM_DATABASE_IDS: Readonly<Record<string, number>> = { master: 1, tempdb: 2, model: 3, msdb: 4 };

const DEFAULT_COLLATION = "SQL_Latin1_General_CP1_CI_AS";

/**
 * Returns the databases in database_id order. Throws when the fixture's
 * sys.databases rows and its databases name different databases, because
 * queries would then return different database lists.
 */
export function listedDatabases(server: FixtureServer): ListedDatabase[] {
  checkDatabaseList(server);
  const rows = server.views["sys.databases"] ?? [];
  if (rows.length > 0) {
    return rows
      .map((row) => ({
        database_id: Number(row["database_id"]),
        name: String(row["name"]),
        state_desc: typeof row["state_desc"] === "string" ? row["state_desc"] : "ONLINE",
        collation_name: row["collation_name"] === undefined ? DEFAULT_COLLATION : (row["collation_name"] as string | null),
        has_dbaccess: typeof row["has_dbaccess"] === "number" ? row["has_dbaccess"] : 1,
      }))
      .sort((a, b) => a.database_id - b.database_id);
  }

  let nextUserId = 5;
  return server.databases.map((database) => ({
    database_id: SYSTEM_DATABASE_IDS[database.name.toLowerCase()] ?? nextUserId++,
    name: database.name,
    state_desc: "ONLINE",
    collation_name: DEFAULT_COLLATION,
    has_dbaccess: 1,
  }));
}

/**
 * Returns the databases a login can open: ONLINE ones that the fixture's
 * faults do not make fail. SQL Server refuses the others at login (error
 * 942 for an OFFLINE database, 927 for one being restored), and the test
 * server rejects them with 4060.
 */
export function openableDatabases(server: FixtureServer): string[] {
  const failing = new Set((server.faults?.failingDatabases ?? []).map((name) => name.toLowerCase()));
  return listedDatabases(server)
    .filter((database) => database.state_desc === "ONLINE" && !failing.has(database.name.toLowerCase()))
    .map((database) => database.name);
}

/** Throws unless every sys.databases row has a fixture database and every fixture database a row. */
export function checkDatabaseList(server: FixtureServer): void {
  const rows = server.views["sys.databases"] ?? [];
  if (rows.length === 0) {
    return;
  }
  const listed = new Set(rows.map((row) => String(row["name"]).toLowerCase()));
  const present = new Set(server.databases.map((database) => database.name.toLowerCase()));
  const unlisted = [...present].filter((name) => !listed.has(name));
  const absent = [...listed].filter((name) => !present.has(name));
  if (unlisted.length > 0 || absent.length > 0) {
    throw new Error(
      `fixture server '${server.name}': sys.databases and databases disagree ` +
        `(not in sys.databases: ${unlisted.join(", ") || "none"}; without a database: ${absent.join(", ") || "none"}); ` +
        "add the missing sys.databases rows or databases",
    );
  }
}
