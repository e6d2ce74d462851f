import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import { FileAuditLog } from "../../src/security/audit/file-log.js";
import type { AuditEntry } from "../../src/security/audit/entry.js";
import { TLS_DIRECTORY } from "../../src/web/server/tls/console-certificate.js";
import { tlsRequest } from "../helpers/web-console.js";
import { tempDir } from "../security/temp-dir.js";
import { captureContext, type CapturedContext } from "./capture.js";
import { IsolatedWorkspace } from "./isolated.js";
import { REPO } from "./run-infio.js";

const URL_LINE = /^infio console: (https:\/\/\S+)\ncertificate SHA-256 fingerprint: ([0-9A-F:]{95})\n/;

/** Waits until `read` returns a value, checking every 50 ms, up to about a minute. */
async function waitFor<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const value = read();
    if (value !== undefined) {
      return value;
    }
    await sleep(50);
  }
  throw new Error(`gave up waiting for ${what}`);
}

interface Served {
  readonly ctx: CapturedContext;
  readonly url: string;
  readonly fingerprint: string;
  readonly exit: Promise<number>;
}

async function serve(dataDir: string, cwd: string): Promise<Served> {
  const ctx = captureContext({ cwd, homedir: cwd, env: {} });
  const exit = main(["serve", "--port", "0", "--data-dir", dataDir], ctx);
  const match = await waitFor(() => URL_LINE.exec(ctx.out.join("")) ?? undefined, `the console URL; stderr: ${ctx.err.join("")}`);
  return { ctx, url: match[1]!, fingerprint: match[2]!, exit };
}

describe("infio serve", () => {
  let dir: string;
  let dataDir: string;

  before(async () => {
    dir = await tempDir("infio-serve-");
    dataDir = join(dir, "data");
  });

  it("serves over HTTPS until interrupted", async () => {
    const served = await serve(dataDir, dir);
    const certPem = await readFile(join(dataDir, TLS_DIRECTORY, "console-cert.pem"), "utf8");

    const page = await tlsRequest(new URL("/sign-in", served.url), certPem);
    served.ctx.interrupt("SIGINT");
    const code = await served.exit;

    assert.equal(page.status, 200);
    assert.equal(page.fingerprint, served.fingerprint);
    assert.match(served.url, /^https:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(code, 0);
    const err = served.ctx.err.join("");
    assert.match(err, /created a self-signed certificate '.*console-cert\.pem' valid until \d{4}-\d\d-\d\d/);
    assert.match(err, /the console has no users, so no one can sign in/);
    assert.match(err, /info  GET \/sign-in 200 \d+ms user - from 127\.0\.0\.1/);
    assert.match(err, /stopping the console \(SIGINT\)/);
  });

  it("records the start and stop in the audit log", async () => {
    const entries: AuditEntry[] = [];
    for await (const entry of new FileAuditLog(join(dataDir, "audit.jsonl")).entries()) {
      entries.push(entry);
    }

    const serveEntries = entries.filter((entry) => entry.action === "console.serve");
    assert.deepEqual(serveEntries.map((entry) => entry.outcome), ["started", "succeeded"]);
    assert.equal(serveEntries[1]!.details.stoppedBy, "SIGINT");
    assert.equal(serveEntries[1]!.details.host, "127.0.0.1");
  });

  it("reuses its certificate at the next start", async () => {
    const first = await readFile(join(dataDir, TLS_DIRECTORY, "console-cert.pem"), "utf8");

    const served = await serve(dataDir, dir);
    served.ctx.interrupt("SIGTERM");
    assert.equal(await served.exit, 0);

    const second = await readFile(join(dataDir, TLS_DIRECTORY, "console-cert.pem"), "utf8");
    assert.equal(second, first);
    assert.doesNotMatch(served.ctx.err.join(""), /created a self-signed certificate/);
  });

  const usage: [string[], RegExp][] = [
    [["--port", "70000"], /invalid --port '70000': expected a TCP port from 0 to 65535/],
    [["--port", "http"], /invalid --port 'http'/],
    [["--tls-cert", "cert.pem"], /--tls-cert and --tls-key go together/],
    [["--store", "none"], /--store none keeps no assessments/],
  ];
  for (const [args, expected] of usage) {
    it(`rejects ${args.join(" ")}`, async () => {
      const ctx = captureContext({ cwd: dir, homedir: dir, env: {} });

      const code = await main(["serve", ...args, "--data-dir", dataDir], ctx);

      assert.equal(code, 2);
      assert.match(ctx.err.join(""), expected);
    });
  }
});

describe("infio users while infio serve runs", () => {
  const workspace = new IsolatedWorkspace();
  let server: ChildProcess | undefined;
  let stdout = "";
  let stderr = "";

  before(async () => {
    server = spawn(process.execPath, [join(REPO, "bin", "infio.js"), "serve", "--port", "0"], {
      cwd: workspace.cwd,
      env: workspace.env(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (data) => (stdout += data));
    server.stderr!.on("data", (data) => (stderr += data));
    await waitFor(() => (URL_LINE.test(stdout) ? true : undefined), `infio serve to start; stderr: ${stderr}`);
  });

  after(async () => {
    if (server !== undefined && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    workspace.remove();
  });

  it("fails with a message naming serve", async () => {
    const result = await workspace.infio(["users", "add", "alice", "--role", "admin", "--password-env", "PW"], {
      PW: "alice-long-password",
    });

    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /another infio process, such as a running 'infio serve', has the embedded store/);
    assert.match(result.stderr, new RegExp(`held by process ${server!.pid} `));
  });

  it("stops serve cleanly on SIGTERM", async () => {
    server!.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => server!.once("exit", (exitCode) => resolve(exitCode)));

    assert.equal(code, 0, stderr);
    assert.match(stderr, /stopping the console \(SIGTERM\)/);
  });
});
