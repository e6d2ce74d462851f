import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { format, inspect } from "node:util";

import { createRedactor, redactPatterns } from "../../../src/security/secrets/redact.js";
import { Secret } from "../../../src/security/secrets/secret.js";

const CANARY = "Canary-Pa55w0rd!";

describe("Secret", () => {
  const secret = new Secret(CANARY, "environment variable PGPASSWORD");

  it("reveals its value only on request", () => {
    assert.equal(secret.reveal(), CANARY);
    assert.equal(secret.length, CANARY.length);
  });

  it("prints as redacted every way", () => {
    const renderings = [
      String(secret),
      `${secret}`,
      "" + secret,
      JSON.stringify({ password: secret }),
      inspect(secret),
      inspect({ nested: { secret } }, { depth: 5, showHidden: true }),
      format("%s %o %O %j", secret, secret, secret, secret),
      new Error(`login failed with ${secret}`).message,
    ];
    for (const text of renderings) {
      assert.equal(text.includes(CANARY), false, text);
      assert.ok(text.includes("[redacted]"), text);
    }
  });

  it("names its origin when inspected", () => {
    assert.equal(inspect(secret), "Secret([redacted] from environment variable PGPASSWORD)");
  });
});

describe("createRedactor", () => {
  const redact = createRedactor([new Secret(CANARY, "test"), "short"]);

  const cases: [string, string, string][] = [
    ["known value", `login with ${CANARY} failed`, "login with [redacted] failed"],
    ["URL-encoded value", `pw=${encodeURIComponent(CANARY)}`, "pw=[redacted]"],
    ["JSON-escaped value", JSON.stringify({ note: `x${CANARY}"` }), '{"note":"x[redacted]\\""}'],
    ["every occurrence", `${CANARY}/${CANARY}`, "[redacted]/[redacted]"],
    ["short secret", "a short word", "a [redacted] word"],
  ];
  for (const [name, input, expected] of cases) {
    it(`masks a ${name}`, () => {
      assert.equal(redact(input), expected);
    });
  }

  it("ignores empty secrets", () => {
    assert.equal(createRedactor([""])("abc"), "abc");
  });

  it("masks a longer secret before one it contains", () => {
    assert.equal(createRedactor(["abc", "abcdef"])("xabcdefx"), "x[redacted]x");
  });
});

describe("redactPatterns", () => {
  const cases: [string, string][] = [
    ["postgres://infio:s3cret@db.example:5432/infio", "postgres://infio:[redacted]@db.example:5432/infio"],
    ["connect to https://user:p@ss@host/path now", "connect to https://user:[redacted]@host/path now"],
    ["Server=sql1;User Id=sa;Password=Hunter2;Encrypt=true", "Server=sql1;User Id=sa;Password=[redacted];Encrypt=true"],
    ["Server=sql1;PWD='a b;c';", "Server=sql1;PWD=[redacted];"],
    ["password: hunter2 and more", "password: [redacted] and more"],
    ["--db-password=hunter2", "--db-password=[redacted]"],
    ['{"user":"sa","password":"hun\\"ter2"}', '{"user":"sa","password":"[redacted]"}'],
    ['{"client_secret": "abc"}', '{"client_secret": "[redacted]"}'],
    ["AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI", "AWS_SECRET_ACCESS_KEY=[redacted]"],
    ["x-auth-token: abc.def", "x-auth-token: [redacted]"],
  ];
  for (const [input, expected] of cases) {
    it(`masks ${input.slice(0, 30)}`, () => {
      assert.equal(redactPatterns(input), expected);
    });
  }

  const untouched = [
    "http://host:8080/path",
    "unexpected token: SELECT at line 3",
    "secret file '/etc/infio/pw' not found",
    "no credentials here",
  ];
  for (const text of untouched) {
    it(`leaves ${text.slice(0, 30)}`, () => {
      assert.equal(redactPatterns(text), text);
    });
  }
});
