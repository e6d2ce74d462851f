/**
 * `infio purge` and the retention period, in-process against the embedded
 * store of a temporary data folder; and the purge steps alone, where the
 * store fails after the data key is destroyed.
 */

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";

import { main } from "../../../src/cli/main.js";
import type { AuditTrail } from "../../../src/cli/audit-trail.js";
import { createLogger } from "../../../src/cli/log.js";
import { purgeAssessments, type PurgePlan } from "../../../src/cli/purge-run.js";
import type { AuditEntry } from "../../../src/security/audit/entry.js";
import { fail } from "../../../src/security/errors.js";
import { createKeyFile, openKeyFile } from "../../../src/security/keys/key-file.js";
import { FileDataKeyStore } from "../../../src/security/keys/key-store-file.js";
import { Keyring } from "../../../src/security/keys/keyring.js";
import type { AssessmentListing, Store } from "../../../src/store/index.js";
import { openStore } from "../../../src/store/open-store.js";
import { captureContext } from "../../cli/capture.js";
import { CHECKPOINT_PROC } from "../../cli/fixture-folder.js";
import { tempDir } from "../temp-dir.js";

const OLD_ID = "20200101-000000-0a0a0a";

async function workspace() {
  const dir = await tempDir("infio-purge-cli-");
  const data = join(dir, "data");
  await mkdir(join(dir, "sql"));
  await writeFile(join(dir, "sql", "checkpoint.sql"), CHECKPOINT_PROC);
  const run = async (args: string[]) => {
    const ctx = captureContext({ cwd: dir, homedir: dir, env: { INFIO_HOME: data } });
    const code = await main(args, ctx);
    return { code, out: ctx.out.join(""), err: ctx.err.join("") };
  };
  const assess = async (): Promise<string> => {
    const result = await run(["assess", "sql", "--jobs", "1", "--format", "json", "-q", "--out", "report"]);
    assert.equal(result.code, 0, result.err);
    return /^assessment (\S+)/.exec(result.out)![1]!;
  };
  return { dir, data, run, assess };
}

async function withStore<T>(data: string, body: (store: Store) => Promise<T>): Promise<T> {
  const opened = await openStore("embedded", { dataDir: data });
  assert.ok(opened.ok, opened.ok ? "" : opened.error.message);
  try {
    return await body(opened.store);
  } finally {
    await opened.store.close();
  }
}

const ids = (data: string) => withStore(data, async (s) => (await s.listAssessments()).map((l) => l.id).sort());

/** Stores a copy of assessment `id` that started in 2020, as `OLD_ID`. */
async function storeOldCopy(data: string, id: string): Promise<void> {
  await withStore(data, async (store) => {
    const a = await store.getAssessment(id);
    assert.ok(a);
    await store.saveAssessment({ ...a, id: OLD_ID, startedAt: "2020-01-01T00:00:00.000Z" });
  });
}

async function auditSteps(data: string): Promise<string[]> {
  const text = await readFile(join(data, "audit.jsonl"), "utf8");
  return text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as AuditEntry)
    .map((e) => `${e.action} ${e.outcome}${e.objects.assessment === undefined ? "" : ` ${e.objects.assessment}`}`);
}

describe("infio purge", () => {
  it("lists and purges nothing without --yes", async () => {
    const w = await workspace();
    const id = await w.assess();
    const keysBefore = await readdir(join(w.data, "keys")).catch(() => []);

    const result = await w.run(["purge", "--all"]);

    assert.equal(result.code, 2);
    assert.match(result.out, new RegExp(`^ID +STATUS .*\\n${id} +complete `));
    assert.match(result.err, /1 assessment\(s\) match --all, and nothing was purged; run the command again with --yes/);
    assert.deepEqual(await ids(w.data), [id]);
    assert.deepEqual(await readdir(join(w.data, "keys")).catch(() => []), keysBefore);
  });

  it("purges one assessment, data key first", async () => {
    const w = await workspace();
    const kept = await w.assess();
    const purged = await w.assess();

    const result = await w.run(["purge", "--assessment", purged, "--yes"]);

    assert.equal(result.code, 0, result.err);
    assert.equal(result.out, `purged ${purged}\n`);
    assert.deepEqual(await ids(w.data), [kept]);
    assert.equal(existsSync(join(w.data, "keys", `${purged}.json`)), false);
    const steps = await auditSteps(w.data);
    assert.deepEqual(steps.slice(-3), ["purge.run started", `assessment.purge succeeded ${purged}`, "purge.run succeeded"]);
  });

  it("purges what is older than a period", async () => {
    const w = await workspace();
    const recent = await w.assess();
    await storeOldCopy(w.data, recent);

    const result = await w.run(["purge", "--older-than", "30d", "--yes"]);

    assert.equal(result.code, 0, result.err);
    assert.equal(result.out, `purged ${OLD_ID}\n`);
    assert.deepEqual(await ids(w.data), [recent]);
  });

  it("destroys data keys without stored rows with --all", async () => {
    const w = await workspace();
    const id = await w.assess();
    const keyFile = join(w.data, "master.key");
    if (!existsSync(keyFile)) {
      assert.ok((await createKeyFile(keyFile)).ok);
    }
    const opened = await openKeyFile(keyFile);
    assert.ok(opened.ok);
    const keyring = new Keyring(new FileDataKeyStore(join(w.data, "keys")), opened.value.provider);
    assert.ok((await keyring.create("orphan-1")).ok);

    const result = await w.run(["purge", "--all", "--yes"]);

    assert.equal(result.code, 0, result.err);
    assert.deepEqual(result.out.trim().split("\n").sort(), [`purged ${id}`, "purged orphan-1"].sort());
    assert.deepEqual(await ids(w.data), []);
    assert.deepEqual(await readdir(join(w.data, "keys")), []);
  });

  it("rejects an unknown id and purges nothing", async () => {
    const w = await workspace();
    const id = await w.assess();
    const result = await w.run(["purge", "--assessment", id, "--assessment", "20000101-000000-ffffff", "--yes"]);
    assert.equal(result.code, 2);
    assert.match(result.err, /assessment '20000101-000000-ffffff' not found: not in the store .* nothing was purged/);
    assert.deepEqual(await ids(w.data), [id]);
  });

  const usage: [string, string[], RegExp][] = [
    ["no selection", ["purge", "--yes"], /nothing to purge: pass --assessment ID, --older-than PERIOD or --all/],
    ["two selections", ["purge", "--all", "--older-than", "3d"], /--older-than, --all each select what to purge; pass only one/],
    ["a bad period", ["purge", "--older-than", "soon"], /--older-than: invalid retention period 'soon'/],
    ["--store none", ["purge", "--all", "--store", "none"], /--store none keeps no assessments, so there is nothing to purge/],
  ];
  for (const [name, args, expected] of usage) {
    it(`rejects ${name}`, async () => {
      const w = await workspace();
      const result = await w.run(args);
      assert.equal(result.code, 2);
      assert.match(result.err, expected);
    });
  }
});

