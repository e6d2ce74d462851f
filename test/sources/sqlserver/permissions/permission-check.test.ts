import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { defineQuery } from "../../../../src/sources/sqlserver/catalog-query.js";
import type { CollectedItem, CollectionProblem, InventoryItem } from "../../../../src/sources/sqlserver/collected.js";
import type { InventoryPart } from "../../../../src/sources/sqlserver/inventory/part.js";
import { parsePermission } from "../../../../src/sources/sqlserver/permissions/vocabulary.js";
import type { Row, ServerSession } from "../../../../src/sources/sqlserver/reader.js";
import { allQueries } from "../../../../src/sources/sqlserver/queries.js";
import { collectItems, NO_PARTS, salesSession, trackedSession, type SalesServerOptions } from "../collect/helpers.js";

/** Returns a part that declares one query with `permission` and reads nothing. */
function declaringPart(name: string, scope: "server" | "database", permission: string): InventoryPart {
  return {
    name,
    title: `test part ${name}`,
    scope,
    queries: [defineQuery({ id: `test.${name}`, scope, sql: "SELECT 1;", reads: ["sys.objects"], permission })],
    async collect() {
      return { items: [] };
    },
  };
}

const PARTS = {
  server: [
    declaringPart("host", "server", "VIEW SERVER STATE"),
    declaringPart("agent", "server", "db_datareader role in msdb"),
    declaringPart("master-files", "server", "VIEW DEFINITION"),
  ],
  database: [
    declaringPart("sizes", "database", "VIEW DATABASE STATE"),
    declaringPart("scoped-credentials", "database", "CONTROL"),
  ],
};

/** Returns sales sessions whose rows pass through `edit`, per database; undefined drops a row. */
function editedSession(edit: (database: string, row: Row) => Row | undefined) {
  return (options: SalesServerOptions = {}): ServerSession => {
    const base = salesSession(options);
    return {
      ...base,
      async reader(database?: string) {
        const reader = await base.reader(database);
        const name = database ?? "master";
        return {
          ...reader,
          async all(query, parameters?) {
            const rows = await reader.all(query, parameters);
            return rows.flatMap((row): Row[] => {
              const edited = edit(name, row);
              return edited === undefined ? [] : [edited];
            });
          },
        };
      },
    };
  };
}

async function run(options: SalesServerOptions = {}, databases = ["Sales", "Hr"]): Promise<CollectedItem[]> {
  return collectItems(salesSession(options), { parts: PARTS, databases });
}

function problemsOf(items: readonly CollectedItem[], reason: string): CollectionProblem[] {
  return items.flatMap((item) => (item.kind === "problem" && item.problem.reason === reason ? [item.problem] : []));
}

function permissionItems(items: readonly CollectedItem[]): InventoryItem[] {
  return items.flatMap((item) => (item.kind === "inventory" && item.part === "permissions" ? item.items : []));
}

