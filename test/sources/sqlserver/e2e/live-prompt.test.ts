/**
 * `infio assess --server` without a password option on a terminal: it
 * prompts without echo, then connects with what was typed. Runs the CLI
 * in-process against the fixture server, with a fake terminal.
 */

import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, before, describe, it } from "node:test";

import { main } from "../../../../src/cli/main.js";
import { FIXTURE_LOGIN, type RunningFixtureServer } from "../../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { captureContext } from "../../../cli/capture.js";
import { addressOf, startServer } from "./live-harness.js";

/** Returns a PassThrough that claims to be a terminal and records raw mode. */
function fakeTerminal(): { input: PassThrough & { isTTY: true; setRawMode(mode: boolean): void }; output: string[]; rawModes: boolean[] } {
  const rawModes: boolean[] = [];
  const input = Object.assign(new PassThrough(), {
    isTTY: true as const,
    setRawMode: (mode: boolean) => void rawModes.push(mode),
  });
  return { input, output: [], rawModes };
}

describe("password prompt, end to end", () => {
  let server: RunningFixtureServer;
  let work: string;
  let caFile: string;

  before(async () => {
    server = await startServer(kestrelServer());
    work = mkdtempSync(join(tmpdir(), "infio-live-prompt-"));
    caFile = join(work, "ca.pem");
    writeFileSync(caFile, server.certificates.ca);
  });
  after(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("prompts on a terminal and connects", async () => {
    const terminal = fakeTerminal();
    const ctx = captureContext({
      cwd: work,
      terminal: { input: terminal.input, output: { write: (t: string) => terminal.output.push(t) } },
    });
    // The prompt turns raw mode on when it starts listening; type then.
    terminal.input.on("resume", () => setImmediate(() => terminal.input.write(`${FIXTURE_LOGIN.password}\r`)));

    const code = await main(
      [
        "assess", "--server", addressOf(server), "--user", FIXTURE_LOGIN.userName,
        "--tls-ca", caFile, "--server-name", "localhost",
        "--store", "none", "--format", "json", "--out", join(work, "report"), "--jobs", "1",
      ],
      ctx,
    );
    const err = ctx.err.join("");
    assert.equal(code, 0, err);
    assert.equal(terminal.output.join(""), `Password for ${FIXTURE_LOGIN.userName} on ${addressOf(server)}: \n`);
    assert.deepEqual(terminal.rawModes, [true, false]);
    assert.match(err, /with the password from terminal prompt/);
    assert.equal(err.includes(FIXTURE_LOGIN.password), false);
    assert.match(ctx.out.join(""), /^assessment \S+ \(not stored\)/);
  });

  it("fails with 2 off a terminal without a password option", async () => {
    const ctx = captureContext({ cwd: work });
    const code = await main(["assess", "--server", addressOf(server), "--user", FIXTURE_LOGIN.userName], ctx);
    assert.equal(code, 2);
    assert.match(ctx.err.join(""), /no password given: .*standard input is not a terminal/);
  });
});
