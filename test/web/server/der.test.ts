import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  derBitString,
  derBoolean,
  derElement,
  derInteger,
  derObjectIdentifier,
  derSequence,
  derTime,
} from "../../../src/web/server/tls/der.js";

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

describe("DER encoder", () => {
  const integers: [number | string, string][] = [
    [0, "020100"],
    [127, "02017f"],
    [128, "02020080"],
    [256, "02020100"],
    [65537, "0203010001"],
    ["00000001", "020101"],
    ["ff00", "020300ff00"],
  ];
  for (const [value, expected] of integers) {
    it(`encodes the integer ${value}`, () => {
      const input = typeof value === "number" ? value : Buffer.from(value, "hex");
      assert.equal(hex(derInteger(input)), expected);
    });
  }

  it("rejects negative integers", () => {
    assert.throws(() => derInteger(-1), /non-negative safe integer/);
  });

  it("encodes object identifiers", () => {
    assert.equal(hex(derObjectIdentifier("1.2.840.113549")), "06062a864886f70d");
    assert.equal(hex(derObjectIdentifier("2.5.4.3")), "0603550403");
    assert.equal(hex(derObjectIdentifier("1.2.840.10045.4.3.2")), "06082a8648ce3d040302");
    assert.throws(() => derObjectIdentifier("1"), /invalid object identifier/);
  });

  it("encodes lengths in short and long form", () => {
    assert.equal(hex(derElement(0x04, Buffer.alloc(127))).slice(0, 4), "047f");
    assert.equal(hex(derElement(0x04, Buffer.alloc(128))).slice(0, 6), "048180");
    assert.equal(hex(derElement(0x04, Buffer.alloc(256))).slice(0, 8), "04820100");
    assert.equal(hex(derElement(0x04, Buffer.alloc(70_000))).slice(0, 10), "0483011170");
  });

  it("encodes booleans, bit strings and sequences", () => {
    assert.equal(hex(derBoolean(true)), "0101ff");
    assert.equal(hex(derBoolean(false)), "010100");
    assert.equal(hex(derBitString(Buffer.from([0x80]), 7)), "03020780");
    assert.equal(hex(derSequence()), "3000");
    assert.equal(hex(derSequence(derBoolean(true), derInteger(1))), "30060101ff020101");
  });

  it("uses UTCTime before 2050 and GeneralizedTime after", () => {
    assert.equal(
      Buffer.from(derTime(new Date("2049-12-31T23:59:59.999Z"))).toString("latin1"),
      "\x17\x0d491231235959Z",
    );
    assert.equal(
      Buffer.from(derTime(new Date("2050-01-01T00:00:00Z"))).toString("latin1"),
      "\x18\x0f20500101000000Z",
    );
  });
});
