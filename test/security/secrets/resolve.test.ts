import assert from "node:assert/strict";
import { chmod, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, before, describe, it } from "node:test";

import type { Result } from "../../../src/security/errors.js";
import { promptSecret, type TerminalInput } from "../../../src/security/secrets/prompt.js";
import { parseSecretReference, resolveSecret, type SecretSource } from "../../../src/security/secrets/resolve.js";
import type { Secret } from "../../../src/security/secrets/secret.js";
import { parseDatabaseSecret } from "../../../src/security/secrets/secrets-manager.js";
import { TEST_CREDENTIALS, startFakeAws, type FakeAws } from "../fake-aws.js";
import { tempDir } from "../temp-dir.js";

process.env.AWS_EC2_METADATA_DISABLED = "true";
process.env.AWS_CONFIG_FILE = "/nonexistent/infio-test-aws-config";
process.env.AWS_SHARED_CREDENTIALS_FILE = "/nonexistent/infio-test-aws-credentials";

const CANARY = "Canary-Pa55w0rd!";
const posixOnly = { skip: process.platform === "win32" ? "POSIX permissions" : false };

describe("parseSecretReference", () => {
  const accepted: [string, SecretSource][] = [
    ["env:PGPASSWORD", { kind: "env", name: "PGPASSWORD" }],
    ["file:/run/secrets/sa", { kind: "file", path: "/run/secrets/sa" }],
    ["file:relative.txt", { kind: "file", path: "relative.txt" }],
    ["prompt", { kind: "prompt" }],
    [
      "arn:aws:secretsmanager:eu-west-1:111122223333:secret:infio/sa-AbCdEf",
      {
        kind: "aws-secrets-manager",
        secretId: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:infio/sa-AbCdEf",
      },
    ],
    ["aws-secretsmanager:infio/sa", { kind: "aws-secrets-manager", secretId: "infio/sa" }],
  ];
  for (const [text, expected] of accepted) {
    it(`accepts ${text.slice(0, 28)}`, () => {
      assert.deepEqual(parseSecretReference(text, "--password"), { ok: true, value: expected });
    });
  }

  for (const text of [CANARY, "hunter2", "file:", "env", "Prompt", "arn:aws:s3:::bucket"]) {
    it(`rejects a plain value like ${text === CANARY ? "the canary" : text}`, () => {
      const parsed = parseSecretReference(text, "--password");
      assert.equal(!parsed.ok && parsed.error.code, "secret-on-command-line");
      const message = !parsed.ok ? parsed.error.message : "";
      assert.equal(message.includes(CANARY), false, message);
      assert.equal(message.includes("hunter2"), false, message);
      assert.match(message, /--password takes where to read the secret from/);
      assert.match(message, /process list/);
    });
  }

  it("rejects an invalid variable name", () => {
    const parsed = parseSecretReference("env:1BAD", "--password");
    assert.equal(!parsed.ok && parsed.error.code, "invalid-argument");
  });
});

describe("resolveSecret from the environment", () => {
  it("reads the variable", async () => {
    const secret = await resolveSecret({ kind: "env", name: "PW" }, { env: { PW: CANARY }, cwd: "/" });
    assert.equal(secret.ok && secret.value.reveal(), CANARY);
    assert.equal(secret.ok && secret.value.origin, "environment variable PW");
  });

  it("reports a missing variable", async () => {
    const secret = await resolveSecret({ kind: "env", name: "PW" }, { env: { PW: "" }, cwd: "/" });
    assert.equal(!secret.ok && secret.error.code, "secret-missing");
    assert.match(!secret.ok ? secret.error.message : "", /PW is not set or empty/);
  });
});

describe("resolveSecret from a file", () => {
  async function secretFile(content: string, mode: number): Promise<{ dir: string; path: string }> {
    const dir = await tempDir();
    const path = join(dir, "sa.pw");
    await writeFile(path, content, { mode });
    await chmod(path, mode);
    return { dir, path };
  }

  it("reads an owner-only file without its newline", async () => {
    const { dir } = await secretFile(`${CANARY}\n`, 0o600);
    const secret = await resolveSecret({ kind: "file", path: "sa.pw" }, { env: {}, cwd: dir });
    assert.equal(secret.ok && secret.value.reveal(), CANARY);
  });

  it("keeps inner line breaks and spaces", async () => {
    const { path } = await secretFile(" a\nb \r\n", 0o600);
    const secret = await resolveSecret({ kind: "file", path }, { env: {}, cwd: "/" });
    assert.equal(secret.ok && secret.value.reveal(), " a\nb ");
  });

  it("rejects a file others can read", posixOnly, async () => {
    const { path } = await secretFile(CANARY, 0o644);
    const secret = await resolveSecret({ kind: "file", path }, { env: {}, cwd: "/" });
    assert.equal(!secret.ok && secret.error.code, "insecure-permissions");
    const message = !secret.ok ? secret.error.message : "";
    assert.ok(message.includes(`chmod 600 ${path}`), message);
    assert.equal(message.includes(CANARY), false);
  });

  it("follows a link to an owner-only file", posixOnly, async () => {
    const { dir, path } = await secretFile(CANARY, 0o600);
    await symlink(path, join(dir, "link"));
    const secret = await resolveSecret({ kind: "file", path: join(dir, "link") }, { env: {}, cwd: "/" });
    assert.equal(secret.ok && secret.value.reveal(), CANARY);
  });

  it("rejects a link to a readable file", posixOnly, async () => {
    const { dir, path } = await secretFile(CANARY, 0o644);
    await symlink(path, join(dir, "link"));
    const secret = await resolveSecret({ kind: "file", path: join(dir, "link") }, { env: {}, cwd: "/" });
    assert.equal(!secret.ok && secret.error.code, "insecure-permissions");
  });

  it("rejects an empty file", async () => {
    const { path } = await secretFile("\n", 0o600);
    const secret = await resolveSecret({ kind: "file", path }, { env: {}, cwd: "/" });
    assert.equal(!secret.ok && secret.error.code, "secret-missing");
  });
});

