/**
 * What the collector tests share: running a collection to a list, short
 * labels for items, a session wrapper that injects failures, test-only
 * inventory parts, and a small fixture server with databases in every
 * state.
 */

import { collectServer, type CollectOptions } from "../../../../src/sources/sqlserver/collect.js";
import type { CollectedItem } from "../../../../src/sources/sqlserver/collected.js";
import { queryIdOf } from "../../../../src/sources/sqlserver/catalog-query.js";
import { SqlServerError, type SqlServerErrorKind } from "../../../../src/sources/sqlserver/errors.js";
import type { InventoryPart } from "../../../../src/sources/sqlserver/inventory/part.js";
import type { ServerSession, SqlReader } from "../../../../src/sources/sqlserver/reader.js";
import type { CatalogViews, FixtureFaults, FixtureServer, ViewRows } from "../../../helpers/sqlserver-fixture/index.js";
import { moduleViews, type ModuleSpec } from "../../../helpers/sqlserver-fixture/kestrel/modules.js";
import { buildSchemaViews } from "../../../helpers/sqlserver-fixture/kestrel/schema-builder.js";
import { foreignKey, primaryKey, type TableSpec } from "../../../helpers/sqlserver-fixture/kestrel/schema-model.js";
import { memorySession } from "../../../helpers/sqlserver-fixture/memory-session.js";

/** No inventory parts: the collector's own items only. */
export const NO_PARTS = { server: [], database: [] } as const;

export async function collectItems(session: ServerSession, options: CollectOptions = {}): Promise<CollectedItem[]> {
  const items: CollectedItem[] = [];
  for await (const item of collectServer(session, options)) {
    items.push(item);
  }
  return items;
}

/** Returns a one-line label of an item, for order assertions. */
export function label(item: CollectedItem): string {
  switch (item.kind) {
    case "server":
      return `server ${item.server.name}`;
    case "inventory": {
      const databases = [...new Set(item.items.map((i) => i.database ?? ""))].join(",");
      return `inventory ${item.part}${databases === "" ? "" : ` @${databases}`}`;
    }
    case "module": {
      const { module } = item;
      const name = [module.database, module.schema, module.name].join(".");
      return `${module.origin} ${name}${module.definition === null ? " (null)" : ""}`;
    }
    case "problem":
      return `problem ${item.problem.reason} ${item.problem.part}${item.problem.database === undefined ? "" : ` @${item.problem.database}`}`;
  }
}

/** Returns the items without the collection time, which differs between runs. */
export function withoutTime(items: readonly CollectedItem[]): unknown[] {
  return items.map((item) =>
    item.kind === "server" ? { ...item, server: { ...item.server, collectedAt: "" } } : item,
  );
}

export interface InjectedFault {
  readonly queryId: string;
  readonly database: string;
  readonly kind: SqlServerErrorKind;
  /** Rows streamed before the failure; 0 fails before the first. */
  readonly afterRows?: number;
}

/**
 * Wraps a session so that one query fails in one database with a
 * SqlServerError, after some rows, as a dropped connection or a timeout
 * would; `readerFailures` make reader() reject for a database.
 */
export function faultySession(
  base: ServerSession,
  faults: readonly InjectedFault[],
  readerFailures: Readonly<Record<string, SqlServerErrorKind>> = {},
): ServerSession {
  const failure = (fault: InjectedFault) =>
    new SqlServerError(fault.kind, `query ${fault.queryId} failed on '${base.server}', database '${fault.database}': injected ${fault.kind}`, {
      server: base.server,
      database: fault.database,
      queryId: fault.queryId,
    });

  const wrap = (reader: SqlReader): SqlReader => {
    const faultFor = (text: string) =>
      faults.find((f) => f.queryId === queryIdOf(text) && f.database.toLowerCase() === reader.database.toLowerCase());
    return {
      server: reader.server,
      database: reader.database,
      async all(query, parameters, options) {
        const fault = faultFor(query.text);
        if (fault !== undefined) {
          throw failure(fault);
        }
        return reader.all(query, parameters, options);
      },
      async *rows(query, parameters, options) {
        const fault = faultFor(query.text);
        let sent = 0;
        for await (const row of reader.rows(query, parameters, options)) {
          if (fault !== undefined && sent >= (fault.afterRows ?? 0)) {
            throw failure(fault);
          }
          sent++;
          yield row;
        }
        if (fault !== undefined) {
          throw failure(fault);
        }
      },
    };
  };

  return {
    server: base.server,
    async reader(database) {
      const kind = readerFailures[database ?? "master"];
      if (kind !== undefined) {
        throw new SqlServerError(kind, `cannot open database '${database ?? "master"}' on '${base.server}': injected ${kind}`, {
          server: base.server,
          database: database ?? "master",
        });
      }
      return wrap(await base.reader(database));
    },
    release: (database) => base.release(database),
    close: () => base.close(),
  };
}

