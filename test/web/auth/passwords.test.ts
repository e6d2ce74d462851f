import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { parseOptions } from "@node-rs/argon2";

import {
  checkNewPassword,
  DEFAULT_ARGON2_COST,
  MIN_PASSWORD_LENGTH,
  PasswordHasher,
} from "../../../src/web/auth/passwords.js";

describe("password hasher", () => {
  it("hashes with argon2id at the default cost", async () => {
    const hash = await new PasswordHasher().hash("correct horse battery staple");

    const options = parseOptions(hash);

    assert.match(hash, /^\$argon2id\$v=19\$/);
    assert.equal(options.memoryCost, DEFAULT_ARGON2_COST.memoryCost);
    assert.equal(options.timeCost, DEFAULT_ARGON2_COST.timeCost);
    assert.equal(options.parallelism, DEFAULT_ARGON2_COST.parallelism);
    assert.equal(options.saltLen, 16);
  });

  it("uses a new salt for each hash", async () => {
    const hasher = new PasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

    const first = await hasher.hash("same password here");
    const second = await hasher.hash("same password here");

    assert.notEqual(first, second);
  });

  it("verifies the right password only", async () => {
    const hasher = new PasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
    const hash = await hasher.hash("right password 1");

    assert.equal(await hasher.verify(hash, "right password 1"), true);
    assert.equal(await hasher.verify(hash, "right password 2"), false);
    assert.equal(await hasher.verify(hash, ""), false);
  });

  it("treats a damaged hash as no match", async () => {
    const hasher = new PasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

    assert.equal(await hasher.verify("not a hash", "anything at all"), false);
  });

  it("verifies hashes made at another cost", async () => {
    const cheap = new PasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
    const hash = await cheap.hash("moved between costs");

    assert.equal(await new PasswordHasher().verify(hash, "moved between costs"), true);
  });

  it("runs concurrent hashes to completion", async () => {
    const hasher = new PasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

    const hashes = await Promise.all(Array.from({ length: 6 }, (_, i) => hasher.hash(`password number ${i}`)));
    const checks = await Promise.all(hashes.map((hash, i) => hasher.verify(hash, `password number ${i}`)));

    assert.deepEqual(checks, [true, true, true, true, true, true]);
  });
});

describe("new password check", () => {
  const cases: [string, RegExp | undefined][] = [
    ["a".repeat(MIN_PASSWORD_LENGTH), undefined],
    ["a".repeat(MIN_PASSWORD_LENGTH - 1), /has 11 characters; use at least 12/],
    ["🔑".repeat(MIN_PASSWORD_LENGTH), undefined],
    ["x".repeat(1025), /use at most 1024/],
    [" leading space pw", /white space/],
    ["trailing space pw ", /white space/],
  ];

  for (const [password, expected] of cases) {
    it(`${expected === undefined ? "accepts" : "rejects"} ${JSON.stringify(password.slice(0, 20))}`, () => {
      const problem = checkNewPassword(password);

      if (expected === undefined) {
        assert.equal(problem, undefined);
      } else {
        assert.match(problem ?? "", expected);
      }
    });
  }
});
