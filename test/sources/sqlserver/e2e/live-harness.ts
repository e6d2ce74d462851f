/**
 * Helpers of the live-server end-to-end tests. They run the real `infio`
 * in a child process (bin/infio.js, with mssql and tedious) against the
 * fixture SQL Server on 127.0.0.1, with the embedded store in a temporary
 * data folder, the test CA in a file and a master key for bundles.
 */

import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { Assessment } from "../../../../src/assessment/model.js";
import { openKeyFile } from "../../../../src/security/keys/key-file.js";
import { openStore } from "../../../../src/store/open-store.js";
import type { AssessmentListing } from "../../../../src/store/store.js";
import {
  FIXTURE_LOGIN,
  startFixtureServer,
  type FixtureServer,
  type RunningFixtureServer,
} from "../../../helpers/sqlserver-fixture/index.js";
import type { TdsTestServerOptions } from "../../../helpers/tds-server/index.js";

const REPO = fileURLToPath(new URL("../../../../../", import.meta.url));
const BIN = join(REPO, "bin", "infio.js");

/** The environment variable that carries the fixture login's password. */
export const PASSWORD_VARIABLE = "INFIO_TEST_SQL_PASSWORD";

export interface InfioRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface StartedInfio {
  readonly child: ChildProcess;
  readonly finished: Promise<InfioRun>;
}

/** A temporary folder with a data folder, the test CA and a key file. */
export class LiveWorkspace {
  readonly root = mkdtempSync(join(tmpdir(), "infio-live-e2e-"));
  readonly home = join(this.root, "home");
  readonly caFile = join(this.root, "test-ca.pem");
  readonly keyFile = join(this.root, "master.key");

  /** Writes the CA and, for bundles, creates the key file with `infio keys init`. */
  async prepare(ca: string, options: { keyFile?: boolean } = {}): Promise<void> {
    writeFileSync(this.caFile, ca);
    if (options.keyFile === true) {
      const created = await this.infio(["keys", "init", "--key-file", this.keyFile]);
      assert.equal(created.code, 0, created.stderr);
    }
  }

  /** Runs bin/infio.js with the data folder and the password variable set. */
  infio(args: readonly string[], env: Record<string, string> = {}): Promise<InfioRun> {
    return this.start(args, env).finished;
  }

  /** Starts bin/infio.js as `infio` does, and returns the child process to signal. */
  start(args: readonly string[], env: Record<string, string> = {}): StartedInfio {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: this.root,
      env: { ...process.env, INFIO_HOME: this.home, [PASSWORD_VARIABLE]: FIXTURE_LOGIN.password, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const finished = new Promise<InfioRun>((resolve, reject) => {
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
    return { child, finished };
  }

  /** Lists every assessment in the embedded store, failed ones included. */
  async listings(): Promise<AssessmentListing[]> {
    const opened = await openStore("embedded", { dataDir: this.home });
    if (!opened.ok) {
      throw opened.error;
    }
    try {
      return await opened.store.listAssessments();
    } finally {
      await opened.store.close();
    }
  }

  /**
   * Reads a stored assessment. One assessed with `--key-file KEYFILE` (a
   * bundle's) has its data key wrapped by that key file, the others by the
   * data folder's own.
   */
  async assessment(id: string): Promise<Assessment> {
    const record = JSON.parse(readFileSync(join(this.home, "keys", `${id}.json`), "utf8")) as {
      master: { keyId: string };
    };
    const own = await openKeyFile(this.keyFile);
    const wrappedByKeyFile = own.ok && own.value.provider.ref.keyId === record.master.keyId;
    const keys = wrappedByKeyFile ? { keys: { keyFile: this.keyFile } } : {};
    const opened = await openStore("embedded", { dataDir: this.home, ...keys });
    if (!opened.ok) {
      throw opened.error;
    }
    try {
      const found = await opened.store.getAssessment(id);
      assert.ok(found, `assessment ${id} is not in the store`);
      return found;
    } finally {
      await opened.store.close();
    }
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Starts the fixture server; `tls` and the like override its defaults. */
export function startServer(
  fixture: FixtureServer,
  options: Partial<TdsTestServerOptions> = {},
): Promise<RunningFixtureServer> {
  return startFixtureServer(fixture, options);
}

/** The `--server` value of a running fixture server. */
export function addressOf(server: RunningFixtureServer): string {
  return `${server.tds.host},${server.tds.port}`;
}

/**
 * The connection options for the fixture server: the fixture login, the
 * password from the environment and the test CA, checked for `localhost`.
 */
export function connectionArgs(
  server: RunningFixtureServer,
  workspace: LiveWorkspace,
  extra: readonly string[] = [],
): string[] {
  return [
    "--server",
    addressOf(server),
    "--user",
    FIXTURE_LOGIN.userName,
    "--password-env",
    PASSWORD_VARIABLE,
    "--tls-ca",
    workspace.caFile,
    "--server-name",
    "localhost",
    ...extra,
  ];
}

/** Returns the assessment id that `infio assess` printed. */
export function assessmentIdOf(run: InfioRun): string {
  const match = /^assessment (\S+)/m.exec(run.stdout);
  assert.ok(match, `no assessment id in stdout: ${run.stdout}\n${run.stderr}`);
  return match[1]!;
}

/**
 * Asserts that a run failed with exit code 1, that its error names the
 * server and the database, and that the store contains no assessment at all.
 */
export async function assertFailedWithNothingStored(
  run: InfioRun,
  workspace: LiveWorkspace,
  server: string,
  database: string,
): Promise<void> {
  assert.equal(run.code, 1, run.stderr);
  assert.ok(run.stderr.includes(`'${server}'`), `stderr does not name server '${server}':\n${run.stderr}`);
  assert.ok(run.stderr.includes(`'${database}'`), `stderr does not name database '${database}':\n${run.stderr}`);
  assert.deepEqual(await workspace.listings(), []);
}
