import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import { captureContext } from "./capture.js";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const ctx = captureContext();
  const code = await main(["grant-script", ...args], ctx);
  return { code, out: ctx.out.join(""), err: ctx.err.join("") };
}

describe("infio grant-script", () => {
  it("prints the create script on stdout", async () => {
    const result = await run(["--login", "infio_reader"]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /CREATE LOGIN \[infio_reader\] WITH PASSWORD/);
    assert.match(result.out, /GRANT VIEW SERVER STATE TO \[infio_reader\]/);
    assert.doesNotMatch(result.out, /DROP LOGIN/);
    assert.equal(result.err, "");
  });

  it("limits users to the databases given", async () => {
    const result = await run(["--login", "infio_reader", "--database", "Sales", "-d", "Bill]ing"]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /USE \[Sales\];/);
    assert.match(result.out, /USE \[Bill\]\]ing\];/);
  });

  it("prints the drop script with --drop", async () => {
    const result = await run(["--login", "infio_reader", "--drop"]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /DROP USER IF EXISTS \[infio_reader\]/);
    assert.doesNotMatch(result.out, /CREATE LOGIN/);
  });

  it("creates a Windows login with --windows", async () => {
    const result = await run(["--login", "CORP\\svc-infio", "--windows"]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /CREATE LOGIN \[CORP\\svc-infio\] FROM WINDOWS/);
  });

  it("rejects a built-in login with 2", async () => {
    const result = await run(["--login", "sa"]);
    assert.equal(result.code, 2);
    assert.match(result.err, /invalid login name "sa": it is a built-in principal/);
    assert.equal(result.out, "");
  });

  it("requires --login", async () => {
    const result = await run([]);
    assert.equal(result.code, 2);
    assert.match(result.err, /required option '--login <name>'/);
  });

  it("shows examples in --help", async () => {
    const result = await run(["--help"]);
    assert.equal(result.code, 0);
    assert.match(result.out, /Examples:\n {2}\$ infio grant-script --login infio_reader/);
  });
});
