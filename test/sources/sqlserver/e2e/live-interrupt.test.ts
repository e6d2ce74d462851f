/**
 * `infio assess --server` and `infio collect` stopped by a signal while a
 * catalog query runs. The query is cancelled at once with an ATTENTION
 * instead of running on until its statement timeout of an hour. The run
 * exits with 130 (SIGINT) or 143 (SIGTERM), stores nothing and writes no
 * bundle. Also the usage error for a Database= that --database
 * contradicts.
 */

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import type { RunningFixtureServer } from "../../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { eventually } from "../connection/live-server.js";
import { addressOf, connectionArgs, LiveWorkspace, PASSWORD_VARIABLE, startServer } from "./live-harness.js";

const HANGING = "collector.modules";

/** Far below the statement timeout, so a query left running fails the test. */
const GUARD = { timeout: 90_000 };

describe("live runs stopped by a signal", { concurrency: false }, () => {
  const workspace = new LiveWorkspace();
  let server: RunningFixtureServer;

  before(async () => {
    server = await startServer({ ...kestrelServer(), faults: { hangingQueries: [HANGING] } });
    await workspace.prepare(server.certificates.ca, { keyFile: true });
  });
  after(async () => {
    await server?.close();
    workspace.remove();
  });

  function hangingQueries() {
    return server.tds.queries.filter((query) => query.sql.startsWith(`/* infio:${HANGING} */`));
  }

  /** Starts infio, sends `signal` once the hanging query runs, and returns how the run ended. */
  async function interrupt(args: readonly string[], signal: NodeJS.Signals) {
    const seen = hangingQueries().length;
    const started = workspace.start(args);
    try {
      // infio starts in a second or so, longer on a busy machine; the
      // test's own timeout bounds the wait.
      while (hangingQueries().length <= seen && started.child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.ok(hangingQueries().length > seen, `infio ended before query ${HANGING} ran`);
      started.child.kill(signal);
      const run = await started.finished;
      await eventually(() => hangingQueries()[seen]?.cancelled === true, "an ATTENTION for the hanging query");
      return run;
    } finally {
      if (started.child.exitCode === null && started.child.signalCode === null) {
        started.child.kill("SIGKILL");
        await started.finished;
      }
    }
  }

  it("assess exits with 130 on SIGINT and stores nothing", GUARD, async () => {
    const run = await interrupt(
      ["assess", ...connectionArgs(server, workspace, ["--timeout", "3600"]), "--out", join(workspace.root, "report")],
      "SIGINT",
    );

    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stderr, /SIGINT received; stopping/);
    assert.deepEqual(await workspace.listings(), []);
  });

  it("collect exits with 143 on SIGTERM and writes no bundle", GUARD, async () => {
    const bundle = join(workspace.root, "out.infio");
    const run = await interrupt(
      [
        "collect", ...connectionArgs(server, workspace, ["--timeout", "3600"]),
        "--out", bundle, "--key-file", workspace.keyFile,
      ],
      "SIGTERM",
    );

    assert.equal(run.code, 143, run.stderr);
    assert.equal(existsSync(bundle), false);
  });

  it("rejects a Database= that --database contradicts", async () => {
    const run = await workspace.infio([
      "assess",
      "--connection-string", `Server=${addressOf(server)};Database=Archive`,
      "--database", "KestrelColdChain",
      "--user", "infio_reader", "--password-env", PASSWORD_VARIABLE,
      "--tls-ca", workspace.caFile, "--server-name", "localhost",
      "--out", join(workspace.root, "r-conflict"),
    ]);

    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /--database 'KestrelColdChain' differs from Database=Archive in --connection-string/);
    assert.deepEqual(await workspace.listings(), []);
  });
});
