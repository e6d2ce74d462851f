/**
 * The faults that fail `infio assess --server` and `infio collect`: a
 * certificate for another host, an untrusted certificate, a wrong
 * password, a connection dropped while the modules stream and a query
 * that never answers. Each run must exit with 1, name the server and the
 * database, and leave nothing in the store (and no bundle).
 */

import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import type { FixtureServer, RunningFixtureServer } from "../../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import {
  testCertificates,
  type TdsTestServerOptions,
  type TestCertificates,
} from "../../../helpers/tds-server/index.js";
import {
  addressOf,
  assertFailedWithNothingStored,
  connectionArgs,
  LiveWorkspace,
  PASSWORD_VARIABLE,
  startServer,
  type InfioRun,
} from "./live-harness.js";

interface Fault {
  readonly name: string;
  readonly fixture: FixtureServer;
  readonly server?: (certificates: TestCertificates) => Partial<TdsTestServerOptions>;
  readonly args?: readonly string[];
  readonly env?: Record<string, string>;
  /** The database the error must name. */
  readonly database: string;
  /** A fragment of the error that names what failed. */
  readonly reason: RegExp;
}

const FAULTS: readonly Fault[] = [
  {
    name: "a certificate for another host",
    fixture: kestrelServer(),
    server: (certificates) => ({ tls: certificates.wrongHost }),
    database: "master",
    reason: /certificate|host name|altnames/i,
  },
  {
    name: "an untrusted certificate",
    fixture: kestrelServer(),
    server: (certificates) => ({ tls: certificates.untrusted }),
    database: "master",
    reason: /certificate/i,
  },
  {
    name: "a wrong password",
    fixture: kestrelServer(),
    env: { [PASSWORD_VARIABLE]: "wrong horse" },
    database: "master",
    reason: /login failed/i,
  },
  {
    name: "a connection dropped while the modules stream",
    fixture: { ...kestrelServer(), faults: { dropConnection: { "collector.modules": 2 } } },
    database: "KestrelColdChain",
    reason: /connection/i,
  },
  {
    name: "a query that hangs",
    fixture: { ...kestrelServer(), faults: { hangingQueries: ["collector.modules"] } },
    args: ["--timeout", "1"],
    database: "KestrelColdChain",
    reason: /time/i,
  },
];

describe("live-server faults, end to end", { concurrency: false }, () => {
  for (const fault of FAULTS) {
    describe(fault.name, { concurrency: false }, () => {
      const workspace = new LiveWorkspace();
      let server: RunningFixtureServer;

      before(async () => {
        server = await startServer(fault.fixture, fault.server?.(await testCertificates()) ?? {});
        await workspace.prepare(server.certificates.ca, { keyFile: true });
      });
      after(async () => {
        await server?.close();
        workspace.remove();
      });

      function assertReason(run: InfioRun): void {
        assert.match(run.stderr, fault.reason);
        assert.equal(run.stderr.includes("correct horse"), false);
      }

      it("assess exits with 1 and stores nothing", async () => {
        const out = join(workspace.root, "report");
        const run = await workspace.infio(
          ["assess", ...connectionArgs(server, workspace, fault.args ?? []), "--out", out],
          fault.env ?? {},
        );
        await assertFailedWithNothingStored(run, workspace, addressOf(server), fault.database);
        assertReason(run);
        assert.equal(existsSync(join(out, "assessment.json")), false);
      });

      it("collect exits with 1 and writes no bundle", async () => {
        const bundle = join(workspace.root, "out.infio");
        const run = await workspace.infio(
          [
            "collect", ...connectionArgs(server, workspace, fault.args ?? []),
            "--out", bundle, "--key-file", workspace.keyFile,
          ],
          fault.env ?? {},
        );
        assert.equal(run.code, 1, run.stderr);
        assert.ok(run.stderr.includes(`'${addressOf(server)}'`), run.stderr);
        assert.ok(run.stderr.includes(`'${fault.database}'`), run.stderr);
        assertReason(run);
        assert.equal(existsSync(bundle), false);
        assert.deepEqual(readdirSync(workspace.root).filter((n) => n.includes("out.infio")), []);
      });
    });
  }
});