/** A part that returns `count` items naming the database it ran in, or throws `error`. */
export function testPart(name: string, scope: "server" | "database", error?: unknown): InventoryPart {
  return {
    name,
    title: `test part ${name}`,
    scope,
    queries: [],
    async collect(reader) {
      if (error !== undefined) {
        throw error;
      }
      return { items: [{ name, ranIn: reader.database }] };
    },
  };
}

const CREATED = "2024-01-15T08:00:00.000Z";

const SALES_TABLES: readonly TableSpec[] = [
  {
    schema: "sales",
    name: "Customer",
    columns: ["CustomerId int NOT NULL IDENTITY(1,1)", "Name nvarchar(100) NOT NULL"],
    indexes: [primaryKey("PK_Customer", ["CustomerId"])],
    rows: 10,
    createdAt: CREATED,
  },
  {
    schema: "sales",
    name: "Order",
    columns: ["OrderId int NOT NULL IDENTITY(1,1)", "CustomerId int NOT NULL", "Total decimal(19,4) NOT NULL"],
    indexes: [primaryKey("PK_Order", ["OrderId"])],
    foreignKeys: [foreignKey("FK_Order_Customer", ["CustomerId"], "sales.Customer", ["CustomerId"], { onDelete: "CASCADE" })],
    checks: [{ name: "CK_Order_Total", definition: "([Total]>=(0))" }],
    rows: 100,
    createdAt: CREATED,
  },
];

export const SALES_MODULES: readonly ModuleSpec[] = [
  { schema: "sales", name: "usp_PlaceOrder", type: "P", definition: "CREATE PROCEDURE sales.usp_PlaceOrder AS SELECT 1;" },
  { schema: "sales", name: "fn_Total", type: "FN", definition: "CREATE FUNCTION sales.fn_Total() RETURNS int AS BEGIN RETURN 1; END" },
  { schema: "sales", name: "vOrders", type: "V", definition: "CREATE VIEW sales.vOrders AS SELECT OrderId FROM sales.[Order];" },
  { schema: "sales", name: "usp_Secret", type: "P", definition: null },
  { schema: "sales", name: "usp_Hidden", type: "P", definition: null, hiddenDefinition: true },
  {
    schema: "dbo",
    name: "usp_Legacy",
    type: "P",
    usesQuotedIdentifier: false,
    definition: 'CREATE PROCEDURE dbo.usp_Legacy AS SELECT "not a column";',
  },
  { schema: "", name: "trg_Ddl", type: "TR", databaseTrigger: true, definition: "CREATE TRIGGER trg_Ddl ON DATABASE FOR DROP_TABLE AS ROLLBACK;" },
];

function mergeViews(...parts: readonly CatalogViews[]): CatalogViews {
  const merged: Record<string, Record<string, unknown>[]> = {};
  for (const views of parts) {
    for (const [view, rows] of Object.entries(views)) {
      (merged[view] ??= []).push(...rows);
    }
  }
  return merged as CatalogViews;
}

function salesDatabase(schemas: readonly string[], tables: readonly TableSpec[], modules: readonly ModuleSpec[]): CatalogViews {
  const schemaViews = buildSchemaViews({
    collation: "SQL_Latin1_General_CP1_CI_AS",
    schemas,
    dataSpaces: [{ name: "PRIMARY", type: "FG", isDefault: true }],
    tables,
    createdAt: CREATED,
  });
  const all = ["dbo", "guest", "INFORMATION_SCHEMA", "sys", ...schemas];
  return mergeViews(
    schemaViews,
    moduleViews(modules, (schema) => all.indexOf(schema) + 1, 1_700_000_000),
    readerPermissions(),
  );
}

function readerPermissions(): CatalogViews {
  return {
    "sys.fn_my_permissions": ["CONNECT", "VIEW DEFINITION", "VIEW DATABASE STATE"].map((name) => ({ permission_name: name })),
  };
}

/** Databases of the sales server, in sys.databases order, with their states. */
export const SALES_DATABASES: readonly (readonly [string, string])[] = [
  ["master", "ONLINE"],
  ["tempdb", "ONLINE"],
  ["model", "ONLINE"],
  ["msdb", "ONLINE"],
  ["Sales", "ONLINE"],
  ["Offline", "OFFLINE"],
  ["Restoring", "RESTORING"],
  ["Broken", "ONLINE"],
  ["Hr", "ONLINE"],
];

export interface SalesServerOptions {
  readonly faults?: FixtureFaults;
  /** Server permissions of the login; the minimal read-only set by default. */
  readonly serverPermissions?: readonly string[];
  readonly serverRoles?: readonly string[];
  /** Database roles of the login in Sales. */
  readonly salesRoles?: readonly string[];
}

