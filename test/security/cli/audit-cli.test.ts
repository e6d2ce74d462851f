/**
 * The audit log as the commands write it, in-process: the entries of each
 * command, where the log lives, `--store none` writing none unless asked,
 * an unwritable log stopping a command before it acts, and `audit verify`
 * and `audit export` on logs that were edited, cut, reordered or rewritten.
 */

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { main } from "../../../src/cli/main.js";
import { chainEntry, entryLine, headOf, type AuditEntry } from "../../../src/security/audit/entry.js";
import { openStore } from "../../../src/store/open-store.js";
import { FIXTURE_LOGIN, startFixtureServer, type RunningFixtureServer } from "../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../helpers/sqlserver-fixture/kestrel/index.js";
import { captureContext } from "../../cli/capture.js";
import { CHECKPOINT_PROC } from "../../cli/fixture-folder.js";
import { tempDir } from "../temp-dir.js";

interface Result {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** A working folder with a script, HOME and a data folder of its own. */
async function workspace(): Promise<{ dir: string; data: string; run: (args: string[], env?: Record<string, string>) => Promise<Result> }> {
  const dir = await tempDir("infio-audit-cli-");
  const data = join(dir, "data");
  await mkdir(join(dir, "sql"));
  await writeFile(join(dir, "sql", "checkpoint.sql"), CHECKPOINT_PROC);
  const run = async (args: string[], env: Record<string, string> = {}): Promise<Result> => {
    const ctx = captureContext({ cwd: dir, homedir: dir, env: { INFIO_HOME: data, ...env } });
    const code = await main(args, ctx);
    return { code, out: ctx.out.join(""), err: ctx.err.join("") };
  };
  return { dir, data, run };
}

async function entriesOf(path: string): Promise<AuditEntry[]> {
  const text = await readFile(path, "utf8");
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as AuditEntry);
}

/** Action and outcome of each entry, as `assessment.run started`. */
function steps(entries: readonly AuditEntry[]): string[] {
  return entries.map((e) => `${e.action} ${e.outcome}`);
}

async function storedIds(data: string): Promise<string[]> {
  const opened = await openStore("embedded", { dataDir: data });
  assert.ok(opened.ok);
  try {
    return (await opened.store.listAssessments()).map((l) => l.id);
  } finally {
    await opened.store.close();
  }
}

const ASSESS = ["assess", "sql", "--jobs", "1", "--format", "json", "-q"];

describe("audit entries of the commands", () => {
  it("records an assessment's start and end, sealed", async () => {
    const w = await workspace();
    const result = await w.run([...ASSESS, "--out", "report"]);
    assert.equal(result.code, 0, result.err);
    const id = /^assessment (\S+)/.exec(result.out)![1]!;

    const entries = await entriesOf(join(w.data, "audit.jsonl"));
    assert.deepEqual(steps(entries), ["assessment.run started", "assessment.run succeeded"]);
    const [started, finished] = entries;
    assert.deepEqual(started!.objects, { assessment: id });
    assert.equal(started!.actor.kind, "os-user");
    assert.deepEqual(started!.details.paths, ["sql"]);
    assert.equal(started!.details.source, "scripts");
    assert.match(String(started!.details.target), /^babelfish@/);
    assert.equal(finished!.details.exitCode, 0);
    assert.deepEqual(finished!.details.reports, [join(w.dir, "report", "assessment.json"), join(w.dir, "report", "dependencies.json")]);
    assert.equal(finished!.details.files, 1);
    assert.ok(entries.every((e) => typeof e.mac === "string"), "entries are not sealed");

    const verified = await w.run(["audit", "verify"]);
    assert.equal(verified.code, 0, verified.err);
    assert.match(verified.out, /2 entries, chain and HMACs intact/);
  });

  it("records reads, reports, key commands, grant scripts and purges", async () => {
    const w = await workspace();
    await w.run([...ASSESS, "--out", "r1"]);
    await w.run([...ASSESS, "--out", "r2"]);
    const [second, first] = await storedIds(w.data);

    // The store makes a data key per assessment once it encrypts its rows.
    const hadKey = existsSync(join(w.data, "keys", `${first}.json`));
    for (const args of [
      ["list"],
      ["show", first!],
      ["diff", first!, second!],
      ["report", first!, "--out", "again", "--format", "csv"],
      ["grant-script", "--login", "infio_reader"],
      ["purge", "--assessment", first!, "--yes"],
    ]) {
      const result = await w.run(args);
      assert.equal(result.code, 0, `${args.join(" ")}: ${result.err}`);
    }

    const entries = await entriesOf(join(w.data, "audit.jsonl"));
    assert.deepEqual(steps(entries).slice(4), [
      "assessment.list succeeded",
      "assessment.read succeeded",
      "assessment.read succeeded",
      "assessment.read succeeded",
      "report.write started",
      "report.write succeeded",
      "grant-script.print succeeded",
      "purge.run started",
      "assessment.purge succeeded",
      "purge.run succeeded",
    ]);
    const diff = entries.find((e) => e.details.command === "diff")!;
    assert.deepEqual(diff.objects, { assessment: first!, compared: second! });
    const purged = entries.find((e) => e.action === "assessment.purge")!;
    assert.deepEqual(purged.objects, { assessment: first! });
    assert.equal(purged.details.dataKey, hadKey ? "destroyed" : "none");
    assert.equal(purged.details.store, "deleted");
    assert.equal(existsSync(join(w.data, "keys", `${first}.json`)), false);
  });

  it("records the key commands, failed ones too", async () => {
    const w = await workspace();
    for (const [args, code] of [[["keys", "init"], 0], [["keys", "rotate"], 0], [["keys", "init"], 1]] as const) {
      const result = await w.run([...args]);
      assert.equal(result.code, code, result.err);
    }

    const entries = await entriesOf(join(w.data, "audit.jsonl"));
    assert.deepEqual(steps(entries), [
      "master-key.create started",
      "master-key.create succeeded",
      "master-key.rotate started",
      "master-key.rotate succeeded",
      "master-key.create started",
      "master-key.create failed",
    ]);
    assert.match(String(entries[1]!.details.masterKey), /^key-file:[0-9a-f]{32}$/);
    assert.equal(entries[3]!.details.dataKeys, 0);
    assert.match(String(entries[5]!.details.error), /already exists and was left unchanged/);
  });

  it("records a read of a missing assessment as failed", async () => {
    const w = await workspace();
    await w.run([...ASSESS, "--out", "r1"]);
    const result = await w.run(["show", "20000101-000000-000000"]);
    assert.equal(result.code, 2);
    const last = (await entriesOf(join(w.data, "audit.jsonl"))).at(-1)!;
    assert.equal(`${last.action} ${last.outcome}`, "assessment.read failed");
    assert.match(String(last.details.error), /not found/);
  });
});

