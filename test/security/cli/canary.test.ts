/**
 * A canary password, unique to this run, given every way infio accepts a
 * password (environment variable, owner-only file, prompt, AWS Secrets
 * Manager) to `infio assess --server` and `infio collect` against the
 * fixture SQL Server, once right and once wrong so that errors are
 * produced. Then every output is searched for it: stdout and stderr of
 * every run, the prompt's terminal output, and every file under the data
 * folder, HOME, TMPDIR and the working folder (reports, store, audit log,
 * bundles, an audit export), in plain, base64, UTF-16LE, URL-encoded and
 * JSON-escaped forms. Passwords typed as plain values are rejected and
 * searched for the same way.
 */

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, before, describe, it } from "node:test";

import { main } from "../../../src/cli/main.js";
import { FIXTURE_LOGIN, startFixtureServer, type RunningFixtureServer } from "../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../helpers/sqlserver-fixture/kestrel/index.js";
import { captureContext } from "../../cli/capture.js";
import { IsolatedWorkspace, type IsolatedRun } from "../../cli/isolated.js";
import { TEST_CREDENTIALS, startFakeAws, type FakeAws } from "../fake-aws.js";

/** Quote, slash, percent, plus and a non-ASCII letter test each encoded form of the masks. */
const CANARY = `canary"${randomBytes(9).toString("hex")}/%+é`;
const WRONG = `wrong'${randomBytes(9).toString("hex")}&=ü`;
const PLAIN = `plain${randomBytes(9).toString("hex")}`;
const SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:infio/canary-AbCdEf";
const WRONG_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:infio/wrong-AbCdEf";

/** Byte patterns that reveal `value`: as UTF-8, UTF-16LE, URL-encoded, JSON-escaped and base64 at each alignment. */
function revealingForms(value: string): { name: string; bytes: Buffer }[] {
  const utf8 = Buffer.from(value, "utf8");
  const forms = [
    { name: "utf-8", bytes: utf8 },
    { name: "utf-16le", bytes: Buffer.from(value, "utf16le") },
    { name: "url-encoded", bytes: Buffer.from(encodeURIComponent(value)) },
    { name: "json-escaped", bytes: Buffer.from(JSON.stringify(value).slice(1, -1)) },
  ];
  for (let offset = 0; offset < 3; offset++) {
    // The characters that depend only on the value, whatever bytes surround
    // it: the first group of 4 mixes in the bytes before, the last the bytes after.
    const encoded = Buffer.concat([Buffer.alloc(offset), utf8]).toString("base64");
    const core = encoded.slice(offset === 0 ? 0 : 4, encoded.length - 4);
    forms.push({ name: `base64 at offset ${offset}`, bytes: Buffer.from(core) });
  }
  return forms;
}

/** Every regular file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    if (info.isDirectory()) {
      found.push(...filesUnder(path));
    } else if (info.isFile()) {
      found.push(path);
    }
  }
  return found;
}

/** Returns "where: form" for each place that contains a form of one of `values`. */
function leaks(values: readonly string[], sources: readonly { where: string; bytes: Buffer }[]): string[] {
  const found: string[] = [];
  for (const value of values) {
    for (const form of revealingForms(value)) {
      for (const source of sources) {
        if (source.bytes.includes(form.bytes)) {
          found.push(`${source.where}: ${form.name} of ${value === PLAIN ? "PLAIN" : value === WRONG ? "WRONG" : "CANARY"}`);
        }
      }
    }
  }
  return found;
}

/** A PassThrough that claims to be a terminal, and types `text` once the prompt listens. */
function typingTerminal(text: string): { input: PassThrough & { isTTY: true; setRawMode(mode: boolean): void }; output: string[] } {
  const input = Object.assign(new PassThrough(), { isTTY: true as const, setRawMode: () => undefined });
  input.on("resume", () => setImmediate(() => input.write(`${text}\r`)));
  return { input, output: [] };
}

