import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  formatEndpoint,
  parseServerAddress,
  type ServerAddress,
} from "../../../../src/sources/sqlserver/connection/server-address.js";
import { ConnectionSettingsError } from "../../../../src/sources/sqlserver/connection/settings-error.js";

describe("parseServerAddress", () => {
  const accepted: [string, Omit<ServerAddress, "text">][] = [
    ["sql01", { host: "sql01", port: 1433, instance: undefined }],
    ["sql01.corp.example.com", { host: "sql01.corp.example.com", port: 1433, instance: undefined }],
    ["sql01,14330", { host: "sql01", port: 14330, instance: undefined }],
    [" sql01 , 14330 ", { host: "sql01", port: 14330, instance: undefined }],
    ["sql01\\PROD", { host: "sql01", port: undefined, instance: "PROD" }],
    ["sql01\\PROD,50123", { host: "sql01", port: 50123, instance: "PROD" }],
    ["tcp:sql01,1433", { host: "sql01", port: 1433, instance: undefined }],
    ["TCP:sql01\\PROD", { host: "sql01", port: undefined, instance: "PROD" }],
    ["10.1.2.3", { host: "10.1.2.3", port: 1433, instance: undefined }],
    ["10.1.2.3,1500", { host: "10.1.2.3", port: 1500, instance: undefined }],
    ["[::1]", { host: "::1", port: 1433, instance: undefined }],
    ["[2001:db8::5],1500", { host: "2001:db8::5", port: 1500, instance: undefined }],
    ["tcp:[fe80::1]\\SQL2022", { host: "fe80::1", port: undefined, instance: "SQL2022" }],
    ["2001:db8::5", { host: "2001:db8::5", port: 1433, instance: undefined }],
    [".", { host: "localhost", port: 1433, instance: undefined }],
    ["(local)\\SQLEXPRESS", { host: "localhost", port: undefined, instance: "SQLEXPRESS" }],
    ["sql_legacy01", { host: "sql_legacy01", port: 1433, instance: undefined }],
  ];
  for (const [text, expected] of accepted) {
    test(`accepts ${text.trim()}`, () => {
      assert.deepEqual(parseServerAddress(text), { text: text.trim(), ...expected });
    });
  }

  const rejected: [string, RegExp][] = [
    ["", /it is empty; pass HOST, HOST,PORT/],
    ["sql01,0", /port '0' is not a number from 1 to 65535/],
    ["sql01,70000", /port '70000' is not a number from 1 to 65535/],
    ["sql01,abc", /port 'abc' is not a number/],
    ["sql01:1433", /separates the port with a comma; pass 'sql01,1433'/],
    ["sql01\\", /instance name '' is not valid/],
    ["sql01\\PR OD", /instance name 'PR OD' is not valid; pass the instance name alone/],
    ["sql01\\PROD\\X", /instance name 'PROD\\X' is not valid/],
    ["\\PROD", /the host name is missing/],
    ["np:\\\\sql01\\pipe\\sql\\query", /named pipes and shared memory are not supported/],
    ["lpc:sql01", /named pipes and shared memory are not supported/],
    ["admin:sql01", /dedicated administrator connection/],
    ["[sql01]", /'sql01' in brackets is not an IPv6 address/],
    ["sql 01", /'sql 01' is not a host name or IP address/],
    ["-sql01", /'-sql01' is not a host name/],
  ];
  for (const [text, message] of rejected) {
    test(`rejects '${text}'`, () => {
      assert.throws(
        () => parseServerAddress(text),
        (error: unknown) => {
          assert.ok(error instanceof ConnectionSettingsError);
          assert.equal(error.option, "--server");
          assert.match(error.message, message);
          assert.ok(error.message.includes(`'${text}'`), "the message quotes the value");
          return true;
        },
      );
    });
  }

  test("names the option in messages", () => {
    assert.throws(() => parseServerAddress("a,b", "--connection-string Server"), /invalid --connection-string Server 'a,b'/);
  });
});

describe("formatEndpoint", () => {
  test("brackets IPv6 addresses", () => {
    assert.equal(formatEndpoint(parseServerAddress("[::1],1500")), "[::1],1500");
  });

  test("shows an instance without a port", () => {
    assert.equal(formatEndpoint(parseServerAddress("sql01\\PROD")), "sql01\\PROD");
  });
});