describe("where the audit log goes", () => {
  it("writes none for --store none without a log", async () => {
    const w = await workspace();
    const result = await w.run([...ASSESS, "--store", "none", "--out", "report"]);
    assert.equal(result.code, 0, result.err);
    assert.equal(existsSync(w.data), false, "the data folder was created");
  });

  it("writes none for grant-script without a log", async () => {
    const w = await workspace();
    const result = await w.run(["grant-script", "--login", "infio_reader"]);
    assert.equal(result.code, 0, result.err);
    assert.equal(existsSync(w.data), false);
  });

  it("writes the configured log, also for --store none", async () => {
    const w = await workspace();
    await mkdir(w.data);
    await writeFile(join(w.data, "config.json"), JSON.stringify({ auditLog: "../logs/infio-audit.jsonl" }));

    const result = await w.run([...ASSESS, "--store", "none", "--out", "report"]);

    assert.equal(result.code, 0, result.err);
    const log = join(w.dir, "logs", "infio-audit.jsonl");
    assert.deepEqual(steps(await entriesOf(log)), ["assessment.run started", "assessment.run succeeded"]);
    assert.deepEqual(await readdir(w.data), ["config.json"]);
    assert.ok(existsSync(`${log}.key`), "no audit key beside the configured log");
    const verified = await w.run(["audit", "verify"]);
    assert.equal(verified.code, 0, verified.err);
    assert.match(verified.out, /infio-audit\.jsonl': 2 entries, chain and HMACs intact/);
  });

  it("takes the log from --config of assess", async () => {
    const w = await workspace();
    await writeFile(join(w.dir, "settings.json"), JSON.stringify({ auditLog: "run-audit.jsonl" }));
    const result = await w.run([...ASSESS, "--store", "none", "--out", "report", "--config", "settings.json"]);
    assert.equal(result.code, 0, result.err);
    assert.equal((await entriesOf(join(w.dir, "run-audit.jsonl"))).length, 2);
  });

  it("rejects an invalid retention or audit setting", async () => {
    const w = await workspace();
    await mkdir(w.data);
    await writeFile(join(w.data, "config.json"), JSON.stringify({ retention: "30 days" }));
    const result = await w.run(["grant-script", "--login", "infio_reader"]);
    assert.equal(result.code, 2);
    assert.match(result.err, /"retention" in --config '.*config\.json': invalid retention period '30 days'/);
    assert.equal(result.out, "");

    await writeFile(join(w.data, "config.json"), JSON.stringify({ auditLog: "" }));
    const empty = await w.run(["keys", "init"]);
    assert.equal(empty.code, 2);
    assert.match(empty.err, /"auditLog" in --config '.*config\.json' is empty/);
    assert.deepEqual(await readdir(w.data), ["config.json"]);
  });

  it("goes on without HMACs for a log that has no key", async () => {
    const w = await workspace();
    await w.run([...ASSESS, "--out", "r1"]);
    await rm(join(w.data, "audit.jsonl.key"));

    const result = await w.run([...ASSESS, "--out", "r2"]);

    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /has no audit key '.*audit\.jsonl\.key': its entries are hash-chained but not sealed/);
    const entries = await entriesOf(join(w.data, "audit.jsonl"));
    assert.equal(entries.length, 4);
    assert.equal(entries[3]!.mac, undefined);
    const verified = await w.run(["audit", "verify"]);
    assert.equal(verified.code, 0, verified.err);
    assert.match(verified.err, /entries carry HMACs, but the audit key .* was not found/);
  });
});

