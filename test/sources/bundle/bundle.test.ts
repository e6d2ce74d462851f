import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { createKeyFile, type KeyFileProvider } from "../../../src/security/keys/key-file.js";
import {
  BundleError,
  openBundle,
  readBundle,
  writeBundle,
  type BundleErrorCode,
} from "../../../src/sources/bundle/index.js";
import type { CollectedItem } from "../../../src/sources/sqlserver/collected.js";

const ITEMS: CollectedItem[] = [
  {
    kind: "server",
    server: {
      address: "sql01,1433",
      name: "SQL01",
      version: "16.0.4135.4",
      edition: "Developer Edition (64-bit)",
      collectedAt: "2025-03-04T05:06:07.089Z",
      tlsVerificationDisabled: false,
    },
  },
  { kind: "inventory", part: "databases", items: [{ name: "Sales", sizeMb: 12.5, readOnly: false, owner: null }] },
  ...Array.from({ length: 300 }, (_, i): CollectedItem => ({
    kind: "module",
    module: {
      database: "Sales",
      schema: "dbo",
      name: `p${i} \u2028 "quoted"\n lone \uD800`,
      type: "procedure",
      typeCode: "P",
      origin: "module",
      definition: `CREATE PROCEDURE dbo.p${i}\nAS\n${"SELECT 1; -- straße 日本\n".repeat(i % 50)}`,
    },
  })),
  {
    kind: "module",
    module: { database: "Sales", schema: "dbo", name: "enc", type: "procedure", typeCode: "P", origin: "module", definition: null },
  },
  { kind: "problem", problem: { part: "agent", reason: "permission-denied", message: "denied" } },
];

async function* stream(items: readonly CollectedItem[], failure?: Error): AsyncGenerator<CollectedItem> {
  yield* items;
  if (failure !== undefined) {
    throw failure;
  }
}

async function readAll(path: string, key: KeyFileProvider): Promise<CollectedItem[]> {
  const items: CollectedItem[] = [];
  for await (const item of readBundle(path, key)) {
    items.push(item);
  }
  return items;
}

async function rejectsWith(promise: Promise<unknown>, code: BundleErrorCode, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof BundleError, String(error));
    assert.equal(error.code, code, error.message);
    assert.match(error.message, pattern);
    return true;
  });
}

describe("bundle files", () => {
  let work: string;
  let key: KeyFileProvider;
  let otherKey: KeyFileProvider;
  let path: string;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), "infio-bundle-"));
    const created = await createKeyFile(join(work, "master.key"));
    const other = await createKeyFile(join(work, "other.key"));
    assert.ok(created.ok);
    assert.ok(other.ok);
    key = created.value.provider;
    otherKey = other.value.provider;

    path = join(work, "sql01.infio");
    const counts = await writeBundle(path, stream(ITEMS), {
      master: key,
      infioVersion: "0.0.0-test",
      server: "sql01,1433",
      now: () => new Date("2025-03-04T05:06:07.089Z"),
    });
    assert.equal(counts.modules, 301);
    assert.equal(counts.inventoryItems, 1);
    assert.equal(counts.problems, 1);
    assert.equal(counts.bytes, statSync(path).size);
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  /** Writes a copy of the bundle changed by `change`, and returns its path. */
  function variant(name: string, change: (bytes: Buffer) => Buffer): string {
    const copy = join(work, name);
    writeFileSync(copy, change(readFileSync(path)), { mode: 0o600 });
    return copy;
  }

  it("reads back every item as written", async () => {
    assert.deepEqual(await readAll(path, key), ITEMS);
  });

  it("is private to its owner and leaves no temporary file", () => {
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(work).filter((n) => n.endsWith(".tmp")), []);
  });

  it("has a plain header naming server and master key", async () => {
    const opened = await openBundle(path);
    assert.equal(opened.header.server, "sql01,1433");
    assert.equal(opened.header.infioVersion, "0.0.0-test");
    assert.equal(opened.header.createdAt, "2025-03-04T05:06:07.089Z");
    assert.deepEqual(opened.header.key.master, key.ref);
    assert.equal(readFileSync(path).subarray(0, 16).toString(), "infio-bundle-v1\n");
    assert.equal(readFileSync(path).includes(Buffer.from("CREATE PROCEDURE")), false);
  });

  it("rejects another master key", async () => {
    await rejectsWith(readAll(path, otherKey), "wrong-key", /was encrypted under master key key-file:/);
  });

  it("rejects a truncated bundle", async () => {
    const cut = variant("cut.infio", (bytes) => bytes.subarray(0, bytes.length - 40));
    await rejectsWith(readAll(cut, key), "truncated", /is truncated/);
    const inHeader = variant("cut-header.infio", (bytes) => bytes.subarray(0, 30));
    await rejectsWith(readAll(inHeader, key), "truncated", /ends inside its header/);
  });

  it("rejects a changed byte of the encrypted items", async () => {
    const changed = variant("flipped.infio", (bytes) => {
      const copy = Buffer.from(bytes);
      copy[copy.length - 100] ^= 0x01;
      return copy;
    });
    await rejectsWith(readAll(changed, key), "altered", /was altered or damaged/);
  });

  it("rejects a changed header", async () => {
    const changed = variant("header.infio", (bytes) => {
      const text = bytes.toString("latin1").replace('"server":"sql01,1433"', '"server":"sql02,1433"');
      return Buffer.from(text, "latin1");
    });
    assert.equal((await openBundle(changed)).header.server, "sql02,1433");
    await rejectsWith(readAll(changed, key), "altered", /was altered or damaged/);
  });

  it("rejects a file that is not a bundle", async () => {
    const other = join(work, "notes.txt");
    writeFileSync(other, "hello\nworld\n");
    await rejectsWith(readAll(other, key), "not-a-bundle", /is not an infio bundle/);
    const newer = join(work, "newer.infio");
    writeFileSync(newer, "infio-bundle-v9\n{}\n");
    await rejectsWith(readAll(newer, key), "unsupported-version", /format version 9/);
  });

  it("leaves no file when the collection fails", async () => {
    const failed = join(work, "failed.infio");
    const failure = new Error("the connection to 'sql01,1433' was reset");
    await assert.rejects(
      writeBundle(failed, stream(ITEMS.slice(0, 3), failure), { master: key, infioVersion: "0", server: "sql01" }),
      (error) => error === failure,
    );
    assert.deepEqual(
      readdirSync(work).filter((n) => n.startsWith("failed") || n.startsWith(".failed")),
      [],
    );
  });
});