/**
 * A SQL Server 2022 with Sales (two tables, seven modules including an
 * encrypted one, a hidden one, one under QUOTED_IDENTIFIER OFF and a DDL
 * trigger), Hr (one table, one procedure), an OFFLINE and a RESTORING
 * database, and Broken, which the fixture's faults make fail at login.
 */
export function salesServer(options: SalesServerOptions = {}): FixtureServer {
  const serverPermissions = options.serverPermissions ?? [
    "CONNECT SQL",
    "VIEW ANY DATABASE",
    "VIEW ANY DEFINITION",
    "VIEW SERVER STATE",
    "CONNECT ANY DATABASE",
  ];
  const roleRows = (roles: readonly string[]): ViewRows => roles.map((role) => ({ role_name: role, is_member: 1 }));
  const databaseViews: Record<string, CatalogViews> = {
    master: readerPermissions(),
    msdb: { ...readerPermissions(), is_rolemember: roleRows(["db_datareader"]) },
    Sales: {
      ...salesDatabase(["sales"], SALES_TABLES, SALES_MODULES),
      is_rolemember: roleRows(options.salesRoles ?? []),
    },
    Hr: salesDatabase(
      ["hr"],
      [{ schema: "hr", name: "Employee", columns: ["EmployeeId int NOT NULL"], indexes: [primaryKey("PK_Employee", ["EmployeeId"])], rows: 5, createdAt: CREATED }],
      [{ schema: "hr", name: "usp_Hire", type: "P", definition: "CREATE PROCEDURE hr.usp_Hire AS RETURN 0;" }],
    ),
  };

  return {
    name: "SALES-SQL01",
    views: {
      serverproperty: [{ ProductVersion: "16.0.4135.4", Edition: "Enterprise Edition (64-bit)" }],
      "sys.databases": SALES_DATABASES.map(([name, state], index) => ({
        database_id: index + 1,
        name,
        state_desc: state,
        collation_name: "SQL_Latin1_General_CP1_CI_AS",
      })),
      "sys.fn_my_permissions": serverPermissions.map((name) => ({ permission_name: name })),
      is_srvrolemember: roleRows(options.serverRoles ?? []),
      "sys.server_triggers": [{ object_id: 9001, name: "trg_Logon", type: "TR", is_ms_shipped: false }],
      "sys.server_sql_modules": [
        {
          object_id: 9001,
          definition: "CREATE TRIGGER trg_Logon ON ALL SERVER FOR LOGON AS PRINT 'hello';",
          uses_ansi_nulls: true,
          uses_quoted_identifier: true,
        },
      ],
    },
    databases: SALES_DATABASES.map(([name]) => ({ name, views: databaseViews[name] ?? {} })),
    faults: { failingDatabases: ["Broken"], ...options.faults },
  };
}

/** Returns a memory session over the sales server. */
export function salesSession(options: SalesServerOptions = {}): ServerSession {
  return memorySession(salesServer(options), "sales-sql01,1433");
}

export interface TrackedSession extends ServerSession {
  /** Most databases open at once, master and the permission check's msdb aside. */
  readonly maxOpen: () => number;
  /** Databases opened and not yet released. */
  readonly open: () => readonly string[];
  /** Databases released, in order. */
  readonly released: () => readonly string[];
}

/**
 * Wraps a session to count open databases and to slow each query of a
 * database by `delayMs(database)`, so that later databases can finish
 * before earlier ones. Assertions never depend on the timing.
 */
export function trackedSession(base: ServerSession, delayMs: (database: string) => number = () => 0): TrackedSession {
  const open = new Map<string, number>();
  const released: string[] = [];
  let maxOpen = 0;
  const pause = (database: string) => new Promise((resolve) => setTimeout(resolve, delayMs(database)));
  const counted = () => [...open.entries()].filter(([name, count]) => count > 0 && name !== "master" && name !== "msdb");

  return {
    server: base.server,
    async reader(database = "master") {
      const reader = await base.reader(database);
      open.set(database, (open.get(database) ?? 0) + 1);
      maxOpen = Math.max(maxOpen, counted().length);
      return {
        server: reader.server,
        database: reader.database,
        async all(query, parameters, options) {
          await pause(database);
          return reader.all(query, parameters, options);
        },
        async *rows(query, parameters, options) {
          await pause(database);
          yield* reader.rows(query, parameters, options);
        },
      };
    },
    async release(database) {
      released.push(database);
      open.set(database, Math.max(0, (open.get(database) ?? 0) - 1));
      await base.release(database);
    },
    close: () => base.close(),
    maxOpen: () => maxOpen,
    open: () => counted().map(([name]) => name),
    released: () => [...released],
  };
}
