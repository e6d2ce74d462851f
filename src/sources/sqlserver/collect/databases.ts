/**
 * The databases of the server, in sys.databases order, and the choice of
 * those to collect: the filter the user gave, or every user database.
 */

import type { CollectedItem } from "../collected.js";
import { integerOf, optionalFlagOf, textOf } from "../code/row-values.js";
import type { Row } from "../reader.js";

export const DATABASE_LIST_PART = "database-list";

/** master, tempdb, model and msdb have database_id 1 to 4 on every server. */
const LAST_SYSTEM_DATABASE_ID = 4;

/**
 * tempdb is never collected. SQL Server recreates it at every start, so
 * it contains only temporary objects and no code or schema to migrate.
 */
const TEMPDB = "tempdb";

function isTempdb(name: string): boolean {
  return name.toLowerCase() === TEMPDB;
}

export interface DatabaseEntry {
  readonly name: string;
  /** `state_desc`: ONLINE, OFFLINE, RESTORING, RECOVERING, SUSPECT, EMERGENCY, ... */
  readonly state: string;
  readonly isSystem: boolean;
  /** Default collation, for the COLLATE clauses of rebuilt tables. */
  readonly collation: string | null;
  /** HAS_DBACCESS; null when it returned NULL. */
  readonly hasAccess: boolean | null;
}

export function databaseEntryOf(row: Row): DatabaseEntry {
  const id = integerOf(row, "database_id") ?? 0;
  return {
    name: textOf(row, "name") ?? "",
    state: textOf(row, "state_desc") ?? "ONLINE",
    isSystem: id > 0 && id <= LAST_SYSTEM_DATABASE_ID,
    collation: textOf(row, "collation_name"),
    hasAccess: optionalFlagOf(row, "has_dbaccess"),
  };
}

export interface DatabaseSelection {
  readonly selected: readonly DatabaseEntry[];
  /** `not-found` problems for names in the filter that the server does not have. */
  readonly problems: readonly CollectedItem[];
}

/** Drops the databases named in `excluded`, compared without case, from a selection. */
export function excludeDatabases(selection: DatabaseSelection, excluded: readonly string[] | undefined): DatabaseSelection {
  if (excluded === undefined || excluded.length === 0) {
    return selection;
  }
  const names = new Set(excluded.map((name) => name.toLowerCase()));
  return { ...selection, selected: selection.selected.filter((entry) => !names.has(entry.name.toLowerCase())) };
}

/**
 * Chooses the databases to collect: those the filter names, or every user
 * database, with master, model and msdb too when `includeSystemDatabases`
 * is set. tempdb is left out either way; naming it in the filter gives a
 * problem saying why.
 */
export function selectDatabases(
  entries: readonly DatabaseEntry[],
  filter: readonly string[] | undefined,
  includeSystemDatabases: boolean,
  server: string,
): DatabaseSelection {
  const collectable = entries.filter((entry) => !isTempdb(entry.name));
  if (filter === undefined || filter.length === 0) {
    return {
      selected: collectable.filter((entry) => includeSystemDatabases || !entry.isSystem),
      problems: [],
    };
  }

  const requested = new Set(filter.map((name) => name.toLowerCase()));
  const known = new Set(entries.map((entry) => entry.name.toLowerCase()));
  const available = entries.map((entry) => entry.name).join(", ");
  const problems: CollectedItem[] = [];

  const reported = new Set<string>();
  for (const name of filter) {
    const key = name.toLowerCase();
    if (known.has(key) && isTempdb(key) && !reported.has(key)) {
      reported.add(key);
      problems.push({
        kind: "problem",
        problem: {
          part: DATABASE_LIST_PART,
          database: name,
          reason: "database-unavailable",
          message:
            `database '${name}' on '${server}' was not read: tempdb contains only temporary objects, which ` +
            "SQL Server drops at every start, and no code to migrate; leave it out of the database filter",
        },
      });
    }
    if (!known.has(key) && !reported.has(key)) {
      reported.add(key);
      problems.push({
        kind: "problem",
        problem: {
          part: DATABASE_LIST_PART,
          database: name,
          reason: "not-found",
          message:
            `database '${name}' was not found on '${server}', or the login may not see it; ` +
            `the server lists: ${available === "" ? "no databases" : available}; check the name in the database filter`,
        },
      });
    }
  }
  return { selected: collectable.filter((entry) => requested.has(entry.name.toLowerCase())), problems };
}
