import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { backoffDelay } from "../../../../src/sources/sqlserver/connection/retry.js";

describe("backoffDelay", () => {
  const settings = { count: 5, baseDelayMs: 500, maxDelayMs: 3_000 };

  test("doubles the delay for each retry", () => {
    const highest = [1, 2, 3].map((retry) => backoffDelay(settings, retry, () => 0.999_999));
    assert.deepEqual(highest, [500, 1000, 2000]);
  });

  test("drops at most half the delay", () => {
    const lowest = [1, 2, 3].map((retry) => backoffDelay(settings, retry, () => 0));
    assert.deepEqual(lowest, [250, 500, 1000]);
  });

  test("caps the delay", () => {
    assert.equal(backoffDelay(settings, 10, () => 0.999_999), 3_000);
    assert.equal(backoffDelay(settings, 10, () => 0), 1_500);
  });
});
