/**
 * The real `infio` in a child process, as a user runs it: bin/infio.js on
 * fixture folders, with the embedded store in a temporary data directory.
 */

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import { generateCorpus } from "../../bench/corpus.js";
import { ASSESSED, CHECKPOINT_PROC, SKIPPED, writeFixtureFolder } from "./fixture-folder.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const BIN = join(REPO, "bin", "infio.js");

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function infio(args: string[], options: { cwd: string; env?: Record<string, string>; onStderr?: (text: string, kill: () => void) => void }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => {
      stderr += d;
      options.onStderr?.(stderr, () => child.kill("SIGINT"));
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function idOf(run: Run): string {
  const match = /^assessment (\S+)/.exec(run.stdout);
  assert.ok(match, `no assessment id in stdout: ${run.stdout}\n${run.stderr}`);
  return match[1]!;
}

/** assessment.json without what differs between two runs of the same input. */
function stable(path: string): unknown {
  const json = JSON.parse(readFileSync(path, "utf8"));
  delete json.id;
  delete json.startedAt;
  delete json.summary.elapsedMs;
  return json;
}

describe("infio end to end", { concurrency: false }, () => {
  let work: string;
  let scripts: string;
  let home: string;
  const ids: string[] = [];

  before(() => {
    work = mkdtempSync(join(tmpdir(), "infio-e2e-"));
    scripts = writeFixtureFolder();
    home = join(work, "home");
  });
  after(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(scripts, { recursive: true, force: true });
  });

  it("exits with 2 and names a missing path", async () => {
    const run = await infio(["assess", scripts, "missing-folder", "--data-dir", home], { cwd: work });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot assess 'missing-folder': no such file or folder/);
    assert.equal(run.stdout, "");
  });

  it("with --store none keeps nothing and exits with 3 on --fail-on notSupported", async () => {
    const run = await infio(
      ["assess", scripts, "--store", "none", "--fail-on", "notSupported", "--out", "none-report"],
      { cwd: work, env: { INFIO_HOME: home } },
    );
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stderr, /finding\(s\) at or above --fail-on notSupported/);
    assert.ok(existsSync(join(work, "none-report", "assessment.html")));
    assert.ok(!existsSync(home), "the data directory must not be created");
  });

  it("assesses into the embedded store and writes a valid assessment.json", async () => {
    const run = await infio(["assess", scripts, "--data-dir", home, "--jobs", "4", "--out", "r4"], { cwd: work });
    assert.equal(run.code, 0, run.stderr);
    ids.push(idOf(run));
    assert.match(run.stdout, new RegExp(`^assessment ${ids[0]}\\nreport ${join(work, "r4")}\\n$`));

    const json = JSON.parse(readFileSync(join(work, "r4", "assessment.json"), "utf8")) as Record<string, any>;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(join(REPO, "schema", "assessment.schema.json"), "utf8"));
    const validate = ajv.compile(schema);
    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));

    assert.deepEqual(json.units.map((u: { file: string }) => u.file), ASSESSED);
    assert.deepEqual(json.skipped.map((s: { file: string; reason: string }) => `${s.file} ${s.reason}`), SKIPPED);
    assert.ok(json.findings.some((f: { featureId: string; status: string }) => f.featureId === "statement.checkpoint" && f.status === "notSupported"));
  });

  it("writes the same assessment with --jobs 1 as with --jobs 4", async () => {
    const run = await infio(["assess", scripts, "--data-dir", home, "--jobs", "1", "--out", "r1"], { cwd: work });
    assert.equal(run.code, 0, run.stderr);
    ids.push(idOf(run));
    assert.deepEqual(stable(join(work, "r1", "assessment.json")), stable(join(work, "r4", "assessment.json")));
    assert.equal(
      readFileSync(join(work, "r1", "findings.csv"), "utf8"),
      readFileSync(join(work, "r4", "findings.csv"), "utf8"),
    );
  });

  it("lists and shows the stored assessments", async () => {
    const list = await infio(["list", "--data-dir", home], { cwd: work });
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^ID\s+STATUS/);
    for (const id of ids) {
      assert.match(list.stdout, new RegExp(`^${id}\\s+complete`, "m"));
    }

    const json = await infio(["list", "--json", "--data-dir", home], { cwd: work });
    assert.deepEqual(JSON.parse(json.stdout).map((l: { id: string }) => l.id).sort(), [...ids].sort());

    const show = await infio(["show", ids[0]!, "--data-dir", home], { cwd: work });
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /Files 3, lines \d+/);
    assert.match(show.stdout, /notSupported\s+[1-9]/);
  });

  it("renders a stored assessment again with the same content", async () => {
    const run = await infio(["report", ids[0]!, "--data-dir", home, "--out", "again"], { cwd: work });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      readFileSync(join(work, "again", "assessment.json"), "utf8"),
      readFileSync(join(work, "r4", "assessment.json"), "utf8"),
    );
    const html = readFileSync(join(work, "again", "assessment.html"), "utf8");
    assert.ok(html.includes("CHECKPOINT"), "the code view should show the re-read script");
  });

  it("diffs two assessments: moved code is unchanged, removed code is fixed", async () => {
    const same = await infio(["diff", ids[0]!, ids[1]!, "--data-dir", home], { cwd: work });
    assert.equal(same.code, 0, same.stderr);
    assert.match(same.stdout, /: 0 new, 0 fixed, 0 changed, \d+ unchanged/);

    // A remediation sprint: the procedure moves down three lines and the
    // UTF-16 script, with its CHECKPOINT, is removed.
    const changed = join(work, "changed");
    cpSync(scripts, changed, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(changed, "procs", "checkpoint.sql"), `\n\n\n${CHECKPOINT_PROC}`);
    rmSync(join(changed, "unicode"), { recursive: true });
    const run = await infio(["assess", changed, "--data-dir", home, "--format", "json", "--out", "rc"], { cwd: work });
    assert.equal(run.code, 0, run.stderr);
    const after = idOf(run);

    const diff = await infio(["diff", ids[0]!, after, "--json", "--data-dir", home], { cwd: work });
    assert.equal(diff.code, 0, diff.stderr);
    const json = JSON.parse(diff.stdout);
    assert.equal(json.counts.new, 0);
    assert.ok(json.counts.moved >= 2, JSON.stringify(json.counts));
    assert.deepEqual(json.fixed.map((f: { file: string; featureId: string }) => `${f.file} ${f.featureId}`), [
      "unicode/utf16.sql statement.checkpoint",
    ]);
  });

  it("stops on Ctrl+C with exit code 130 and stores nothing of the run", async () => {
    const big = join(work, "big");
    mkdirSync(big);
    for (const file of generateCorpus(60_000)) {
      writeFileSync(join(big, file.name), file.text);
    }

    let sent = false;
    const run = await infio(["assess", big, "--data-dir", home, "--jobs", "1", "--out", "rb"], {
      cwd: work,
      onStderr: (text, kill) => {
        if (!sent && /started/.test(text)) {
          sent = true;
          setTimeout(kill, 200);
        }
      },
    });
    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stderr, /interrupted; nothing of it was stored/);
    assert.ok(!existsSync(join(work, "rb")));

    const list = await infio(["list", "--json", "--data-dir", home], { cwd: work });
    const stored = JSON.parse(list.stdout).map((l: { id: string }) => l.id);
    assert.equal(stored.length, 3, `only the finished runs remain: ${stored.join(", ")}`);
  });
});