describe("permission check", () => {
  it("knows the permission of every catalog query", () => {
    const unknown = allQueries()
      .filter((query) => parsePermission(query.permission) === undefined)
      .map((query) => `${query.id}: ${query.permission}`);

    assert.deepEqual(unknown, [], "declare permissions as permissions/vocabulary.ts lists them");
  });

  it("finds nothing to report for the minimal login", async () => {
    const items = await run();

    assert.deepEqual(problemsOf(items, "permission-missing"), []);
    assert.deepEqual(problemsOf(items, "over-privileged"), []);
    const [server, sales] = permissionItems(items);
    assert.deepEqual(server, {
      scope: "server",
      login: "infio_reader",
      sysadmin: false,
      serverRoles: [],
      permissions: ["CONNECT ANY DATABASE", "CONNECT SQL", "VIEW ANY DATABASE", "VIEW ANY DEFINITION", "VIEW SERVER STATE"],
      databases: [
        { database: "master", permissions: ["CONNECT", "VIEW DATABASE STATE", "VIEW DEFINITION"], roles: [] },
        { database: "msdb", permissions: ["CONNECT", "VIEW DATABASE STATE", "VIEW DEFINITION"], roles: ["db_datareader"] },
      ],
      missing: [],
      incompleteParts: [],
      writeAccess: [],
    });
    assert.deepEqual(sales, {
      database: "Sales",
      scope: "database",
      permissions: ["CONNECT", "VIEW DATABASE STATE", "VIEW DEFINITION"],
      roles: [],
      missing: [],
      incompleteParts: [],
      writeAccess: [],
    });
  });

  it("warns once about a sysadmin login", async () => {
    const items = await run({ serverRoles: ["sysadmin"], serverPermissions: ["CONNECT SQL", "CONTROL SERVER"], salesRoles: ["db_owner"] });
    const warnings = problemsOf(items, "over-privileged");

    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.database, undefined);
    assert.match(warnings[0]?.message ?? "", /login 'infio_reader' is a member of sysadmin on 'sales-sql01,1433'/);
    assert.match(warnings[0]?.message ?? "", /infio grant-script/);
    assert.deepEqual(problemsOf(items, "permission-missing"), []);
    assert.equal(permissionItems(items)[0]?.["sysadmin"], true);
  });

  it("warns about permissions that can write", async () => {
    const items = await run({
      serverPermissions: ["CONNECT SQL", "VIEW ANY DATABASE", "VIEW ANY DEFINITION", "VIEW SERVER STATE", "CONNECT ANY DATABASE", "ALTER ANY LOGIN"],
      serverRoles: ["dbcreator"],
      salesRoles: ["db_owner", "db_datareader"],
    });
    const warnings = problemsOf(items, "over-privileged");

    assert.deepEqual(
      warnings.map((w) => w.database),
      [undefined, "Sales"],
    );
    assert.match(warnings[0]?.message ?? "", /can change server 'sales-sql01,1433': member of dbcreator, ALTER ANY LOGIN;/);
    assert.match(warnings[1]?.message ?? "", /can change database 'Sales' on 'sales-sql01,1433': member of db_owner;/);
    const sales = permissionItems(items).find((item) => item.database === "Sales");
    assert.deepEqual(sales?.["writeAccess"], ["member of db_owner"]);
  });

  it("names the parts a missing permission leaves incomplete", async () => {
    const items = await run({ serverPermissions: ["CONNECT SQL", "VIEW ANY DATABASE", "VIEW ANY DEFINITION", "CONNECT ANY DATABASE"] });
    const missing = problemsOf(items, "permission-missing");

    assert.deepEqual(
      missing.map((p) => [p.database, p.part]),
      [[undefined, "permissions"]],
    );
    assert.match(missing[0]?.message ?? "", /login 'infio_reader' lacks VIEW SERVER STATE on 'sales-sql01,1433', so these parts will be incomplete: host;/);
    assert.deepEqual(permissionItems(items)[0]?.["incompleteParts"], ["host"]);
  });

  it("checks database permissions in each database", async () => {
    const session = editedSession((database, row) =>
      database === "Hr" && row["permission_name"] === "VIEW DEFINITION" ? undefined : row,
    );
    const items = await collectItems(session({ serverPermissions: ["CONNECT SQL", "VIEW ANY DATABASE", "CONNECT ANY DATABASE", "VIEW SERVER STATE"] }), {
      parts: PARTS,
      databases: ["Sales", "Hr"],
    });
    const missing = problemsOf(items, "permission-missing");

    assert.deepEqual(
      missing.map((p) => [p.database ?? "", p.message.replace(/;.*/, "")]),
      [
        ["", "login 'infio_reader' lacks VIEW ANY DEFINITION on 'sales-sql01,1433', so these parts will be incomplete: server-modules"],
        ["Hr", "login 'infio_reader' lacks VIEW DEFINITION in database 'Hr' on 'sales-sql01,1433', so these parts will be incomplete: modules, table-definitions"],
      ],
    );
    const hr = permissionItems(items).find((item) => item.database === "Hr");
    assert.deepEqual(hr?.["incompleteParts"], ["modules", "table-definitions"]);
  });

  it("reports a missing msdb role", async () => {
    const session = editedSession((database, row) =>
      database === "msdb" && row["role_name"] === "db_datareader" ? { ...row, is_member: 0 } : row,
    );
    const items = await collectItems(session(), { parts: PARTS, databases: ["Sales"] });
    const missing = problemsOf(items, "permission-missing");

    assert.deepEqual(
      missing.map((p) => p.message.replace(/;.*/, "")),
      ["login 'infio_reader' lacks db_datareader role in msdb on 'sales-sql01,1433', so these parts will be incomplete: agent"],
    );
  });

  it("counts db_datareader in msdb as SELECT there", async () => {
    const parts = { ...PARTS, server: [...PARTS.server, declaringPart("log-shipping", "server", "SELECT in msdb")] };
    const items = await collectItems(salesSession(), { parts, databases: ["Sales"] });

    assert.deepEqual(problemsOf(items, "permission-missing"), []);
    assert.deepEqual(permissionItems(items)[0]?.["incompleteParts"], []);
  });

  it("counts db_owner in msdb as db_datareader", async () => {
    const session = editedSession((database, row) =>
      database === "msdb" && typeof row["role_name"] === "string"
        ? { ...row, is_member: row["role_name"] === "db_owner" ? 1 : 0 }
        : row,
    );
    const parts = { ...PARTS, server: [...PARTS.server, declaringPart("log-shipping", "server", "SELECT in msdb")] };
    const items = await collectItems(session(), { parts, databases: ["Sales"] });

    assert.deepEqual(problemsOf(items, "permission-missing"), []);
  });

  it("lets db_denydatareader take SELECT away", async () => {
    const session = editedSession((database, row) =>
      database === "msdb" && row["role_name"] === "db_denydatareader" ? { ...row, is_member: 1 } : row,
    );
    const parts = { ...PARTS, server: [...PARTS.server, declaringPart("log-shipping", "server", "SELECT in msdb")] };
    const items = await collectItems(session(), { parts, databases: ["Sales"] });

    assert.deepEqual(
      problemsOf(items, "permission-missing").map((p) => p.message.replace(/;.*/, "")),
      [
        "login 'infio_reader' lacks db_datareader role in msdb on 'sales-sql01,1433', so these parts will be incomplete: agent",
        "login 'infio_reader' lacks SELECT in msdb on 'sales-sql01,1433', so these parts will be incomplete: log-shipping",
      ],
    );
  });

  it("keeps master open while checking it", async () => {
    const session = trackedSession(salesSession());
    await collectItems(session, { parts: PARTS, databases: ["Sales"] });

    assert.deepEqual(session.released(), ["msdb", "Sales"]);
  });

  it("never reports CONTROL, which infio does not ask for", async () => {
    const items = await run();
    const messages = problemsOf(items, "permission-missing").map((p) => p.message);

    assert.ok(!messages.some((message) => message.includes("CONTROL")));
  });

  it("goes on when the permission check fails", async () => {
    const items = await collectItems(salesSession({ faults: { deniedViews: ["sys.fn_my_permissions"] } }), {
      parts: NO_PARTS,
      databases: ["Sales"],
    });
    const denied = items.find((item) => item.kind === "problem" && item.problem.part === "permissions");

    assert.ok(denied?.kind === "problem");
    assert.equal(denied.problem.reason, "permission-denied");
    assert.deepEqual(permissionItems(items), []);
    assert.ok(items.some((item) => item.kind === "module" && item.module.database === "Sales"));
  });
});
