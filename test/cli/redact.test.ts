/**
 * `--redact` on `infio assess` and `infio report`: the report files hold
 * none of the input's names or code, every format gives an object the same
 * pseudonym, the pseudonym map goes only to the file that `--pseudonym-map`
 * names, owner-only, and the stored assessment stays unredacted.
 */

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import { tempDir } from "../security/temp-dir.js";
import { parseCsv } from "../report/csv-parse.js";
import { findLeaks, visibleTexts } from "../report/redact/harness.js";
import { KEYWORD_NAMES, SCRIPTS, SECRET_NAMES } from "../report/redact/hostile-scripts.js";
import { captureContext } from "./capture.js";

const KEY = "0123456789abcdef0123456789abcdef";

async function workspace() {
  const dir = await tempDir("infio-redact-cli-");
  const root = join(dir, "customer-zephyr-root");
  for (const [name, text] of Object.entries(SCRIPTS)) {
    const path = join(root, ...name.split("/"));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  const run = async (args: string[], env: Record<string, string> = {}) => {
    const ctx = captureContext({ cwd: dir, homedir: dir, env: { INFIO_HOME: join(dir, "data"), ...env } });
    const code = await main(args, ctx);
    return { code, out: ctx.out.join(""), err: ctx.err.join("") };
  };
  return { dir, root, run };
}

type Workspace = Awaited<ReturnType<typeof workspace>>;

const ASSESS = ["assess", "customer-zephyr-root", "--jobs", "1", "-q"];

interface Files {
  readonly json: string;
  readonly csv: string;
  readonly sarif: string;
  readonly html: string;
}

async function reportFiles(w: Workspace, out: string): Promise<Files> {
  const read = (name: string) => readFile(join(w.dir, out, name), "utf8");
  return {
    json: await read("assessment.json"),
    csv: await read("findings.csv"),
    sarif: await read("assessment.sarif"),
    html: await read("assessment.html"),
  };
}

/** The names that must be gone: the scripts' names and the folder the user gave. */
const NAMES = [...SECRET_NAMES, "customer-zephyr-root"];

function leaksIn(files: Files): string[] {
  const texts = visibleTexts(files, new Map());
  const leaks = findLeaks(texts, NAMES);
  for (const name of KEYWORD_NAMES) {
    if (texts.some((t) => t.toLowerCase().includes(name.toLowerCase()))) {
      leaks.push(name);
    }
  }
  return leaks;
}

interface MapEntry {
  readonly kind: string;
  readonly pseudonym: string;
  readonly name: string;
}

async function pseudonymMap(path: string): Promise<MapEntry[]> {
  const map = JSON.parse(await readFile(path, "utf8")) as { format: string; pseudonyms: MapEntry[] };
  assert.equal(map.format, "infio-pseudonym-map");
  return map.pseudonyms;
}

function pseudonymOf(entries: readonly MapEntry[], name: string): string {
  const entry = entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
  assert.ok(entry !== undefined, `${name} is not in the map`);
  return entry.pseudonym;
}

describe("infio assess --redact", () => {
  it("writes reports without the input's names or code", async () => {
    const w = await workspace();
    const plain = await w.run([...ASSESS, "--store", "none", "--out", "plain"]);
    assert.equal(plain.code, 0, plain.err);
    assert.notDeepEqual(leaksIn(await reportFiles(w, "plain")), [], "the plain reports show the names");

    const redacted = await w.run([...ASSESS, "--store", "none", "--out", "shared", "--redact"]);

    assert.equal(redacted.code, 0, redacted.err);
    assert.deepEqual(leaksIn(await reportFiles(w, "shared")), []);
    // The scripts define tables, so readiness.csv is written too.
    const plainReadiness = await readFile(join(w.dir, "plain", "readiness.csv"), "utf8");
    const sharedReadiness = await readFile(join(w.dir, "shared", "readiness.csv"), "utf8");
    assert.notDeepEqual(findLeaks([plainReadiness], NAMES), [], "the plain readiness.csv shows the names");
    assert.deepEqual(findLeaks([sharedReadiness], NAMES), []);
    const json = JSON.parse((await reportFiles(w, "shared")).json);
    assert.ok(json.findings.length > 10, "the redacted report keeps the findings");
    assert.ok(json.parseErrors.length > 0, "the redacted report keeps the parse errors");
    assert.ok(json.skipped.length > 0, "the redacted report keeps the skipped inputs");
  });

  it("gives an object the same pseudonym in every format", async () => {
    const w = await workspace();
    const mapPath = join(w.dir, "private", "map.json");
    const result = await w.run([...ASSESS, "--out", "shared", "--redact", "--pseudonym-map", mapPath]);
    assert.equal(result.code, 0, result.err);

    const entries = await pseudonymMap(mapPath);
    const files = await reportFiles(w, "shared");
    const procedure = `${pseudonymOf(entries, "Zephyr")}.${pseudonymOf(entries, "usp_ZephyrOrders_Get")}`;
    const json = JSON.parse(files.json) as { findings: { object: string }[] };
    assert.ok(json.findings.some((f) => f.object === procedure), `${procedure} in assessment.json`);
    const rows = parseCsv(files.csv.replace(/^\uFEFF/, ""));
    const objectColumn = rows[0]!.indexOf("object");
    assert.ok(rows.some((row) => row[objectColumn] === procedure), `${procedure} in findings.csv`);
    assert.ok(files.sarif.includes(`"fullyQualifiedName":"${procedure}"`), `${procedure} in assessment.sarif`);
    assert.ok(files.html.includes(procedure), `${procedure} in assessment.html`);

    const file = pseudonymOf(entries, "usp_ZephyrOrders_Get.sql");
    for (const [name, text] of Object.entries(files)) {
      assert.ok(text.includes(file), `${file} in ${name}`);
    }
  });

  it("writes the pseudonym map owner-only, and only when asked", async () => {
    const w = await workspace();
    const mapPath = join(w.dir, "map.json");
    const result = await w.run([...ASSESS, "--store", "none", "--out", "shared", "--redact", "--pseudonym-map", "map.json"]);
    assert.equal(result.code, 0, result.err);

    if (process.platform !== "win32") {
      assert.equal((await stat(mapPath)).mode & 0o777, 0o600);
    }
    assert.ok((await pseudonymMap(mapPath)).some((e) => e.name.toLowerCase() === "zephyrorders"));
    assert.deepEqual((await readdir(join(w.dir, "shared"))).sort(), [
      "assessment.html",
      "assessment.json",
      "assessment.sarif",
      "findings.csv",
      "readiness.csv",
    ]);

    const without = await w.run([...ASSESS, "--store", "none", "--out", "other", "--redact"]);
    assert.equal(without.code, 0, without.err);
    const files = (await readdir(w.dir)).filter((n) => n.includes("map") || n.includes("pseudonym"));
    assert.deepEqual(files, ["map.json"]);
  });

  it("keeps the stored assessment unredacted", async () => {
    const w = await workspace();
    const result = await w.run([...ASSESS, "--out", "shared", "--redact"]);
    assert.equal(result.code, 0, result.err);
    const id = /^assessment (\S+)/.exec(result.out)![1]!;

    const shown = await w.run(["show", id, "--json"]);
    assert.equal(shown.code, 0, shown.err);
    assert.deepEqual(JSON.parse(shown.out).sources, ["customer-zephyr-root"]);
    const again = await w.run(["report", id, "--out", "plain", "--format", "json"]);
    assert.equal(again.code, 0, again.err);
    assert.match(await readFile(join(w.dir, "plain", "assessment.json"), "utf8"), /usp_ZephyrOrders_Get/);
  });

  it("encrypts the map with --encrypt-output", async () => {
    const w = await workspace();
    const init = await w.run(["keys", "init"]);
    assert.equal(init.code, 0, init.err);
    const result = await w.run([
      ...ASSESS,
      "--store",
      "none",
      "--out",
      "shared",
      "--redact",
      "--pseudonym-map",
      "map.json",
      "--encrypt-output",
      "--format",
      "json",
    ]);
    assert.equal(result.code, 0, result.err);
    assert.equal(existsSync(join(w.dir, "map.json")), false);

    const bytes = await readFile(join(w.dir, "map.json.infio-enc"));
    assert.equal(bytes.includes("ZephyrOrders"), false);
    const decrypted = await w.run(["decrypt", "map.json.infio-enc", "--out", "opened"]);
    assert.equal(decrypted.code, 0, decrypted.err);
    assert.ok((await pseudonymMap(join(w.dir, "opened", "map.json"))).some((e) => e.name.toLowerCase() === "zephyrorders"));
  });

  const usage: [string, string[], Record<string, string>, RegExp][] = [
    ["--redact-key-env alone", ["--redact-key-env", "K"], {}, /--redact-key-env applies to --redact only/],
    ["--pseudonym-map alone", ["--pseudonym-map", "m.json"], {}, /--pseudonym-map applies to --redact only/],
    ["an unset key variable", ["--redact", "--redact-key-env", "K"], {}, /environment variable K \(--redact-key-env\) is not set or empty/],
    ["a short key", ["--redact", "--redact-key-env", "K"], { K: "short" }, /has 5 characters; use at least 16/],
    ["a map in the report folder", ["--redact", "--pseudonym-map", "r/map.json"], {}, /is inside the report folder/],
  ];
  for (const [name, args, env, expected] of usage) {
    it(`rejects ${name}`, async () => {
      const w = await workspace();
      const result = await w.run([...ASSESS, "--store", "none", "--out", "r", ...args], env);
      assert.equal(result.code, 2, result.err);
      assert.match(result.err, expected);
      assert.equal(existsSync(join(w.dir, "r")), false);
    });
  }
});

describe("infio report --redact", () => {
  it("redacts a stored assessment, the same way for the same key", async () => {
    const w = await workspace();
    const env = { INFIO_REDACT_KEY: KEY };
    const assessed = await w.run([...ASSESS, "--out", "a", "--redact", "--redact-key-env", "INFIO_REDACT_KEY", "--pseudonym-map", "a.json"], env);
    assert.equal(assessed.code, 0, assessed.err);
    const id = /^assessment (\S+)/.exec(assessed.out)![1]!;

    const args = ["report", id, "--redact", "--redact-key-env", "INFIO_REDACT_KEY"];
    const first = await w.run([...args, "--out", "b", "--pseudonym-map", "b.json"], env);
    const second = await w.run([...args, "--out", "c"], env);

    assert.equal(first.code, 0, first.err);
    assert.equal(second.code, 0, second.err);
    const b = await reportFiles(w, "b");
    assert.deepEqual(leaksIn(b), []);
    assert.deepEqual(await reportFiles(w, "c"), b);
    // The stored assessment and the run's own gave the same pseudonyms.
    assert.deepEqual(await pseudonymMap(join(w.dir, "b.json")), await pseudonymMap(join(w.dir, "a.json")));
    assert.ok(!first.err.includes(KEY), "the key was printed on stderr");
    assert.ok(!first.out.includes(KEY), "the key was printed on stdout");
  });

  it("records the redaction in the audit log", async () => {
    const w = await workspace();
    const assessed = await w.run([...ASSESS, "--out", "a"]);
    const id = /^assessment (\S+)/.exec(assessed.out)![1]!;

    const result = await w.run(["report", id, "--redact", "--out", "b", "--pseudonym-map", "b.json"]);

    assert.equal(result.code, 0, result.err);
    const log = await readFile(join(w.dir, "data", "audit.jsonl"), "utf8");
    const written = log
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { action: string; outcome: string; details: Record<string, unknown> })
      .filter((e) => e.action === "report.write" && e.outcome === "succeeded");
    assert.equal(written.length, 1);
    assert.equal(written[0]!.details.redacted, true);
    assert.equal(basename(String(written[0]!.details.pseudonymMap)), "b.json");
  });
});
