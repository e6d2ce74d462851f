/**
 * `infio collect --out PATH`: a path that cannot take the bundle fails
 * with exit code 2 before infio connects, instead of after the whole
 * collection. The fixture SQL Server counts the connections it accepts.
 */

import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import { createKeyFile } from "../../src/security/keys/key-file.js";
import { FIXTURE_LOGIN, startFixtureServer, type RunningFixtureServer } from "../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../helpers/sqlserver-fixture/kestrel/index.js";
import { captureContext } from "./capture.js";

describe("infio collect --out", () => {
  let server: RunningFixtureServer;
  let work: string;
  let caFile: string;
  let keyFile: string;

  before(async () => {
    server = await startFixtureServer(kestrelServer());
    work = mkdtempSync(join(tmpdir(), "infio-collect-out-"));
    caFile = join(work, "ca.pem");
    writeFileSync(caFile, server.certificates.ca);
    keyFile = join(work, "master.key");
    const created = await createKeyFile(keyFile);
    assert.ok(created.ok);
    mkdirSync(join(work, "folder"));
    writeFileSync(join(work, "file.txt"), "");
  });
  after(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function collect(out: string) {
    const ctx = captureContext({ cwd: work, env: { SQL_PASSWORD: FIXTURE_LOGIN.password } });
    const code = await main(
      [
        "collect", "--server", `${server.tds.host},${server.tds.port}`, "--user", FIXTURE_LOGIN.userName,
        "--password-env", "SQL_PASSWORD", "--tls-ca", caFile, "--server-name", "localhost",
        "--key-file", keyFile, "--data-dir", join(work, "data"), "--out", out, "--quiet",
      ],
      ctx,
    );
    return { code, err: ctx.err.join(""), out: ctx.out.join("") };
  }

  const rejected: [name: string, out: string, fragment: string][] = [
    ["an existing folder", "folder", "it is a folder; pass --out with the path of a file, for example"],
    ["a path in a missing folder", "missing/sql01.infio", "folder '"],
    ["a path below a file", "file.txt/sql01.infio", "is not a folder"],
  ];
  for (const [name, out, fragment] of rejected) {
    it(`rejects ${name} before connecting`, async () => {
      const connections = server.tds.connections.length;
      const result = await collect(out);
      assert.equal(result.code, 2, result.err);
      assert.ok(result.err.includes(`cannot write the bundle to '${join(work, out)}'`), result.err);
      assert.ok(result.err.includes(fragment), result.err);
      assert.equal(server.tds.connections.length, connections, "infio connected to the server");
    });
  }

  it("leaves no probe file behind and writes the bundle to a good path", async () => {
    const result = await collect("sql01.infio");
    assert.equal(result.code, 0, result.err);
    assert.equal(result.out, `bundle ${join(work, "sql01.infio")}\n`);
    assert.ok(existsSync(join(work, "sql01.infio")));
    assert.deepEqual(readdirSync(work).filter((name) => name.startsWith(".")), []);
  });
});