describe("canary password", { concurrency: false }, () => {
  const w = new IsolatedWorkspace();
  const runs: IsolatedRun[] = [];
  const promptOutputs: string[] = [];
  let server: RunningFixtureServer;
  let aws: FakeAws;
  let caFile: string;
  let address: string;

  before(async () => {
    server = await startFixtureServer(kestrelServer(), {
      logins: [{ userName: FIXTURE_LOGIN.userName, password: CANARY }],
    });
    aws = await startFakeAws();
    address = `${server.tds.host},${server.tds.port}`;
    const secret = (password: string) =>
      JSON.stringify({ username: FIXTURE_LOGIN.userName, password, host: server.tds.host, port: server.tds.port });
    aws.setSecret(SECRET_ARN, secret(CANARY));
    aws.setSecret(WRONG_SECRET_ARN, secret(WRONG));

    // Outside the searched folders: these files contain the canary by design.
    caFile = join(w.root, "ca.pem");
    writeFileSync(caFile, server.certificates.ca);
    for (const [name, value] of [["right.pw", CANARY], ["wrong.pw", WRONG]] as const) {
      writeFileSync(join(w.root, name), `${value}\n`);
      chmodSync(join(w.root, name), 0o600);
    }
  });
  after(async () => {
    await server?.close();
    await aws?.close();
    w.remove();
  });

  const tls = (): string[] => ["--tls-ca", caFile, "--server-name", "localhost"];
  const live = (): string[] => ["--server", address, "--user", FIXTURE_LOGIN.userName, ...tls()];
  const awsEnv = (): Record<string, string> => ({
    AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.endpoint,
    AWS_REGION: "eu-west-1",
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
  });

  async function infio(args: string[], env: Record<string, string> = {}): Promise<IsolatedRun> {
    const run = await w.infio(args, env);
    runs.push(run);
    return run;
  }

  it("assesses with the password from an environment variable", async () => {
    const ok = await infio(["assess", ...live(), "--password-env", "SQL_PW", "--out", "out-env", "--jobs", "1"], { SQL_PW: CANARY });
    assert.equal(ok.code, 0, ok.stderr);
    const wrong = await infio(["assess", ...live(), "--password-env", "SQL_PW", "--out", "out-env-wrong"], { SQL_PW: WRONG });
    assert.equal(wrong.code, 1, wrong.stderr);
    assert.match(wrong.stderr, /login failed for user 'infio_reader'/);
  });

  it("assesses with the password from a file", async () => {
    const ok = await infio(["assess", ...live(), "--password-file", join(w.root, "right.pw"), "--out", "out-file", "--format", "json,html", "--jobs", "1"]);
    assert.equal(ok.code, 0, ok.stderr);
    const wrong = await infio(["assess", ...live(), "-P", `file:${join(w.root, "wrong.pw")}`, "--out", "out-file-wrong"]);
    assert.equal(wrong.code, 1, wrong.stderr);
  });

  it("assesses with the password from Secrets Manager", async () => {
    const ok = await infio(["assess", "--secret-arn", SECRET_ARN, ...tls(), "--out", "out-sm", "--format", "json,csv,sarif", "--jobs", "1"], awsEnv());
    assert.equal(ok.code, 0, ok.stderr);
    const wrong = await infio(["assess", "--secret-arn", WRONG_SECRET_ARN, ...tls(), "--out", "out-sm-wrong"], awsEnv());
    assert.equal(wrong.code, 1, wrong.stderr);
  });

  it("assesses with the password typed at the prompt", async () => {
    for (const [typed, expected] of [[CANARY, 0], [WRONG, 1]] as const) {
      const terminal = typingTerminal(typed);
      const ctx = captureContext({
        cwd: w.cwd,
        env: { INFIO_HOME: w.data },
        homedir: w.home,
        terminal: { input: terminal.input, output: { write: (t: string) => terminal.output.push(t) } },
      });
      const code = await main(
        ["assess", ...live(), "--out", join(w.cwd, `out-prompt-${expected}`), "--format", "json", "--jobs", "1"],
        ctx,
      );
      promptOutputs.push(ctx.out.join(""), ctx.err.join(""), terminal.output.join(""));
      assert.equal(code, expected, ctx.err.join(""));
    }
  });

  it("collects a bundle and assesses it", async () => {
    const collected = await infio(["collect", ...live(), "--password-env", "SQL_PW", "--out", "server.infio"], { SQL_PW: CANARY });
    assert.equal(collected.code, 0, collected.stderr);
    const failed = await infio(["collect", ...live(), "--password-env", "SQL_PW", "--out", "wrong.infio"], { SQL_PW: WRONG });
    assert.equal(failed.code, 1, failed.stderr);
    const assessed = await infio(["assess", "--bundle", "server.infio", "--out", "out-bundle", "--encrypt-output", "--jobs", "1"]);
    assert.equal(assessed.code, 0, assessed.stderr);
  });

  it("rejects a password given as a plain value", async () => {
    const attempts = [
      ["--password", PLAIN],
      [`--password=${PLAIN}`],
      ["-P", PLAIN],
      [`-P${PLAIN}`],
      ["--connection-string", `Server=${address};User ID=${FIXTURE_LOGIN.userName};Password=${PLAIN}`],
      ["--connection-string", `Server=${address};User ID=${FIXTURE_LOGIN.userName};Pwd="${PLAIN}"`],
    ];
    for (const attempt of attempts) {
      const extra = attempt[0]!.startsWith("--connection-string") ? [] : ["--server", address, "--user", FIXTURE_LOGIN.userName];
      const run = await infio(["assess", ...extra, ...attempt, ...tls(), "--out", "out-plain"]);
      assert.equal(run.code, 2, `${attempt.join(" ")}: ${run.stderr}`);
      assert.match(run.stderr, /rejected and not used/, attempt.join(" "));
      assert.ok(run.args.some((a) => a.includes(PLAIN)), "the plain value was passed as intended");
    }
  });

  it("reads the stored assessments back and exports the audit log", async () => {
    const listed = await infio(["list", "--json"]);
    assert.equal(listed.code, 0, listed.stderr);
    const ids = (JSON.parse(listed.stdout) as { id: string }[]).map((l) => l.id);
    assert.ok(ids.length >= 4, listed.stdout);
    for (const id of ids) {
      assert.equal((await infio(["show", id, "--json"])).code, 0);
      assert.equal((await infio(["report", id, "--out", `out-report-${id}`])).code, 0);
    }
    const exported = await infio(["audit", "export", "--out", "audit-export.jsonl"]);
    assert.equal(exported.code, 0, exported.stderr);
    const verified = await infio(["audit", "verify"]);
    assert.equal(verified.code, 0, verified.stderr);
  });

  it("records failed logins in the audit log", () => {
    const entries = readFileSync(join(w.data, "audit.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { action: string; outcome: string; details: { error?: string } });
    const failed = entries.filter((e) => e.action === "assessment.run" && e.outcome === "failed");
    assert.ok(failed.length >= 4, `${failed.length} failed runs recorded`);
    assert.ok(failed.every((e) => /login failed/.test(e.details.error ?? "")), JSON.stringify(failed));
  });

  it("search finds each planted form", () => {
    for (const form of revealingForms(CANARY)) {
      for (const prefix of ["", "a", "ab"]) {
        const planted = Buffer.concat([Buffer.from(prefix), form.bytes, Buffer.from("z")]);
        assert.notDeepEqual(leaks([CANARY], [{ where: "planted", bytes: planted }]), [], `${form.name} after '${prefix}'`);
      }
    }
    for (const prefix of ["", "a", "ab"]) {
      const encoded = Buffer.from(`${prefix}${CANARY}tail`).toString("base64");
      assert.notDeepEqual(leaks([CANARY], [{ where: "planted", bytes: Buffer.from(encoded) }]), [], `base64 after '${prefix}'`);
    }
  });

  it("never passed the password in argv", () => {
    for (const run of runs) {
      assert.ok(!run.args.some((a) => a.includes(CANARY) || a.includes(WRONG)), run.args.join(" "));
    }
  });

  it("never shows up in any output, log or file", () => {
    const sources = [
      ...runs.flatMap((run, i) => [
        { where: `stdout of run ${i} (${run.args.slice(0, 2).join(" ")})`, bytes: Buffer.from(run.stdout) },
        { where: `stderr of run ${i} (${run.args.slice(0, 2).join(" ")})`, bytes: Buffer.from(run.stderr) },
      ]),
      ...promptOutputs.map((text, i) => ({ where: `prompt run output ${i}`, bytes: Buffer.from(text) })),
      ...[w.cwd, w.data, w.home, w.tmp].flatMap(filesUnder).map((path) => ({ where: path, bytes: readFileSync(path) })),
    ];
    const files = sources.filter((s) => s.where.startsWith(w.root));
    assert.ok(files.some((s) => s.where.endsWith("audit.jsonl")), "no audit log was searched");
    assert.ok(files.some((s) => s.where.endsWith("server.infio")), "no bundle was searched");
    assert.ok(files.some((s) => s.where.endsWith("audit-export.jsonl")), "no audit export was searched");
    assert.ok(files.some((s) => s.where.includes(`${join(w.data, "store")}`)), "no store file was searched");
    assert.ok(files.some((s) => s.where.endsWith("assessment.html")), "no HTML report was searched");

    assert.deepEqual(leaks([CANARY, WRONG, PLAIN], sources), []);
  });
});
