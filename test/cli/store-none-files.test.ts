/**
 * `infio assess --store none` keeps nothing: the real CLI runs in a child
 * process with HOME, TMPDIR, INFIO_HOME and its working folder in fresh
 * folders, and every file and folder under them is listed (path, kind,
 * size, modification time) before and after. The only new or changed
 * entries may be the requested reports and the folders holding them.
 */

import assert from "node:assert/strict";
import { lstatSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { after, before, describe, it } from "node:test";

import { createKeyFile } from "../../src/security/keys/key-file.js";
import { FIXTURE_LOGIN, startFixtureServer, type RunningFixtureServer } from "../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../helpers/sqlserver-fixture/kestrel/index.js";
import { CHECKPOINT_PROC } from "./fixture-folder.js";
import { IsolatedWorkspace } from "./isolated.js";

interface Entry {
  readonly kind: "file" | "folder" | "link" | "other";
  readonly size: number;
  readonly mtimeMs: number;
}

/** Lists every entry under `root` by path relative to it, without following links. */
function snapshot(root: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const info = lstatSync(path);
      const kind = info.isFile() ? "file" : info.isDirectory() ? "folder" : info.isSymbolicLink() ? "link" : "other";
      entries.set(relative(root, path).split(sep).join("/"), { kind, size: info.size, mtimeMs: info.mtimeMs });
      if (kind === "folder") {
        walk(path);
      }
    }
  };
  walk(root);
  return entries;
}

/** Returns the paths added, changed or removed between two snapshots, sorted. */
function touched(beforeRun: Map<string, Entry>, afterRun: Map<string, Entry>): { added: string[]; changed: string[]; removed: string[] } {
  const added: string[] = [];
  const changed: string[] = [];
  for (const [path, entry] of afterRun) {
    const old = beforeRun.get(path);
    if (old === undefined) {
      added.push(path);
    } else if (old.kind !== entry.kind || old.size !== entry.size || old.mtimeMs !== entry.mtimeMs) {
      changed.push(path);
    }
  }
  const removed = [...beforeRun.keys()].filter((path) => !afterRun.has(path));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

function writeScripts(workspace: IsolatedWorkspace): void {
  mkdirSync(join(workspace.cwd, "sql"));
  writeFileSync(join(workspace.cwd, "sql", "checkpoint.sql"), CHECKPOINT_PROC);
}

describe("assess --store none, files touched", () => {
  const workspaces: IsolatedWorkspace[] = [];
  let server: RunningFixtureServer;

  before(async () => {
    server = await startFixtureServer(kestrelServer());
  });
  after(async () => {
    await server?.close();
    for (const w of workspaces) {
      w.remove();
    }
  });

  function workspace(): IsolatedWorkspace {
    const w = new IsolatedWorkspace();
    workspaces.push(w);
    return w;
  }

  it("writes only the reports for scripts", async () => {
    const w = workspace();
    writeScripts(w);
    const beforeRun = snapshot(w.root);

    const run = await w.infio(["assess", "sql", "--store", "none", "--out", "out", "--jobs", "1"]);

    assert.equal(run.code, 0, run.stderr);
    const diff = touched(beforeRun, snapshot(w.root));
    assert.deepEqual(diff.added, [
      "cwd/out",
      "cwd/out/assessment.html",
      "cwd/out/assessment.json",
      "cwd/out/assessment.sarif",
      "cwd/out/dependencies.json",
      "cwd/out/findings.csv",
    ]);
    // The working folder's own time changes when out/ is created in it.
    assert.deepEqual(diff.changed, ["cwd"]);
    assert.deepEqual(diff.removed, []);
    assert.deepEqual(readdirSync(w.tmp), [], "TMPDIR was used");
    assert.deepEqual(readdirSync(w.data), [], "the data folder was used");
    assert.deepEqual(readdirSync(w.home), [], "HOME was used");
  });

  it("writes only encrypted reports with --encrypt-output", async () => {
    const w = workspace();
    writeScripts(w);
    const created = await createKeyFile(join(w.cwd, "reports.key"));
    assert.ok(created.ok);
    const beforeRun = snapshot(w.root);

    const run = await w.infio([
      "assess", "sql", "--store", "none", "--out", "out", "--format", "json,csv", "--jobs", "1",
      "--encrypt-output", "--key-file", "reports.key",
    ]);

    assert.equal(run.code, 0, run.stderr);
    const diff = touched(beforeRun, snapshot(w.root));
    assert.deepEqual(diff.added, [
      "cwd/out",
      "cwd/out/assessment.json.infio-enc",
      "cwd/out/dependencies.json.infio-enc",
      "cwd/out/findings.csv.infio-enc",
    ]);
    assert.deepEqual(diff.changed, ["cwd"]);
    assert.deepEqual(diff.removed, []);
    assert.deepEqual(readdirSync(w.tmp), []);
  });

  it("appends only to an audit log that exists", async () => {
    const w = workspace();
    writeScripts(w);
    // grant-script keeps nothing, so a data folder needs a log from a
    // command that keeps data: keys init creates master.key and the log.
    const init = await w.infio(["keys", "init"]);
    assert.equal(init.code, 0, init.stderr);
    const beforeRun = snapshot(w.root);

    const run = await w.infio(["assess", "sql", "--store", "none", "--out", "out", "--format", "json", "--jobs", "1"]);

    assert.equal(run.code, 0, run.stderr);
    const diff = touched(beforeRun, snapshot(w.root));
    assert.deepEqual(diff.added, ["cwd/out", "cwd/out/assessment.json", "cwd/out/dependencies.json"]);
    // The log, its head (replaced through a temporary file) and the data folder holding them.
    assert.deepEqual(diff.changed, ["cwd", "data", "data/audit.jsonl", "data/audit.jsonl.head"]);
    assert.deepEqual(diff.removed, []);
    assert.deepEqual(readdirSync(w.tmp), []);
  });

  it("writes only the reports for a live server", async () => {
    const w = workspace();
    const caFile = join(w.root, "ca.pem");
    writeFileSync(caFile, server.certificates.ca);
    const beforeRun = snapshot(w.root);

    const run = await w.infio(
      [
        "assess", "--server", `${server.tds.host},${server.tds.port}`, "--user", FIXTURE_LOGIN.userName,
        "--password-env", "SQL_PASSWORD", "--tls-ca", caFile, "--server-name", "localhost",
        "--store", "none", "--out", "out", "--format", "json", "--jobs", "1",
      ],
      { SQL_PASSWORD: FIXTURE_LOGIN.password },
    );

    assert.equal(run.code, 0, run.stderr);
    const diff = touched(beforeRun, snapshot(w.root));
    // A live server's reports include its server features and dependencies.
    assert.deepEqual(diff.added, ["cwd/out", "cwd/out/assessment.json", "cwd/out/dependencies.json", "cwd/out/server-features.json"]);
    assert.deepEqual(diff.changed, ["cwd"]);
    assert.deepEqual(diff.removed, []);
    assert.deepEqual(readdirSync(w.tmp), []);
    assert.deepEqual(readdirSync(w.data), []);
    assert.deepEqual(readdirSync(w.home), []);
  });
});
