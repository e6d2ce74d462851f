import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { createLogger } from "../../src/cli/log.js";
import { guardContext, RunSecrets, secretsInArguments } from "../../src/cli/run-secrets.js";
import { Secret } from "../../src/security/secrets/secret.js";
import { captureContext } from "./capture.js";

describe("secretsInArguments", () => {
  const cases: [string, string[], string[]][] = [
    ["--password VALUE", ["assess", "--password", "hunter2"], ["hunter2"]],
    ["--password=VALUE", ["assess", "--password=hunter2"], ["hunter2"]],
    ["-P VALUE", ["assess", "-P", "hunter2"], ["hunter2"]],
    ["-PVALUE", ["assess", "-Phunter2"], ["hunter2"]],
    ["a reference", ["assess", "--password", "env:SQLPASS"], []],
    ["a file reference", ["assess", "-P", "file:/run/secrets/sql"], []],
    ["prompt", ["assess", "--password", "prompt"], []],
    ["a Secrets Manager ARN", ["assess", "-P", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:x"], []],
    ["--password-env VAR", ["assess", "--password-env", "SQLPASS"], []],
    ["Password= in a connection string", ["assess", "--connection-string", "Server=s;Password=hunter2;User ID=u"], ["hunter2"]],
    ["quoted Pwd=", ["assess", "--connection-string=Server=s;Pwd='a;b''c'"], ["a;b'c", "'a;b''c'"]],
    ["no password in a connection string", ["assess", "--connection-string", "Server=s;User ID=u"], []],
  ];
  for (const [name, args, expected] of cases) {
    it(`finds ${name}`, () => {
      assert.deepEqual(secretsInArguments(args), expected);
    });
  }
});

describe("RunSecrets", () => {
  it("redacts added values and patterns", () => {
    const secrets = new RunSecrets();
    secrets.add(new Secret("p@ss word", "test"));
    const text = secrets.redact('a p@ss word b p%40ss%20word c "password": "other" d');
    assert.equal(text, 'a [redacted] b [redacted] c "password": "[redacted]" d');
  });

  it("masks values only on standard output", () => {
    const secrets = new RunSecrets();
    secrets.add("hunter2");
    assert.equal(
      secrets.maskValues("CREATE LOGIN x WITH PASSWORD = N'hunter2'"),
      "CREATE LOGIN x WITH PASSWORD = N'[redacted]'",
    );
    assert.equal(secrets.maskValues("WITH PASSWORD = N'<placeholder>'"), "WITH PASSWORD = N'<placeholder>'");
  });

  it("ignores empty values", () => {
    const secrets = new RunSecrets();
    secrets.add("");
    assert.equal(secrets.maskValues("text"), "text");
  });
});

describe("guardContext", () => {
  it("masks secrets added after it was made", () => {
    const ctx = captureContext();
    const secrets = new RunSecrets();
    const guarded = guardContext(ctx, secrets);

    guarded.secrets?.add(new Secret("s3cr3t-value", "test"));
    guarded.stdout.write("out s3cr3t-value\n");
    guarded.stderr.write("err s3cr3t-value password=abc\n");

    assert.deepEqual(ctx.out, ["out [redacted]\n"]);
    assert.deepEqual(ctx.err, ["err [redacted] password=[redacted]\n"]);
  });

  it("keeps the terminal flags of the streams", () => {
    const ctx = captureContext({ stderr: { write: () => true, isTTY: true, columns: 91 } });
    const guarded = guardContext(ctx, new RunSecrets());
    assert.equal(guarded.stderr.isTTY, true);
    assert.equal(guarded.stderr.columns, 91);
  });

  it("redacts log lines through the guarded stream", () => {
    const ctx = captureContext();
    const secrets = new RunSecrets();
    secrets.add("canary-1234");
    const log = createLogger(guardContext(ctx, secrets).stderr, { now: () => new Date(0) });
    log.error("login failed for canary-1234");
    assert.deepEqual(ctx.err, ["1970-01-01T00:00:00.000Z error login failed for [redacted]\n"]);
  });
});
