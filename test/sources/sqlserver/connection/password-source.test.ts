import assert from "node:assert/strict";
import { chmod, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { SecurityError } from "../../../../src/security/errors.js";
import type { SecretSource } from "../../../../src/security/secrets/resolve.js";
import {
  passwordSource,
  resolveCredentials,
  type PasswordOptions,
} from "../../../../src/sources/sqlserver/connection/password-source.js";
import { resolveConnectionSettings } from "../../../../src/sources/sqlserver/connection/settings.js";
import { ConnectionSettingsError } from "../../../../src/sources/sqlserver/connection/settings-error.js";
import { TEST_CREDENTIALS, startFakeAws, type FakeAws } from "../../../security/fake-aws.js";
import { tempDir } from "../../../security/temp-dir.js";

process.env.AWS_EC2_METADATA_DISABLED = "true";
process.env.AWS_CONFIG_FILE = "/nonexistent/infio-test-aws-config";
process.env.AWS_SHARED_CREDENTIALS_FILE = "/nonexistent/infio-test-aws-credentials";

const CANARY = "Canary-Pa55w0rd!";
const ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:infio/sql01-AbCdEf";
const posixOnly = { skip: process.platform === "win32" ? "POSIX permissions" : false };

describe("passwordSource", () => {
  const accepted: [Partial<PasswordOptions>, SecretSource][] = [
    [{ passwordEnv: "SQLPASS" }, { kind: "env", name: "SQLPASS" }],
    [{ passwordFile: "/run/secrets/sql" }, { kind: "file", path: "/run/secrets/sql" }],
    [{ secretArn: ARN }, { kind: "aws-secrets-manager", secretId: ARN }],
    [{ secretArn: "infio/sql01" }, { kind: "aws-secrets-manager", secretId: "infio/sql01" }],
    [{ passwordPrompt: true }, { kind: "prompt" }],
    [{ password: "env:SQLPASS" }, { kind: "env", name: "SQLPASS" }],
    [{ interactive: true }, { kind: "prompt" }],
  ];
  for (const [options, expected] of accepted) {
    test(`maps ${JSON.stringify(options)}`, () => {
      assert.deepEqual(passwordSource({ interactive: false, ...options }), expected);
    });
  }

  test("prefers an explicit source to the prompt on a terminal", () => {
    assert.deepEqual(passwordSource({ interactive: true, passwordEnv: "X" }), { kind: "env", name: "X" });
  });

  test("rejects a password value without quoting it", () => {
    const error = catchError(() => passwordSource({ interactive: true, password: CANARY }));
    assert.ok(error instanceof ConnectionSettingsError);
    assert.equal(error.option, "--password");
    assert.match(error.message, /does not take the password itself/);
    assert.match(error.message, /process list/);
    assert.match(error.message, /--password-env VAR, --password-file FILE, --secret-arn ARN or the prompt/);
    assert.doesNotMatch(error.message, /Canary/);
  });

  test("rejects an invalid variable name without quoting it", () => {
    const error = catchError(() => passwordSource({ interactive: false, passwordEnv: CANARY }));
    assert.match(error.message, /pass the name of an environment variable/);
    assert.doesNotMatch(error.message, /Canary/);
  });

  test("rejects two sources", () => {
    const error = catchError(() => passwordSource({ interactive: false, passwordEnv: "A", passwordFile: "b" }));
    assert.match(error.message, /--password-env, --password-file each give the password; pass only one/);
  });

  test("rejects no source without a terminal", () => {
    const error = catchError(() => passwordSource({ interactive: false }));
    assert.match(error.message, /no password given/);
    assert.match(error.message, /not a terminal/);
  });

  test("rejects an ARN of another service", () => {
    const error = catchError(() => passwordSource({ interactive: false, secretArn: "arn:aws:kms:eu-west-1:111122223333:key/1" }));
    assert.match(error.message, /not a Secrets Manager ARN/);
  });
});

describe("resolveCredentials", () => {
  let aws: FakeAws;
  let dir: string;

  before(async () => {
    aws = await startFakeAws();
    aws.setSecret(ARN, JSON.stringify({ username: "infio_reader", password: CANARY, host: "sql01.corp", port: 1500 }));
    dir = await tempDir("infio-connection-");
  });
  after(() => aws.close());

  const options = () => ({
    env: { SQLPASS: CANARY },
    cwd: dir,
    secretsManager: { region: "eu-west-1", endpoint: aws.endpoint, credentials: TEST_CREDENTIALS },
  });

  test("reads an environment variable", async () => {
    const credentials = await resolveCredentials({ kind: "env", name: "SQLPASS" }, "infio_reader", options());
    assert.equal(credentials.user, "infio_reader");
    assert.equal(credentials.password.reveal(), CANARY);
    assert.equal(credentials.password.origin, "environment variable SQLPASS");
  });

  test("reads an owner-only file", posixOnly, async () => {
    const path = join(dir, "password.txt");
    await writeFile(path, `${CANARY}\n`);
    await chmod(path, 0o600);
    const credentials = await resolveCredentials({ kind: "file", path: "password.txt" }, "sa", options());
    assert.equal(credentials.password.reveal(), CANARY);
  });

  test("rejects a file others can read", posixOnly, async () => {
    const path = join(dir, "shared.txt");
    await writeFile(path, CANARY);
    await chmod(path, 0o644);
    await assert.rejects(
      resolveCredentials({ kind: "file", path }, "sa", options()),
      (error: unknown) => error instanceof SecurityError && error.code === "insecure-permissions" && !error.message.includes(CANARY),
    );
  });

  test("reports a missing variable", async () => {
    await assert.rejects(
      resolveCredentials({ kind: "env", name: "ABSENT" }, "sa", options()),
      (error: unknown) => error instanceof SecurityError && /ABSENT is not set/.test(error.message),
    );
  });

  test("takes user and host from Secrets Manager", async () => {
    const credentials = await resolveCredentials({ kind: "aws-secrets-manager", secretId: ARN }, undefined, options());
    assert.equal(credentials.user, "infio_reader");
    assert.equal(credentials.password.reveal(), CANARY);
    assert.equal(credentials.host, "sql01.corp");
    assert.equal(credentials.port, 1500);
  });

  test("rejects a user that differs from the secret's", async () => {
    await assert.rejects(
      resolveCredentials({ kind: "aws-secrets-manager", secretId: ARN }, "sa", options()),
      (error: unknown) =>
        error instanceof ConnectionSettingsError && /--user 'sa' differs from the user name 'infio_reader'/.test(error.message) && !error.message.includes(CANARY),
    );
  });

  test("lets the secret give the server", async () => {
    const settings = await resolveConnectionSettings({ secretArn: ARN }, { ...options(), interactive: false });

    assert.equal(settings.server.host, "sql01.corp");
    assert.equal(settings.server.port, 1500);
    assert.equal(settings.tls.serverName, "sql01.corp");
    assert.equal(settings.user, "infio_reader");
    assert.equal(settings.password.origin, `AWS Secrets Manager secret '${ARN}'`);
  });

  test("prefers --server to the secret's host", async () => {
    const settings = await resolveConnectionSettings({ secretArn: ARN, server: "sql01-alias" }, { ...options(), interactive: false });
    assert.equal(settings.server.host, "sql01-alias");
  });

  test("needs a user name besides Secrets Manager", async () => {
    await assert.rejects(
      resolveCredentials({ kind: "env", name: "SQLPASS" }, undefined, options()),
      /no user name given: pass --user NAME/,
    );
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  assert.fail("expected an error");
}
