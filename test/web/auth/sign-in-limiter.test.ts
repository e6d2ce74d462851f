import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { SignInLimiter } from "../../../src/web/auth/sign-in-limiter.js";

const LIMITS = {
  perAddress: { max: 4, windowMs: 1000 },
  perName: { max: 2, windowMs: 1000 },
  maxTracked: 100,
};

describe("sign-in limiter", () => {
  it("limits attempts per name", () => {
    const limiter = new SignInLimiter(LIMITS);

    const results = [0, 1, 2].map((i) => limiter.attempt("10.0.0.1", "Alice", i));

    assert.equal(results[0]!.allowed, true);
    assert.equal(results[1]!.allowed, true);
    assert.deepEqual(results[2], { allowed: false, retryAfterMs: 998, limitedBy: "name" });
    assert.equal(limiter.attempt("10.0.0.2", "alice", 3).allowed, false, "names match regardless of case");
  });

  it("limits attempts per address across names", () => {
    const limiter = new SignInLimiter(LIMITS);

    for (const name of ["a", "b", "c", "d"]) {
      assert.equal(limiter.attempt("10.0.0.1", name, 0).allowed, true);
    }
    const fifth = limiter.attempt("10.0.0.1", "e", 10);

    assert.deepEqual(fifth, { allowed: false, retryAfterMs: 990, limitedBy: "address" });
    assert.equal(limiter.attempt("10.0.0.9", "e", 10).allowed, true);
  });

  it("lets attempts in again after the window", () => {
    const limiter = new SignInLimiter(LIMITS);
    limiter.attempt("10.0.0.1", "alice", 0);
    limiter.attempt("10.0.0.1", "alice", 1);

    assert.equal(limiter.attempt("10.0.0.1", "alice", 999).allowed, false);
    assert.equal(limiter.attempt("10.0.0.1", "alice", 1000).allowed, true);
  });

  it("forgets a name after it signed in", () => {
    const limiter = new SignInLimiter(LIMITS);
    limiter.attempt("10.0.0.1", "alice", 0);
    limiter.attempt("10.0.0.1", "alice", 1);

    limiter.forgetName("ALICE");

    assert.equal(limiter.attempt("10.0.0.1", "alice", 2).allowed, true);
  });

  it("keeps at most maxTracked keys", () => {
    const limiter = new SignInLimiter({ ...LIMITS, perName: { max: 1, windowMs: 1000 }, maxTracked: 3 });
    limiter.attempt("10.0.0.1", "first", 0);

    for (let i = 0; i < 5; i++) {
      limiter.attempt(`10.0.1.${i}`, `name${i}`, 1);
    }

    // The oldest window was dropped, so the name may try again.
    assert.equal(limiter.attempt("10.0.0.2", "first", 2).allowed, true);
  });
});
