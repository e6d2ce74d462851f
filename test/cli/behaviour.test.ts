/**
 * Options to behaviour: the run functions called in-process with a captured
 * context. The embedded store is covered by the end-to-end tests.
 */

import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import type { AssessOptions } from "../../src/cli/assess.js";
import type { InterruptSignal } from "../../src/cli/context.js";
import { executeAssess } from "../../src/cli/assess-run.js";
import { executeDiff } from "../../src/cli/diff.js";
import { executeList } from "../../src/cli/list.js";
import { executeReport } from "../../src/cli/report.js";
import { executeShow } from "../../src/cli/show.js";
import { parseTarget } from "../../src/catalog/targets.js";
import { captureContext } from "./capture.js";
import { SKIPPED, writeFixtureFolder } from "./fixture-folder.js";

describe("infio assess: options to behaviour", () => {
  let root: string;
  let work: string;
  before(() => {
    root = writeFixtureFolder();
    work = mkdtempSync(join(tmpdir(), "infio-cli-"));
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  function options(name: string, extra: Partial<AssessOptions> = {}): AssessOptions {
    const parsed = parseTarget("babelfish");
    assert.ok(parsed.ok);
    return {
      paths: [root],
      out: join(work, name, "report"),
      formats: ["json", "html", "csv", "sarif"],
      target: parsed.target,
      store: "none",
      dataDir: join(work, name, "home"),
      include: [],
      exclude: [],
      variables: {},
      jobs: 2,
      quiet: false,
      maxFileSize: 1024 * 1024,
      ...extra,
    };
  }

  it("writes reports, id to stdout, logs to stderr", async () => {
    const ctx = captureContext();
    const code = await executeAssess(options("all"), ctx);
    assert.equal(code, 0, ctx.err.join(""));

    assert.deepEqual(readdirSync(join(work, "all", "report")).sort(), [
      "assessment.html",
      "assessment.json",
      "assessment.sarif",
      "dependencies.json",
      "findings.csv",
      // The scripts define tables, so they have readiness items.
      "readiness.csv",
    ]);
    const stdout = ctx.out.join("");
    assert.match(stdout, /^assessment \d{8}-\d{6}-[0-9a-f]{6} \(not stored\)\nreport .*report\n$/);
    const stderr = ctx.err.join("");
    assert.match(stderr, /^\d{4}-\d\d-\d\dT[\d:.]+Z info {2}assessment \S+ started/m);
    for (const skipped of SKIPPED.filter((s) => !s.endsWith("not-sql"))) {
      assert.ok(stderr.includes(`skipped ${skipped.split(" ")[0]}: `), `${skipped} not logged:\n${stderr}`);
    }
    assert.match(stderr, /1 non-SQL file\(s\) skipped/);
    assert.ok(!existsSync(join(work, "all", "home")), "--store none must leave no data directory");
  });

  it("writes only the formats asked for", async () => {
    const ctx = captureContext();
    assert.equal(await executeAssess(options("csv", { formats: ["csv"] }), ctx), 0);
    assert.deepEqual(readdirSync(join(work, "csv", "report")).sort(), ["findings.csv", "readiness.csv"]);
  });

  it("logs nothing but warnings with quiet", async () => {
    const ctx = captureContext();
    assert.equal(await executeAssess(options("quiet", { quiet: true, exclude: ["bin", "broken*", "dangling*", "empty*"] }), ctx), 0);
    assert.equal(ctx.err.join(""), "");
  });

  const failOn: [status: AssessOptions["failOn"], code: number][] = [
    ["notSupported", 3],
    ["unknown", 3],
    [undefined, 0],
  ];
  for (const [status, code] of failOn) {
    it(`exits with ${code} when --fail-on is ${status ?? "absent"} and CHECKPOINT is found`, async () => {
      const ctx = captureContext();
      const extra = status === undefined ? {} : { failOn: status };
      assert.equal(await executeAssess(options(`fail-${status}`, { ...extra, quiet: true }), ctx), code);
    });
  }

  it("exits with 0 under --fail-on when no finding reaches it", async () => {
    const only = join(root, "tables");
    const ctx = captureContext();
    assert.equal(await executeAssess(options("clean", { paths: [only], failOn: "notSupported", quiet: true }), ctx), 0);
  });

  it("rejects a missing path, naming it", async () => {
    const ctx = captureContext();
    await assert.rejects(
      executeAssess(options("missing", { paths: [root, "no/such/dir"] }), ctx),
      /cannot assess 'no\/such\/dir': no such file or folder; check the path/,
    );
  });

  it("rejects an unknown encoding and a malformed pattern before reading anything", async () => {
    const ctx = captureContext();
    await assert.rejects(executeAssess(options("enc", { encoding: "klingon" }), ctx), /unknown --encoding 'klingon'/);
    await assert.rejects(executeAssess(options("glob", { include: ["[a"] }), ctx), /invalid pattern '\[a'/);
  });

  it("applies --config overrides and logs each one", async () => {
    const config = join(work, "config.json");
    writeFileSync(
      config,
      JSON.stringify({ features: [{ featureId: "statement.checkpoint", effortHours: { low: 100, high: 200 } }] }),
    );
    const ctx = captureContext();
    assert.equal(await executeAssess(options("config", { config, formats: ["json"] }), ctx), 0);
    assert.match(ctx.err.join(""), /override applied: statement\.checkpoint/);
    const json = JSON.parse(readFileSync(join(work, "config", "report", "assessment.json"), "utf8"));
    assert.ok(json.summary.effort.low >= 100, JSON.stringify(json.summary.effort));
    assert.deepEqual(json.overrides.features.map((o: { featureId: string; field: string }) => `${o.featureId} ${o.field}`), [
      "statement.checkpoint effortHours",
    ]);
  });

  it("applies occurrenceRates from --config and logs the change", async () => {
    const config = join(work, "occurrence.json");
    writeFileSync(config, JSON.stringify({ occurrenceRates: { low: { low: 10, high: 20 } } }));
    const ctx = captureContext();
    assert.equal(await executeAssess(options("occurrence", { config, formats: ["json"] }), ctx), 0);
    assert.match(ctx.err.join(""), /override applied: occurrenceRates\.low: 0\.05-0\.25 h -> 10-20 h/);
    const json = JSON.parse(readFileSync(join(work, "occurrence", "report", "assessment.json"), "utf8"));
    assert.deepEqual(json.effort.rates.perOccurrence.low, { low: 10, high: 20 });
    const checkpoint = json.effort.byFeature.find((f: { featureId: string }) => f.featureId === "statement.checkpoint");
    assert.deepEqual(checkpoint.perOccurrence, { low: 10, high: 20 });
    assert.deepEqual(json.overrides.rates, [
      { rates: "perOccurrence", complexity: "low", from: { low: 0.05, high: 0.25 }, to: { low: 10, high: 20 } },
    ]);
  });

  it("applies detailRates from --config and logs the change", async () => {
    const config = join(work, "detail.json");
    writeFileSync(config, JSON.stringify({ detailRates: { low: { low: 0, high: 0.5 } } }));
    const ctx = captureContext();
    assert.equal(await executeAssess(options("detail", { config, formats: ["json"] }), ctx), 0);
    assert.match(ctx.err.join(""), /override applied: detailRates\.low: 0\.1-0\.25 h -> 0-0\.5 h/);
    const json = JSON.parse(readFileSync(join(work, "detail", "report", "assessment.json"), "utf8"));
    assert.deepEqual(json.effort.rates.perDetail.low, { low: 0, high: 0.5 });
    assert.deepEqual(json.overrides.rates, [
      { rates: "perDetail", complexity: "low", from: { low: 0.1, high: 0.25 }, to: { low: 0, high: 0.5 } },
    ]);
  });

  it("rejects bad occurrenceRates, quoting each value", async () => {
    const config = join(work, "bad-rates.json");
    writeFileSync(
      config,
      JSON.stringify({ occurrenceRates: { low: { low: 3, high: 1 }, huge: { low: 1, high: 2 }, medium: "fast" } }),
    );
    const rejected = executeAssess(options("bad-rates", { config }), captureContext());
    await assert.rejects(rejected, (error: Error) => {
      assert.match(error.message, /3 rejected override/);
      assert.match(error.message, /occurrenceRates: effort rate for 'low' is invalid \(\{"low":3,"high":1\}\)/);
      assert.match(error.message, /unknown complexity 'huge'/);
      assert.match(error.message, /'medium' is invalid \("fast"\)/);
      return true;
    });

    writeFileSync(config, JSON.stringify({ occurrenceRates: [1, 2] }));
    await assert.rejects(executeAssess(options("bad-rates", { config }), captureContext()), /occurrenceRates must be an object.*\[1,2\]/);

    writeFileSync(config, JSON.stringify({ occurenceRates: {} }));
    await assert.rejects(executeAssess(options("bad-rates", { config }), captureContext()), /found keys 'occurenceRates'/);
  });

  it("rejects a config file with a bad override", async () => {
    const config = join(work, "bad.json");
    writeFileSync(config, JSON.stringify({ features: [{ featureId: "no.such.feature", status: "notSupported" }] }));
    await assert.rejects(executeAssess(options("bad", { config }), captureContext()), /rejected override.*no\.such\.feature/s);
    writeFileSync(config, "{ not json");
    await assert.rejects(executeAssess(options("bad", { config }), captureContext()), /is not valid JSON/);
  });

  it("assesses standard input", async () => {
    const ctx = captureContext({ readStdin: async () => Buffer.from("CHECKPOINT\nGO\n") });
    assert.equal(await executeAssess(options("stdin", { paths: ["-"], formats: ["json"] }), ctx), 0);
    const json = JSON.parse(readFileSync(join(work, "stdin", "report", "assessment.json"), "utf8"));
    assert.deepEqual(json.findings.map((f: { file: string; featureId: string }) => `${f.file} ${f.featureId}`), [
      "<stdin> statement.checkpoint",
    ]);
  });

  it("returns 130 and writes no report when interrupted", async () => {
    const ctx = captureContext();
    let calls = 0;
    const interrupting = {
      ...ctx,
      onInterrupt: (handler: (signal: InterruptSignal) => void) => {
        const remove = ctx.onInterrupt(handler);
        // Interrupt as soon as the run has installed its handler.
        queueMicrotask(() => calls++ === 0 && ctx.interrupt());
        return remove;
      },
    };
    assert.equal(await executeAssess(options("interrupt"), interrupting), 130);
    assert.ok(!existsSync(join(work, "interrupt", "report")));
    assert.match(ctx.err.join(""), /interrupted before the assessment started; nothing of it was stored/);
  });

  it("returns 143 on SIGTERM during the run and writes no report", async () => {
    const ctx = captureContext();
    let sent = false;
    const terminating = {
      ...ctx,
      // Send SIGTERM when the run logs its start, as a service manager might.
      stderr: {
        isTTY: false,
        write: (text: string) => {
          ctx.err.push(text);
          if (!sent && text.includes(" started: ")) {
            sent = true;
            ctx.interrupt("SIGTERM");
          }
        },
      },
    };
    assert.equal(await executeAssess(options("sigterm"), terminating), 143);
    const err = ctx.err.join("");
    assert.match(err, /SIGTERM received; stopping/);
    assert.match(err, /assessment \S+ interrupted; nothing of it was stored/);
    assert.ok(!existsSync(join(work, "sigterm", "report")), "the report folder this run created is removed");
  });

  it("rejects an --out that is a file before reading anything", async () => {
    const file = join(work, "taken.txt");
    writeFileSync(file, "");
    const ctx = captureContext();
    await assert.rejects(executeAssess(options("taken", { out: file }), ctx), (error: Error) => {
      assert.equal(error.name, "UsageError");
      assert.ok(error.message.includes(`cannot write the reports to '${file}': it exists and is not a folder`), error.message);
      return true;
    });
    assert.equal(ctx.err.join(""), "", "nothing is logged before the check");
  });
});

describe("store commands without a store", () => {
  const dataDir = join(tmpdir(), "infio-no-store-here");

  it("list says nothing is stored and creates no store", async () => {
    const ctx = captureContext();
    assert.equal(await executeList({ store: "embedded", dataDir, json: false }, ctx), 0);
    assert.match(ctx.err.join(""), /no assessments stored in/);
    const json = captureContext();
    assert.equal(await executeList({ store: "embedded", dataDir, json: true }, json), 0);
    assert.equal(json.out.join(""), "[]\n");
    assert.ok(!existsSync(dataDir));
  });

  it("show, report and diff name the missing assessment", async () => {
    const ctx = captureContext();
    await assert.rejects(executeShow({ store: "embedded", dataDir, id: "x1", json: false }, ctx), /assessment 'x1' not found/);
    await assert.rejects(
      executeReport({ store: "embedded", dataDir, id: "x2", out: dataDir, formats: ["json"], quiet: true }, ctx),
      /assessment 'x2' not found/,
    );
    await assert.rejects(executeDiff({ store: "embedded", dataDir, before: "x3", after: "x4", json: false }, ctx), /'x3' not found/);
    assert.ok(!existsSync(dataDir));
  });
});
