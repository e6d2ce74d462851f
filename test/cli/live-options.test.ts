/**
 * Arguments to options for a live server and bundles: what `infio assess`
 * and `infio collect` accept, and what they reject with exit code 2. No
 * test here connects anywhere.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { assessCommand, type AssessOptions } from "../../src/cli/assess.js";
import { collectCommand, type CollectOptions } from "../../src/cli/collect.js";
import type { CommandHost } from "../../src/cli/command.js";
import { main } from "../../src/cli/main.js";
import { captureContext } from "./capture.js";

const SECRET = "hunter2-Secret!";

/** Runs `infio ARGS` in-process; returns the exit code and stderr. */
async function run(args: string[]): Promise<{ code: number; err: string; out: string }> {
  const ctx = captureContext({ env: { SQLPASS: "x" } });
  const code = await main(args, ctx);
  return { code, err: ctx.err.join(""), out: ctx.out.join("") };
}

/** Parses `infio assess ARGS` without running it. */
async function parseAssess(args: string[]): Promise<AssessOptions> {
  const ctx = captureContext({ env: {} });
  let parsed: AssessOptions | undefined;
  const host: CommandHost = { ctx, exit: () => undefined };
  const command = assessCommand(host, async (options) => {
    parsed = options;
    return 0;
  });
  command.exitOverride();
  await command.parseAsync(args, { from: "user" });
  assert.ok(parsed);
  return parsed;
}

async function parseCollect(args: string[]): Promise<CollectOptions> {
  const ctx = captureContext({ env: {} });
  let parsed: CollectOptions | undefined;
  const host: CommandHost = { ctx, exit: () => undefined };
  const command = collectCommand(host, async (options) => {
    parsed = options;
    return 0;
  });
  command.exitOverride();
  await command.parseAsync(args, { from: "user" });
  assert.ok(parsed);
  return parsed;
}

describe("a password given as an option value", () => {
  const forms: [name: string, args: string[]][] = [
    ["--password VALUE", ["--password", SECRET]],
    ["--password=VALUE", [`--password=${SECRET}`]],
    ["-P VALUE", ["-P", SECRET]],
  ];
  for (const command of ["assess", "collect"]) {
    for (const [name, password] of forms) {
      it(`is rejected by ${command} as ${name}`, async () => {
        const extra = command === "collect" ? ["--out", "x.infio"] : [];
        const result = await run([command, "--server", "sql01", "--user", "reader", ...password, ...extra]);
        assert.equal(result.code, 2);
        assert.match(result.err, /process list/);
        assert.match(result.err, /--password-env/);
        assert.equal(result.err.includes(SECRET), false, result.err);
        assert.equal(result.out.includes(SECRET), false);
      });
    }
  }

  it("is rejected inside --connection-string too", async () => {
    const result = await run(["assess", "--connection-string", `Server=sql01;User ID=r;Password=${SECRET}`]);
    assert.equal(result.code, 2);
    assert.equal(result.err.includes(SECRET), false, result.err);
  });
});

describe("infio assess: live options to AssessOptions", () => {
  it("reads a server with every connection option", async () => {
    const options = await parseAssess([
      "--server", "sql01\\PROD",
      "--user", "reader",
      "--password-env", "SQLPASS",
      "--database", "Sales",
      "--database", "Billing",
      "--database", "sales",
      "--include-system-databases",
      "--tls", "strict",
      "--server-name", "sql01.corp.example",
      "--timeout", "5",
    ]);
    assert.deepEqual(options.paths, []);
    assert.equal(options.collected?.kind, "live");
    assert.ok(options.collected?.kind === "live");
    const live = options.collected.live;
    assert.deepEqual(live.databases, ["Sales", "Billing"]);
    assert.equal(live.includeSystemDatabases, true);
    assert.equal(live.parsed.server?.instance, "PROD");
    assert.equal(live.parsed.tlsMode, "strict");
    assert.equal(live.parsed.serverName, "sql01.corp.example");
    assert.equal(live.parsed.statementTimeoutMs, 5000);
    assert.deepEqual(live.parsed.passwordSource, { kind: "env", name: "SQLPASS" });
  });

  it("takes Database= of a connection string as the scope", async () => {
    const options = await parseAssess([
      "--connection-string", "Server=sql01,1433;Database=Sales;User ID=reader",
      "--password-env", "SQLPASS",
    ]);
    assert.ok(options.collected?.kind === "live");
    assert.deepEqual(options.collected.live.databases, ["Sales"]);
  });

  it("reads a bundle with its key file", async () => {
    const options = await parseAssess(["--bundle", "sql01.infio", "--key-file", "keys/master.key"]);
    assert.ok(options.collected?.kind === "bundle");
    assert.match(options.collected.path, /sql01\.infio$/);
    assert.equal(options.collected.keys.keyFileGiven, true);
    assert.match(options.collected.keys.keyFile, /keys[/\\]master\.key$/);
  });

  it("leaves collected out for scripts", async () => {
    const options = await parseAssess(["./db"]);
    assert.equal("collected" in options, false);
  });
});

describe("infio collect: options", () => {
  it("reads the bundle path, server and KMS key", async () => {
    const options = await parseCollect([
      "--server", "sql01",
      "--user", "reader",
      "--password-env", "SQLPASS",
      "--out", "out/sql01.infio",
      "--kms-key-id", "alias/infio",
    ]);
    assert.match(options.out, /out[/\\]sql01\.infio$/);
    assert.equal(options.keys.kmsKeyId, "alias/infio");
    assert.equal(options.live.parsed.server?.host, "sql01");
  });
});

describe("live usage errors", () => {
  const cases: [args: string[], fragment: RegExp][] = [
    [["assess", "./db", "--server", "sql01"], /one kind of source per run/],
    [["assess", "--bundle", "b.infio", "--server", "sql01"], /one kind of source per run/],
    [["assess", "./db", "--user", "reader"], /--user applies to a live server only/],
    [["assess", "./db", "--database", "Sales", "--tls", "strict"], /--tls, --database apply to a live server only/],
    [["assess", "--server", "sql01", "--user", "r", "--password-env", "SQLPASS", "--include", "*.sql"], /--include applies to script files only/],
    [["assess", "--bundle", "b.infio", "--user", "r"], /--user applies to a live server only, not to a bundle/],
    [["assess", "--server", "sql01", "--user", "r", "--password-env", "SQLPASS", "--tls", "off"], /always encrypts/],
    [["assess", "--server", "sql01", "--user", "r", "--password-env", "SQLPASS", "--timeout", "soon"], /invalid --timeout .soon./],
    [["assess", "--server", "sql01", "--user", "r"], /no password given/],
    [["collect", "--out", "x.infio"], /needs a server/],
    [["collect", "--server", "sql01", "--user", "r", "--password-env", "SQLPASS"], /required option '-o, --out <file>'/],
    [["collect", "--server", "sql01", "--user", "r", "--password-env", "SQLPASS", "--out", "x", "--key-file", "k", "--kms-key-id", "a"], /pass only one of them/],
  ];
  for (const [args, fragment] of cases) {
    it(`infio ${args.join(" ")} exits with 2`, async () => {
      const result = await run(args);
      assert.equal(result.code, 2, result.err);
      assert.match(result.err, fragment);
    });
  }
});
