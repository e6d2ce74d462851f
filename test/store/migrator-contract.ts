/**
 * Migration behaviour on one empty database, run against embedded PGlite and
 * against a PostgreSQL server by the two *.test.ts files that import this.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { SqlConnection } from "../../src/store/connection.js";
import { migrate } from "../../src/store/migrator.js";
import { MIGRATIONS, type Migration } from "../../src/store/migrations/index.js";
import type { OpenStoreResult } from "../../src/store/open-store.js";

export interface MigratorHarness {
  /** Connects to a new, empty database. */
  connect(): Promise<SqlConnection>;
  /** Opens that database through openStore, after the connection closed. */
  openStore(): Promise<OpenStoreResult>;
}

const future: Migration = {
  version: MIGRATIONS.length + 1,
  name: "future",
  sql: "create table future_table (x integer)",
};

const broken: Migration = {
  version: MIGRATIONS.length + 1,
  name: "broken",
  sql: "create table half_table (x integer); select * from no_such_table",
};

export function describeMigratorContract(
  label: string,
  harness: MigratorHarness,
): void {
  describe(`${label} migrator`, () => {
    let connection: SqlConnection;
    let connected = false;
    const version = async (): Promise<number> => {
      const rows = await connection.query<{ version: number }>(
        "select max(version) as version from schema_migrations",
      );
      return rows[0].version;
    };
    const tableExists = async (name: string): Promise<boolean> => {
      const rows = await connection.query<{ found: string | null }>(
        "select to_regclass($1)::text as found",
        [name],
      );
      return rows[0].found !== null;
    };

    before(async () => {
      connection = await harness.connect();
      connected = true;
    });

    after(async () => {
      if (connected) {
        await connection.close();
      }
    });

    it("migrates an empty database", async () => {
      const result = await migrate(connection);

      assert.ok(result.ok);
      assert.equal(result.fromVersion, 0);
      assert.equal(result.toVersion, MIGRATIONS.length);
      assert.deepStrictEqual(
        result.applied.map((m) => m.name),
        MIGRATIONS.map((m) => m.name),
      );
      for (const table of ["assessments", "finding_chunks", "inventory"]) {
        assert.equal(await tableExists(table), true, table);
      }
      // Migration 4 replaced them with sealed columns and tables.
      for (const gone of ["findings", "sources", "legacy_units"]) {
        assert.equal(await tableExists(gone), false, gone);
      }
    });

    it("does nothing when run again", async () => {
      const result = await migrate(connection);

      assert.ok(result.ok);
      assert.deepStrictEqual(result.applied, []);
      assert.equal(result.fromVersion, MIGRATIONS.length);
    });

    it("rolls back a failing migration", async () => {
      const result = await migrate(connection, [...MIGRATIONS, broken]);

      assert.equal(result.ok, false);
      assert.ok(!result.ok);
      assert.equal(result.error.code, "migration-failed");
      assert.match(result.error.message, /'broken'/);
      assert.match(result.error.message, /no_such_table/);
      assert.equal(await tableExists("half_table"), false);
      assert.equal(await version(), MIGRATIONS.length);
    });

    it("rejects a recorded migration of another name", async () => {
      const renamed = MIGRATIONS.map((m, i) =>
        i === 0 ? { ...m, name: "someone-else" } : m,
      );

      const result = await migrate(connection, renamed);

      assert.ok(!result.ok);
      assert.equal(result.error.code, "migration-failed");
      assert.match(result.error.message, /'initial'.*'someone-else'/);
    });

    it("rejects a gap in the migration list", async () => {
      const result = await migrate(connection, [
        ...MIGRATIONS,
        { ...future, version: future.version + 1 },
      ]);

      assert.ok(!result.ok);
      assert.match(result.error.message, /versions must be consecutive/);
    });

    it("rejects a schema newer than the code", async () => {
      const upgraded = await migrate(connection, [...MIGRATIONS, future]);
      assert.ok(upgraded.ok);

      const result = await migrate(connection);

      assert.ok(!result.ok);
      assert.equal(result.error.code, "schema-too-new");
      assert.match(
        result.error.message,
        new RegExp(`version ${future.version}, newer .* \\(${MIGRATIONS.length}\\); upgrade infio`),
      );
    });

    it("opens no store on a newer schema", async () => {
      await connection.close();
      connected = false;

      const opened = await harness.openStore();

      assert.ok(!opened.ok);
      assert.equal(opened.error.code, "schema-too-new");
    });
  });
}
