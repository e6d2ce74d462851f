import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import { captureScriptOptionsFrom } from "../../src/cli/capture-script.js";
import { main } from "../../src/cli/main.js";
import { captureContext } from "./capture.js";

const home = mkdtempSync(join(tmpdir(), "infio-capture-script-"));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const ctx = captureContext({ env: { INFIO_HOME: join(home, "data") } });
  const code = await main(["capture-script", ...args], ctx);
  return { code, out: ctx.out.join(""), err: ctx.err.join("") };
}

describe("infio capture-script", () => {
  after(() => rmSync(home, { recursive: true, force: true }));

  it("prints an event_file session on stdout", async () => {
    const result = await run([]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /^-- Captures the SQL that applications send/);
    assert.match(result.out, /ADD TARGET package0\.event_file/);
    assert.match(result.out, /max_file_size = \(256\)/);
    assert.match(result.out, /DROP EVENT SESSION \[infio_workload\] ON SERVER;\nGO\n$/);
    assert.equal(result.err, "");
  });

  it("passes every option through", async () => {
    const result = await run([
      "--target", "event-file", "--path", "/var/opt/mssql/xe", "--max-size", "400",
      "-d", "Sales", "--database", "Billing", "--app", "Sales Web", "--duration", "15",
    ]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /N'\/var\/opt\/mssql\/xe\/infio_workload\.xel'/);
    assert.match(result.out, /max_file_size = \(100\)/);
    assert.match(result.out, /\[database_name\], N'Billing'/);
    assert.match(result.out, /\[client_app_name\], N'Sales Web'/);
    assert.match(result.out, /WAITFOR DELAY '00:15:00';/);
  });

  it("prints a ring buffer session with its default size", async () => {
    const result = await run(["--target", "ring-buffer"]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /package0\.ring_buffer \(SET max_memory = \(2048\)\)/);
  });

  const usage: [args: string[], message: RegExp][] = [
    [["--target", "file"], /invalid --target 'file'; use one of event-file, ring-buffer/],
    [["--max-size", "big"], /invalid --max-size 'big'; pass a whole number from 4 to/],
    [["--target", "ring-buffer", "--max-size", "100"], /invalid --max-size '100'; pass a whole number from 1 to 64/],
    [["--duration", "0"], /invalid --duration '0'; pass a whole number from 1 to 1439/],
    [["--target", "ring-buffer", "--path", "/tmp"], /--path applies to --target event-file only/],
    [["--database", "Sales\u0007"], /invalid database name/],
  ];
  for (const [args, message] of usage) {
    it(`exits with 2 on ${args.join(" ")}`, async () => {
      const result = await run(args);
      assert.equal(result.code, 2);
      assert.match(result.err, message);
      assert.equal(result.out, "");
    });
  }

  it("shows examples in --help", async () => {
    const result = await run(["--help"]);
    assert.equal(result.code, 0);
    assert.match(result.out, /Examples:\n {2}\$ infio capture-script > capture-workload\.sql/);
  });
});

describe("captureScriptOptionsFrom", () => {
  const ctx = captureContext({ env: {} });
  const raw = { target: "event-file", database: [], app: [] };

  it("takes the default size of each target", () => {
    assert.equal(captureScriptOptionsFrom(raw, ctx).maxSizeMb, 1024);
    assert.equal(captureScriptOptionsFrom({ ...raw, target: "ring-buffer" }, ctx).maxSizeMb, 2);
  });

  it("leaves out the duration and folder unless given", () => {
    const options = captureScriptOptionsFrom(raw, ctx);
    assert.equal(options.durationMinutes, undefined);
    assert.equal(options.folder, undefined);
    assert.equal(captureScriptOptionsFrom({ ...raw, duration: "30" }, ctx).durationMinutes, 30);
  });
});
