import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { ByteReader } from "../helpers/tds-server/byte-reader.js";
import { ByteWriter } from "../helpers/tds-server/byte-writer.js";
import { deobfuscatePassword } from "../helpers/tds-server/login7.js";
import {
  encodePackets,
  MessageAssembler,
  type TdsMessage,
} from "../helpers/tds-server/packets.js";
import {
  Encrypt,
  negotiateEncryption,
  type EncryptionOutcome,
  type ServerEncryption,
} from "../helpers/tds-server/prelogin.js";
import { parseSqlType } from "../helpers/tds-server/type-info.js";
import { readValue, writeValue, type SqlValue } from "../helpers/tds-server/values.js";

describe("PRELOGIN encryption table", () => {
  const cases: Array<[number, ServerEncryption, number, EncryptionOutcome]> = [
    [Encrypt.off, "off", Encrypt.off, "login-only"],
    [Encrypt.off, "on", Encrypt.required, "full"],
    [Encrypt.off, "not-supported", Encrypt.notSupported, "none"],
    [Encrypt.on, "off", Encrypt.on, "full"],
    [Encrypt.on, "on", Encrypt.on, "full"],
    [Encrypt.on, "not-supported", Encrypt.notSupported, "rejected"],
    [Encrypt.required, "off", Encrypt.on, "full"],
    [Encrypt.notSupported, "off", Encrypt.notSupported, "none"],
    [Encrypt.notSupported, "on", Encrypt.required, "rejected"],
    [Encrypt.notSupported, "not-supported", Encrypt.notSupported, "none"],
  ];

  for (const [client, server, reply, outcome] of cases) {
    test(`client ${client} with server ${server}`, () => {
      assert.deepEqual(negotiateEncryption(client, server), { reply, outcome });
    });
  }
});

test("password de-obfuscation reverses the client's", () => {
  const plain = Buffer.from("Pässw0rd!", "utf16le");
  const obfuscated = Buffer.from(
    plain.map((byte) => (((byte << 4) & 0xf0) | (byte >> 4)) ^ 0xa5),
  );

  assert.equal(deobfuscatePassword(obfuscated), "Pässw0rd!");
});

describe("message assembler", () => {
  test("joins packets split at any byte", () => {
    const payload = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
    const bytes = encodePackets(0x01, payload, 512, 0);
    const messages: TdsMessage[] = [];
    const assembler = new MessageAssembler((message) => messages.push(message));

    for (let offset = 0; offset < bytes.length; offset += 7) {
      assembler.push(bytes.subarray(offset, offset + 7));
    }

    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.type, 0x01);
    assert.deepEqual(messages[0]!.payload, payload);
    assert.equal(assembler.idle, true);
  });

  test("drops a message with the IGNORE bit", () => {
    const bytes = encodePackets(0x01, Buffer.from("abc"), 512, 0);
    bytes[1] = 0x01 | 0x02;
    const messages: TdsMessage[] = [];
    new MessageAssembler((message) => messages.push(message)).push(bytes);

    assert.deepEqual(messages, []);
  });

  test("rejects a packet shorter than its header", () => {
    const assembler = new MessageAssembler(() => {});
    const bytes = Buffer.from([0x01, 0x01, 0x00, 0x04, 0, 0, 1, 0]);

    assert.throws(() => assembler.push(bytes), /Invalid packet length 4/);
  });
});

describe("value round trip", () => {
  const cases: Array<[string, SqlValue, SqlValue]> = [
    ["int", -7, -7],
    ["bigint", 2n ** 62n, 2n ** 62n],
    ["tinyint", 255, 255],
    ["decimal(38, 4)", "-1234567890123456789012.5678", "-1234567890123456789012.5678"],
    ["decimal(5, 2)", 0.5, "0.50"],
    ["money", "12.3456", 12.3456],
    ["datetime2(7)", new Date("2020-05-06T07:08:09.123Z"), new Date("2020-05-06T07:08:09.123Z")],
    ["datetime", new Date("1999-01-01T10:00:00.000Z"), new Date("1999-01-01T10:00:00.000Z")],
    ["date", new Date("0001-01-01T00:00:00Z"), new Date("0001-01-01T00:00:00Z")],
    ["uniqueidentifier", "01234567-89ab-cdef-0123-456789abcdef", "01234567-89AB-CDEF-0123-456789ABCDEF"],
    ["nvarchar(max)", "x".repeat(70_000), "x".repeat(70_000)],
    ["varchar(10)", "café", "café"],
    ["varbinary(max)", null, null],
    ["int", null, null],
  ];

  for (const [type, written, read] of cases) {
    test(`${type} ${String(written).slice(0, 24)}`, () => {
      const info = parseSqlType(type);
      const writer = new ByteWriter();
      writeValue(writer, info, written);
      const reader = new ByteReader(writer.toBuffer());

      assert.deepEqual(readValue(reader, info), read);
      assert.equal(reader.remaining, 0);
    });
  }

  test("out-of-range integer is rejected", () => {
    const writer = new ByteWriter();

    assert.throws(() => writeValue(writer, parseSqlType("smallint"), 40_000), /Invalid smallint value "40000"/);
  });

  test("unknown type name is rejected", () => {
    assert.throws(() => parseSqlType("geography"), /Unsupported column type "geography"/);
  });
});