describe("an audit log that cannot be written", () => {
  it("stops assess before it assesses anything", async () => {
    const w = await workspace();
    await w.run([...ASSESS, "--out", "r1"]);
    const [id] = await storedIds(w.data);
    const path = join(w.data, "audit.jsonl");
    const text = await readFile(path, "utf8");
    await writeFile(path, text.replace('"exitCode":0', '"exitCode":9'));

    const result = await w.run([...ASSESS, "--out", "r2"]);

    assert.equal(result.code, 1);
    assert.match(result.err, /cannot append to audit log '.*audit\.jsonl': its last entry \(2\) was edited; nothing was written/);
    assert.match(result.err, /nothing was done, because infio records each action before it acts/);
    assert.deepEqual(await storedIds(w.data), [id]);
    assert.equal(existsSync(join(w.dir, "r2")), false, "the report folder was left");
  });

  it("stops purge before it destroys anything", async () => {
    const w = await workspace();
    await w.run([...ASSESS, "--out", "r1"]);
    const [id] = await storedIds(w.data);
    const keys = await readdir(join(w.data, "keys")).catch(() => []);
    await writeFile(join(w.data, "audit.jsonl"), "{\"truncated", { flag: "a" });

    const result = await w.run(["purge", "--all", "--yes"]);

    assert.equal(result.code, 1);
    assert.match(result.err, /its last line is incomplete/);
    assert.deepEqual(await storedIds(w.data), [id]);
    assert.deepEqual(await readdir(join(w.data, "keys")).catch(() => []), keys, "a data key was destroyed");
  });
});

describe("a live server in the audit log", () => {
  let server: RunningFixtureServer;
  let caFile: string;

  before(async () => {
    server = await startFixtureServer(kestrelServer());
    caFile = join(await tempDir(), "ca.pem");
    await writeFile(caFile, server.certificates.ca);
  });
  after(() => server?.close());

  it("records the server, the databases and an unverified certificate", async () => {
    const w = await workspace();
    await w.run(["keys", "init"]);
    const address = `${server.tds.host},${server.tds.port}`;
    const result = await w.run(
      [
        "assess", "--server", address, "--user", FIXTURE_LOGIN.userName, "--password-env", "SQL_PW",
        "--database", "KestrelColdChain", "--trust-server-certificate",
        "--store", "none", "--out", "report", "--format", "json", "--jobs", "1", "-q",
      ],
      { SQL_PW: FIXTURE_LOGIN.password },
    );
    assert.equal(result.code, 0, result.err);

    const entries = (await entriesOf(join(w.data, "audit.jsonl"))).slice(2);
    assert.deepEqual(steps(entries), ["assessment.run started", "connection.tls-unverified started", "assessment.run succeeded"]);
    const [started, unverified, finished] = entries;
    assert.equal(started!.objects.server, address);
    assert.equal(started!.objects.database, "KestrelColdChain");
    assert.deepEqual(started!.details.databases, ["KestrelColdChain"]);
    assert.equal(unverified!.objects.server, address);
    assert.equal(unverified!.details.option, "--trust-server-certificate");
    assert.equal(finished!.objects.server, address);
    assert.equal(finished!.details.stored, false);
    assert.ok((finished!.details.databases as string[]).includes("KestrelColdChain"), JSON.stringify(finished!.details));
  });
});

