/**
 * Saved connections against both kinds of store: the embedded PGlite store
 * and a PostgreSQL server, each with migration 6 applied when it opens.
 */

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { NullStore } from "../../../src/store/null-store.js";
import { openStore } from "../../../src/store/open-store.js";
import { SqlStore } from "../../../src/store/sql-store.js";
import { StoreError } from "../../../src/store/errors.js";
import type { Store } from "../../../src/store/store.js";
import { StoreKeys } from "../../../src/store/store-keys.js";
import {
  CONNECTION_KEYS_FOLDER,
  ConnectionValidationError,
  connectionInputOf,
  SavedConnections,
  type ConnectionInput,
} from "../../../src/web/connections/index.js";
import { serverTestsSkipped, startPostgresCluster, type PostgresCluster } from "../../helpers/postgres-cluster.js";
import { testCertificates } from "../../helpers/tds-server/index.js";

const PASSWORD = "Sturdy-Password-4821!";

interface OpenedStore {
  readonly store: Store;
  readonly dataDir: string;
}

async function rejection<T extends Error>(action: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  try {
    await action;
  } catch (error) {
    assert.ok(error instanceof type, `expected a ${type.name}, got ${String(error)}`);
    return error;
  }
  assert.fail("the call succeeded");
}

function keyFiles(dataDir: string): string[] {
  const folder = join(dataDir, CONNECTION_KEYS_FOLDER);
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

function describeSavedConnections(kind: string, open: () => Promise<OpenedStore>): void {
  describe(`saved connections in the ${kind} store`, { concurrency: false }, () => {
    let opened: OpenedStore;
    let connections: SavedConnections;
    let caFile: string;
    let input: ConnectionInput;

    before(async () => {
      opened = await open();
      connections = new SavedConnections({ store: opened.store, dataDir: opened.dataDir });
      caFile = join(opened.dataDir, "test-ca.pem");
      writeFileSync(caFile, (await testCertificates()).ca);
      input = {
        name: "Kestrel production",
        server: "sql01.corp.example",
        port: "14330",
        databases: ["KestrelColdChain"],
        user: "infio_reader",
        caFile,
        serverName: "localhost",
        password: PASSWORD,
      };
    });
    after(async () => {
      connections.close();
      await opened.store.close();
    });

    it("applies migration 6", async () => {
      const connection = (opened.store as SqlStore).connection;
      const rows = await connection.query<{ version: number; name: string }>(
        "select version, name from schema_migrations where version = 6",
      );
      assert.deepEqual(rows.map((r) => `${r.version} ${r.name}`), ["6 saved connections"]);
    });

    it("creates without returning the password", async () => {
      const created = await connections.create(input, "alice");

      assert.equal(created.name, "Kestrel production");
      assert.equal(created.server, "sql01.corp.example,14330");
      assert.equal(created.port, 14330);
      assert.deepEqual(created.databases, ["KestrelColdChain"]);
      assert.equal(created.user, "infio_reader");
      assert.deepEqual(created.tls, { mode: "on", caFile, serverName: "localhost", trustServerCertificate: false });
      assert.equal(created.createdBy, "alice");
      assert.equal(created.updatedBy, "alice");

      const listed = await connections.list();
      assert.deepEqual(listed, [created]);
      assert.deepEqual(await connections.get(created.id), created);
      assert.equal(JSON.stringify(listed).includes(PASSWORD), false);
      assert.deepEqual(keyFiles(opened.dataDir), [`${created.id}.json`]);
    });

    it("stores the password sealed", async () => {
      const connection = (opened.store as SqlStore).connection;
      const rows = await connection.query<{ secret: Uint8Array }>("select secret from saved_connections");
      assert.equal(rows.length, 1);
      const sealed = Buffer.from(rows[0]!.secret);
      assert.equal(sealed.includes(Buffer.from(PASSWORD, "utf8")), false);
      assert.equal(sealed.includes(Buffer.from(PASSWORD, "utf16le")), false);
      assert.equal(sealed.subarray(0, 4).toString("latin1"), "infE");
    });

    it("opens the settings for an assessment", async () => {
      const [saved] = await connections.list();
      const target = await connections.openForAssessment(saved!.id);
      assert.ok(target);

      const settings = target.settings;
      assert.equal(settings.server.text, "sql01.corp.example,14330");
      assert.equal(settings.server.port, 14330);
      assert.equal(settings.user, "infio_reader");
      assert.equal(settings.password.reveal(), PASSWORD);
      assert.equal(String(settings.password), "[redacted]");
      assert.equal(settings.database, "KestrelColdChain");
      assert.deepEqual(target.databases, ["KestrelColdChain"]);
      assert.equal(settings.tls.mode, "on");
      assert.equal(settings.tls.serverName, "localhost");
      assert.equal(settings.tls.trustServerCertificate, false);
      assert.equal(settings.tls.ca?.path, caFile);
      assert.ok(settings.tls.ca?.pem.includes("BEGIN CERTIFICATE"));
      assert.equal(await connections.openForAssessment("no-such-id"), undefined);
    });

    it("rejects a duplicate name", async () => {
      const error = await rejection(
        connections.create({ ...input, name: "KESTREL PRODUCTION" }, "bob"),
        ConnectionValidationError,
      );
      assert.equal(error.field, "name");
      assert.equal(error.value, "KESTREL PRODUCTION");
      assert.match(error.message, /another saved connection has this name/);
      assert.equal((await connections.list()).length, 1);
      assert.equal(keyFiles(opened.dataDir).length, 1, "the new connection's key was left behind");
    });

    it("requires a password and CA file", async () => {
      const noPassword = await rejection(
        connections.create({ ...input, name: "other", password: "" }, "bob"),
        ConnectionValidationError,
      );
      assert.equal(noPassword.field, "password");

      const missing = join(opened.dataDir, "missing-ca.pem");
      const badCa = await rejection(
        connections.create({ ...input, name: "other", caFile: missing }, "bob"),
        ConnectionValidationError,
      );
      assert.equal(badCa.field, "caFile");
      assert.equal(badCa.value, missing);
      assert.match(badCa.message, /file not found/);
      assert.equal((await connections.list()).length, 1);
    });

    it("keeps the password on renames", async () => {
      const [saved] = await connections.list();
      const changed = await connections.update(
        saved!.id,
        { ...connectionInputOf(saved!), name: "Kestrel (prod)", databases: ["KestrelColdChain", "Archive"] },
        "bob",
      );

      assert.equal(changed?.name, "Kestrel (prod)");
      assert.deepEqual(changed?.databases, ["KestrelColdChain", "Archive"]);
      assert.equal(changed?.createdBy, "alice");
      assert.equal(changed?.updatedBy, "bob");
      const target = await connections.openForAssessment(saved!.id);
      assert.equal(target?.settings.password.reveal(), PASSWORD);
      assert.equal(target?.settings.database, undefined, "two databases give no single login database");
    });

    it("requires the password for a new server", async () => {
      const [saved] = await connections.list();
      const moved = { ...connectionInputOf(saved!), server: "attacker.example" };

      const error = await rejection(connections.update(saved!.id, moved, "mallory"), ConnectionValidationError);
      assert.equal(error.field, "password");
      assert.match(error.message, /enter the login's password again/);
      assert.equal((await connections.get(saved!.id))?.host, "sql01.corp.example");

      const updated = await connections.update(saved!.id, { ...moved, password: "New-Password-77" }, "bob");
      assert.equal(updated?.host, "attacker.example");
      const target = await connections.openForAssessment(saved!.id);
      assert.equal(target?.settings.password.reveal(), "New-Password-77");

      const back = await connections.update(
        saved!.id,
        { ...connectionInputOf(updated!), server: "sql01.corp.example", password: PASSWORD },
        "bob",
      );
      assert.equal(back?.host, "sql01.corp.example");
    });

    it("rejects a tampered row", async () => {
      const [saved] = await connections.list();
      const connection = (opened.store as SqlStore).connection;
      await connection.query("update saved_connections set server_host = 'evil.example' where id = $1", [saved!.id]);

      const error = await rejection(connections.openForAssessment(saved!.id), StoreError);
      assert.equal(error.code, "decrypt-failed");
      assert.match(error.message, /does not match the connection's server, login and TLS settings/);
      assert.equal(error.message.includes(PASSWORD), false);

      await connection.query("update saved_connections set server_host = 'sql01.corp.example' where id = $1", [
        saved!.id,
      ]);
      assert.equal((await connections.openForAssessment(saved!.id))?.settings.password.reveal(), PASSWORD);
    });

    it("rejects a copied password", async () => {
      const [first] = await connections.list();
      const second = await connections.create({ ...input, name: "copy target", password: "Other-Password-1" }, "bob");
      const connection = (opened.store as SqlStore).connection;
      await connection.query(
        "update saved_connections set secret = (select secret from saved_connections where id = $1) where id = $2",
        [first!.id, second.id],
      );

      const error = await rejection(connections.openForAssessment(second.id), StoreError);
      assert.equal(error.code, "decrypt-failed");
      assert.equal(await connections.remove(second.id), true);
    });

    it("explains a missing data key", async () => {
      const spare = await connections.create({ ...input, name: "spare" }, "bob");
      unlinkSync(join(opened.dataDir, CONNECTION_KEYS_FOLDER, `${spare.id}.json`));

      const error = await rejection(connections.openForAssessment(spare.id), StoreError);
      assert.equal(error.code, "key-unavailable");
      assert.match(error.message, /its data key is not in .*; edit the connection and enter the password again/);
      assert.equal(await connections.remove(spare.id), true);
    });

    it("removes and shreds a connection", async () => {
      const [saved] = await connections.list();
      assert.equal(await connections.remove(saved!.id), true);

      assert.deepEqual(await connections.list(), []);
      assert.equal(await connections.get(saved!.id), undefined);
      assert.deepEqual(keyFiles(opened.dataDir), []);
      assert.equal(await connections.remove(saved!.id), false);
      assert.equal(await connections.update(saved!.id, input, "bob"), undefined);
    });
  });
}

describe("saved connections without a store", () => {
  it("rejects --store none", () => {
    assert.throws(
      () => new SavedConnections({ store: new NullStore(), dataDir: tmpdir() }),
      (error: unknown) => error instanceof StoreError && error.code === "invalid-spec",
    );
  });
});

describe("saved connections and a lost master key", () => {
  it("creates no second master key", async () => {
    const dataDir = newDataDir();
    const result = await openStore("embedded", { dataDir });
    assert.ok(result.ok);
    await new StoreKeys(dataDir).create("20250101-000000-abcdef");
    unlinkSync(join(dataDir, "master.key"));

    const connections = new SavedConnections({ store: result.store, dataDir });
    try {
      const input = { name: "x", server: "sql01", user: "reader", password: PASSWORD };
      const error = await rejection(connections.create(input, "alice"), StoreError);
      assert.equal(error.code, "key-unavailable");
      assert.match(error.message, /master key file '.*master\.key' not found/);
      assert.match(error.message, /restore the key file from your backup/);
      assert.equal(existsSync(join(dataDir, "master.key")), false);
      assert.deepEqual(keyFiles(dataDir), []);
    } finally {
      connections.close();
      await result.store.close();
    }
  });
});

const folders: string[] = [];
after(() => {
  for (const folder of folders) {
    rmSync(folder, { recursive: true, force: true });
  }
});

function newDataDir(): string {
  const folder = mkdtempSync(join(tmpdir(), "infio-connections-"));
  folders.push(folder);
  return folder;
}

describeSavedConnections("embedded", async () => {
  const dataDir = newDataDir();
  const result = await openStore("embedded", { dataDir });
  if (!result.ok) {
    throw result.error;
  }
  return { store: result.store, dataDir };
});

if (serverTestsSkipped()) {
  it("saved connections on PostgreSQL", { skip: "INFIO_SKIP_SERVER_TESTS=1 is set" });
} else {
  let cluster: PostgresCluster | undefined;
  after(async () => {
    await cluster?.stop();
  });

  describeSavedConnections("PostgreSQL server", async () => {
    cluster = await startPostgresCluster();
    const url = await cluster.createDatabase(`t_${randomBytes(6).toString("hex")}`);
    const dataDir = newDataDir();
    const result = await openStore(url, { dataDir });
    if (!result.ok) {
      throw result.error;
    }
    return { store: result.store, dataDir };
  });
}
