import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  checkConnection,
  checkPassword,
  ConnectionValidationError,
  serverText,
  type ConnectionInput,
} from "../../../src/web/connections/connection-input.js";

const VALID: ConnectionInput = { name: "Production", server: "sql01.corp.example", user: "infio_reader" };

function validationError(action: () => unknown): ConnectionValidationError {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof ConnectionValidationError, `expected a ConnectionValidationError, got ${String(error)}`);
    return error;
  }
  assert.fail("the input was accepted");
}

describe("connection input", () => {
  it("fills in the defaults", () => {
    const checked = checkConnection(VALID);
    assert.deepEqual(checked, {
      name: "Production",
      serverHost: "sql01.corp.example",
      serverPort: 1433,
      serverInstance: undefined,
      databases: [],
      login: "infio_reader",
      tlsMode: "on",
      tlsCaFile: undefined,
      tlsServerName: undefined,
      trustServerCertificate: false,
    });
  });

  it("reads every --server form", () => {
    const cases: [ConnectionInput, string, number | undefined, string | undefined][] = [
      [{ server: "sql01,14330" }, "sql01", 14330, undefined],
      [{ server: "sql01\\PROD" }, "sql01", undefined, "PROD"],
      [{ server: "tcp:sql01\\PROD,1500" }, "sql01", 1500, "PROD"],
      [{ server: "sql01", port: "2433" }, "sql01", 2433, undefined],
      [{ server: "sql01", port: 2433, instance: "PROD" }, "sql01", 2433, "PROD"],
      [{ server: "[::1],1433" }, "::1", 1433, undefined],
      [{ server: "::1", port: "1500" }, "::1", 1500, undefined],
      [{ server: "  10.0.0.5  ", port: "", instance: " " }, "10.0.0.5", 1433, undefined],
    ];
    for (const [server, host, port, instance] of cases) {
      const checked = checkConnection({ ...VALID, ...server });
      const label = JSON.stringify(server);
      assert.equal(checked.serverHost, host, label);
      assert.equal(checked.serverPort, port, label);
      assert.equal(checked.serverInstance, instance, label);
    }
  });

  it("formats the stored address back", () => {
    assert.equal(serverText({ serverHost: "sql01", serverPort: 1433, serverInstance: undefined }), "sql01,1433");
    assert.equal(serverText({ serverHost: "sql01", serverPort: undefined, serverInstance: "PROD" }), "sql01\\PROD");
    assert.equal(serverText({ serverHost: "::1", serverPort: 1500, serverInstance: undefined }), "[::1],1500");
  });

  it("cleans the database list", () => {
    const checked = checkConnection({ ...VALID, databases: [" Sales ", "", "sales", "HR", "  "] });
    assert.deepEqual(checked.databases, ["Sales", "HR"]);
  });

  it("names field and value in errors", () => {
    const cases: [ConnectionInput, string, string, RegExp][] = [
      [{ name: "" }, "name", "", /missing name/],
      [{ name: "x".repeat(101) }, "name", "x".repeat(101), /over the limit of 100/],
      [{ name: "bad\u0007name" }, "name", "bad\u0007name", /invalid name 'bad\\x07name': it contains control characters/],
      [{ server: "" }, "server", "", /missing server/],
      [{ server: "sql01:1433" }, "server", "sql01:1433", /invalid server 'sql01:1433': SQL Server separates the port with a comma/],
      [{ server: "np:sql01" }, "server", "np:sql01", /named pipes/],
      [{ server: "sql01,1433", port: "1500" }, "port", "1500", /names a port already/],
      [{ server: "sql01\\A", instance: "B" }, "instance", "B", /names an instance already/],
      [{ port: "70000" }, "port", "70000", /invalid port '70000': give a TCP port from 1 to 65535/],
      [{ port: "12ab" }, "port", "12ab", /invalid port '12ab'/],
      [{ instance: "PROD;x" }, "instance", "PROD;x", /invalid instance 'PROD;x'/],
      [{ user: " " }, "user", " ", /missing user/],
      [{ tlsMode: "off" }, "tlsMode", "off", /invalid tlsMode 'off': infio always encrypts/],
      [{ caFile: "ca.pem" }, "caFile", "ca.pem", /invalid caFile 'ca\.pem': give the absolute path/],
      [{ serverName: "a b" }, "serverName", "a b", /invalid serverName 'a b': it contains white space/],
      [{ databases: ["ok", "d".repeat(129)] }, "databases", "d".repeat(129), /over the limit of 128/],
      [
        { caFile: "/etc/ca.pem", trustServerCertificate: true },
        "trustServerCertificate",
        "true",
        /contradicts the CA file '\/etc\/ca\.pem'/,
      ],
    ];
    for (const [change, field, value, message] of cases) {
      const error = validationError(() => checkConnection({ ...VALID, ...change }));
      const label = JSON.stringify(change);
      assert.equal(error.field, field, label);
      assert.equal(error.value, value, label);
      assert.match(error.message, message, label);
    }
  });

  it("checks a password without repeating it", () => {
    assert.equal(checkPassword(undefined), undefined);
    assert.equal(checkPassword(""), undefined);
    assert.equal(checkPassword(" spaces are kept "), " spaces are kept ");

    for (const bad of ["x".repeat(129), "line\nbreak"]) {
      const error = validationError(() => checkPassword(bad));
      assert.equal(error.field, "password");
      assert.equal(error.value, undefined);
      assert.equal(error.message.includes(bad), false);
    }
  });
});