describe("audit verify and export", () => {
  let source: string;

  before(async () => {
    // Five entries from real commands: keys init (2), then 3 grant scripts.
    const w = await workspace();
    await w.run(["keys", "init"]);
    for (let i = 0; i < 3; i++) {
      await w.run(["grant-script", "--login", `reader${i}`]);
    }
    source = w.data;
  });

  /** A copy of the sealed log in a new data folder, changed by `change`. */
  async function tampered(change: (lines: string[]) => string[]): Promise<Awaited<ReturnType<typeof workspace>>> {
    const w = await workspace();
    await cp(source, w.data, { recursive: true });
    const path = join(w.data, "audit.jsonl");
    const lines = (await readFile(path, "utf8")).split("\n").filter((l) => l !== "");
    await writeFile(path, change(lines).map((l) => `${l}\n`).join(""));
    return w;
  }

  const cases: [string, (lines: string[]) => string[], RegExp][] = [
    ["an edited entry", (l) => l.map((x, i) => (i === 2 ? x.replace("reader0", "reader9") : x)), /line 3: entry 3 was edited/],
    ["a deleted entry", (l) => l.filter((_, i) => i !== 1), /line 2: expected entry 2, found entry 3: entry 2 is missing/],
    ["reordered entries", (l) => [l[0]!, l[2]!, l[1]!, l[3]!, l[4]!], /line 2: expected entry 2, found entry 3/],
    ["a repeated entry", (l) => [l[0]!, l[1]!, l[1]!, l[2]!, l[3]!, l[4]!], /line 3: expected entry 3, found entry 2 again/],
    ["a cut end", (l) => l.slice(0, 3), /the log ends at entry 3, but its head records entry 5: entries 4 to 5 were removed/],
    ["a cut line", (l) => [...l.slice(0, 4), l[4]!.slice(0, 40)], /line 5: expected entry 5, but it is not valid JSON/],
  ];
  for (const [name, change, expected] of cases) {
    it(`detects ${name}`, async () => {
      const w = await tampered(change);
      const result = await w.run(["audit", "verify"]);
      assert.equal(result.code, 1, result.out);
      assert.match(result.err, expected);
    });
  }

  it("detects a chain rewritten without the audit key", async () => {
    // Whoever cannot read the key can still recompute every hash from the
    // edited entry on, and the head.
    const w = await tampered((lines) => {
      const entries = lines.map((l) => JSON.parse(l) as AuditEntry);
      let previous: { seq: number; hash: string } = entries[2]!;
      return entries.map((e, i) => {
        if (e.seq < 4) {
          return lines[i]!;
        }
        const details = e.seq === 4 ? { ...e.details, login: "intruder" } : e.details;
        const rewritten = chainEntry(previous, { ...e, details }, new Date(e.time), undefined);
        previous = rewritten;
        return entryLine(rewritten).trimEnd();
      });
    });
    const entries = await entriesOf(join(w.data, "audit.jsonl"));
    await writeFile(join(w.data, "audit.jsonl.head"), `${JSON.stringify(headOf(entries.at(-1)!, undefined))}\n`);

    const result = await w.run(["audit", "verify"]);

    assert.equal(result.code, 1);
    assert.match(result.err, /line 4: entry 4 has a missing or wrong HMAC/);
  });

  it("exports a copy that verifies", async () => {
    const w = await tampered((lines) => lines);
    const result = await w.run(["audit", "export", "--out", "export/audit.jsonl"]);
    assert.equal(result.code, 0, result.err);
    assert.equal(result.out, `${join(w.dir, "export", "audit.jsonl")}\n`);

    // The export is recorded in the log before the copy, so the copy contains it.
    const exported = await entriesOf(join(w.dir, "export", "audit.jsonl"));
    assert.deepEqual(steps(exported).slice(-1), ["audit.export started"]);
    const original = await readFile(join(w.data, "audit.jsonl"), "utf8");
    assert.ok(original.startsWith(await readFile(join(w.dir, "export", "audit.jsonl"), "utf8")));
    assert.deepEqual(steps(await entriesOf(join(w.data, "audit.jsonl"))).slice(-1), ["audit.export succeeded"]);

    const verified = await w.run(["audit", "verify", "--log", "export/audit.jsonl"]);
    assert.equal(verified.code, 0, verified.err);
    assert.match(verified.out, /6 entries, chain intact/);
    assert.match(verified.err, /the audit key '.*export\/audit\.jsonl\.key' was not found/);
  });

  it("never replaces an existing file", async () => {
    const w = await tampered((lines) => lines);
    await writeFile(join(w.dir, "taken.jsonl"), "mine\n");
    const result = await w.run(["audit", "export", "--out", "taken.jsonl"]);
    assert.equal(result.code, 1);
    assert.match(result.err, /'.*taken\.jsonl' already exists and was left unchanged/);
    assert.equal(await readFile(join(w.dir, "taken.jsonl"), "utf8"), "mine\n");
  });

  it("exports an altered log and fails", async () => {
    const w = await tampered((l) => l.map((x, i) => (i === 2 ? x.replace("reader0", "reader9") : x)));
    // The edited entry is not the last, so the log can still be appended to.
    const result = await w.run(["audit", "export", "--out", "evidence.jsonl"]);
    assert.equal(result.code, 1);
    assert.match(result.err, /exported 6 entries to '.*evidence\.jsonl', but the log was altered: line 3: entry 3 was edited/);
    assert.ok(existsSync(join(w.dir, "evidence.jsonl")));
  });
});