/** Returns a fake terminal: a PassThrough that claims to be a TTY and records raw mode. */
function fakeTerminal(): { input: PassThrough & TerminalInput; output: string[]; rawModes: boolean[] } {
  const rawModes: boolean[] = [];
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: (mode: boolean) => rawModes.push(mode),
  });
  return { input, output: [], rawModes };
}

describe("promptSecret", () => {
  async function typeInto(chunks: string[]): Promise<{ result: Result<Secret>; output: string; rawModes: boolean[] }> {
    const terminal = fakeTerminal();
    const pending = promptSecret({
      input: terminal.input,
      output: { write: (t: string) => terminal.output.push(t) },
      message: "Password for sa: ",
    });
    for (const chunk of chunks) {
      terminal.input.write(chunk);
    }
    const result = await pending;
    return { result, output: terminal.output.join(""), rawModes: terminal.rawModes };
  }

  it("reads a line without echo", async () => {
    const { result, output, rawModes } = await typeInto(["Can", "ary-Pa55", "w0rd!\r"]);
    assert.equal(result.ok && result.value.reveal(), CANARY);
    assert.equal(output, "Password for sa: \n");
    assert.deepEqual(rawModes, [true, false]);
  });

  it("handles backspace", async () => {
    const { result } = await typeInto(["abx\u007fc\bd\n"]);
    assert.equal(result.ok && result.value.reveal(), "abd");
  });

  it("drops escape sequences", async () => {
    const { result } = await typeInto(["ab", "\u001b[A", "c\r"]);
    assert.equal(result.ok && result.value.reveal(), "abc");
  });

  it("cancels on Ctrl+C", async () => {
    const { result, rawModes } = await typeInto(["abc\u0003"]);
    assert.equal(!result.ok && result.error.code, "prompt-cancelled");
    assert.deepEqual(rawModes, [true, false]);
  });

  it("rejects input that is not a terminal", async () => {
    const result = await promptSecret({ input: new PassThrough(), output: { write: () => true }, message: "x" });
    assert.equal(!result.ok && result.error.code, "no-terminal");
  });
});

describe("resolveSecret from AWS Secrets Manager", () => {
  let aws: FakeAws;
  const ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:infio/sa-AbCdEf";

  before(async () => {
    aws = await startFakeAws();
    aws.setSecret(ARN, JSON.stringify({ username: "infio_reader", password: CANARY, host: "sql1.corp", port: "1433" }));
    aws.setSecret("not-json", `x${CANARY}`);
  });
  after(() => aws.close());

  const options = () => ({
    env: {},
    cwd: "/",
    secretsManager: { region: "eu-west-1", endpoint: aws.endpoint, credentials: TEST_CREDENTIALS },
  });

  it("reads a database secret", async () => {
    const secret = await resolveSecret({ kind: "aws-secrets-manager", secretId: ARN }, options());
    assert.ok(secret.ok, secret.ok ? "" : secret.error.message);
    const credentials = parseDatabaseSecret(secret.value);

    assert.ok(credentials.ok);
    assert.equal(credentials.value.username, "infio_reader");
    assert.equal(credentials.value.password.reveal(), CANARY);
    assert.equal(credentials.value.host, "sql1.corp");
    assert.equal(credentials.value.port, 1433);
    assert.equal(JSON.stringify(credentials.value).includes(CANARY), false);
    assert.equal(aws.requests.at(-1)!.target, "secretsmanager.GetSecretValue");
  });

  it("reports a missing secret", async () => {
    const secret = await resolveSecret({ kind: "aws-secrets-manager", secretId: "absent" }, options());
    assert.equal(!secret.ok && secret.error.code, "secrets-manager-failed");
    assert.match(!secret.ok ? secret.error.message : "", /ResourceNotFoundException/);
  });

  it("never quotes a secret that is not JSON", async () => {
    const secret = await resolveSecret({ kind: "aws-secrets-manager", secretId: "not-json" }, options());
    assert.ok(secret.ok);
    const credentials = parseDatabaseSecret(secret.value);
    assert.equal(!credentials.ok && credentials.error.code, "invalid-format");
    assert.equal(!credentials.ok && credentials.error.message.includes(CANARY), false);
  });
});