describe("retention period", () => {
  it("purges expired assessments when a command opens the store", async () => {
    const w = await workspace();
    const recent = await w.assess();
    await storeOldCopy(w.data, recent);
    await writeFile(join(w.data, "config.json"), JSON.stringify({ retention: "30d" }));

    const result = await w.run(["list", "--json"]);

    assert.equal(result.code, 0, result.err);
    assert.deepEqual(JSON.parse(result.out).map((l: AssessmentListing) => l.id), [recent]);
    assert.match(result.err, /warn  retention period 30d: purging 1 assessment\(s\) started before /);
    const steps = await auditSteps(w.data);
    assert.deepEqual(steps.slice(-3), ["purge.run started", `assessment.purge succeeded ${OLD_ID}`, "assessment.list succeeded"]);
  });

  it("leaves assessments within the period", async () => {
    const w = await workspace();
    const recent = await w.assess();
    await writeFile(join(w.data, "config.json"), JSON.stringify({ retention: "30d" }));
    const result = await w.run(["show", recent, "--json"]);
    assert.equal(result.code, 0, result.err);
    assert.deepEqual(await ids(w.data), [recent]);
    assert.ok(!(await auditSteps(w.data)).some((s) => s.startsWith("purge.")));
  });
});

describe("purge steps", () => {
  const trail = (entries: string[]): AuditTrail =>
    ({
      before: async (e: { action: string; outcome: string }) => void entries.push(`${e.action} ${e.outcome}`),
      after: async (e: { action: string; outcome: string }) => void entries.push(`${e.action} ${e.outcome}`),
    }) as unknown as AuditTrail;

  const listing = (id: string): AssessmentListing => ({
    id,
    status: "complete",
    startedAt: "2020-01-01T00:00:00.000Z",
    infioVersion: "0.0.0",
    target: "babelfish@5.5",
    sources: [],
  });

  it("destroys the data key even when deleting the rows fails", async () => {
    const dir = await tempDir();
    const key = await createKeyFile(join(dir, "master.key"));
    assert.ok(key.ok);
    const keys = new FileDataKeyStore(join(dir, "keys"));
    assert.ok((await new Keyring(keys, key.value.provider).create("a1")).ok);
    const store = {
      kind: "embedded",
      deleteAssessment: async () => {
        throw new Error("disk I/O error");
      },
    } as unknown as Store;
    const entries: string[] = [];
    const plan: PurgePlan = { assessments: [listing("a1")], keysOnly: [], running: [], unknown: [] };

    const result = await purgeAssessments(plan, {
      store,
      keys,
      audit: trail(entries),
      log: createLogger({ write: () => true }),
      reason: "--all",
    });

    assert.deepEqual(result.purged, []);
    assert.match(result.failed[0]!.message, /its data key is destroyed, but deleting its rows failed: disk I\/O error/);
    assert.deepEqual(await readdir(join(dir, "keys")), []);
    assert.deepEqual(entries, ["assessment.purge failed"]);
  });

  it("keeps the rows when the data key cannot be destroyed", async () => {
    let deleted = false;
    const store = { kind: "embedded", deleteAssessment: async () => ((deleted = true), "deleted") } as unknown as Store;
    const keys = new FileDataKeyStore("/nonexistent");
    keys.delete = async () => fail("io-failed", "cannot delete data key record 'a1.json': EACCES");
    const plan: PurgePlan = { assessments: [listing("a1")], keysOnly: [], running: [], unknown: [] };

    const result = await purgeAssessments(plan, {
      store,
      keys,
      audit: trail([]),
      log: createLogger({ write: () => true }),
      reason: "--all",
    });

    assert.equal(deleted, false);
    assert.match(result.failed[0]!.message, /EACCES; its data key could not be destroyed, so its rows were kept/);
  });
});
