/**
 * A throwaway PostgreSQL cluster for tests, created with the server binaries
 * installed on this machine. It listens only on 127.0.0.1 at a free port,
 * keeps its Unix socket in its own temporary directory, and stop() deletes it.
 */
import { execFile, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import pg from "pg";

const run = promisify(execFile);

/** Where Debian's postgresql packages install the server binaries. */
const DEBIAN_ROOT = "/usr/lib/postgresql";

const SUPERUSER = "infio";

export interface PostgresBinaries {
  readonly initdb: string;
  readonly pgCtl: string;
}

export interface PostgresCluster {
  /** URL of the `postgres` database, with the superuser's password. */
  readonly url: string;
  readonly port: number;
  readonly password: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and deletes its directory. */
  stop(): Promise<void>;
}

/** True when the caller explicitly asked to skip tests that need a server. */
export function serverTestsSkipped(): boolean {
  return process.env.INFIO_SKIP_SERVER_TESTS === "1";
}

/**
 * Finds `initdb` and `pg_ctl`: in `INFIO_PG_BIN` when set, otherwise in the
 * newest `/usr/lib/postgresql/<major>/bin`. Throws with the fix when absent.
 */
export function findPostgresBinaries(): PostgresBinaries {
  const candidates: string[] = [];
  if (process.env.INFIO_PG_BIN) {
    candidates.push(process.env.INFIO_PG_BIN);
  } else if (existsSync(DEBIAN_ROOT)) {
    const majors = readdirSync(DEBIAN_ROOT)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...majors.map((major) => join(DEBIAN_ROOT, major, "bin")));
  }

  for (const bin of candidates) {
    const initdb = join(bin, "initdb");
    const pgCtl = join(bin, "pg_ctl");
    if (existsSync(initdb) && existsSync(pgCtl)) {
      return { initdb, pgCtl };
    }
  }

  throw new Error(
    `PostgreSQL server binaries (initdb, pg_ctl) not found in ` +
      `${process.env.INFIO_PG_BIN ?? `${DEBIAN_ROOT}/*/bin`}: install ` +
      "Debian's postgresql package (apt-get install postgresql), or set " +
      "INFIO_PG_BIN to the directory that holds them, or set " +
      "INFIO_SKIP_SERVER_TESTS=1 to skip the PostgreSQL server tests",
  );
}

/** Starts a new cluster; call stop() when done, also after failures. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const binaries = findPostgresBinaries();
  const root = mkdtempSync(join(tmpdir(), "infio-pg-"));
  const owner = serverOwner();
  const dataDir = join(root, "data");
  const socketDir = join(root, "socket");
  const passwordFile = join(root, "password");
  const logFile = join(root, "server.log");
  const password = randomBytes(18).toString("base64url");

  mkdirSync(socketDir);
  writeFileSync(passwordFile, password + "\n", { mode: 0o600 });
  if (owner !== undefined) {
    for (const path of [root, socketDir, passwordFile]) {
      chownSync(path, owner.uid, owner.gid);
    }
  }

  const asOwner = (file: string, args: string[]): Promise<unknown> =>
    owner === undefined
      ? run(file, args, { cwd: root })
      : run("runuser", ["-u", "postgres", "--", file, ...args], { cwd: root });

  let started = false;
  const stopSync = (): void => {
    if (started) {
      const args = ["-D", dataDir, "-m", "immediate", "-w", "stop"];
      const command = owner === undefined ? binaries.pgCtl : "runuser";
      const full =
        owner === undefined ? args : ["-u", "postgres", "--", binaries.pgCtl, ...args];
      spawnSync(command, full, { cwd: root, stdio: "ignore" });
      started = false;
    }
    rmSync(root, { recursive: true, force: true });
  };
  // A test process that ends without calling stop() must not leave a server
  // running. After cleaning up, a signal is raised again to end the process.
  const onSignal = (signal: NodeJS.Signals): void => {
    stopSync();
    process.kill(process.pid, signal);
  };
  process.once("exit", stopSync);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const removeHandlers = (): void => {
    process.removeListener("exit", stopSync);
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  };

  try {
    await asOwner(binaries.initdb, [
      "-D", dataDir,
      "-U", SUPERUSER,
      "--auth=scram-sha-256",
      `--pwfile=${passwordFile}`,
      "-E", "UTF8",
      "--locale=C",
      "--no-sync",
    ]);

    const port = await startOnFreePort(asOwner, binaries, dataDir, socketDir, logFile);
    started = true;
    const url = (database: string): string =>
      `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${database}`;

    return {
      url: url("postgres"),
      port,
      password,
      createDatabase: async (name) => {
        const client = new pg.Client({ connectionString: url("postgres") });
        await client.connect();
        try {
          await client.query(`create database "${name.replace(/"/g, '""')}"`);
        } finally {
          await client.end();
        }
        return url(encodeURIComponent(name));
      },
      stop: async () => {
        removeHandlers();
        if (started) {
          await asOwner(binaries.pgCtl, ["-D", dataDir, "-m", "fast", "-w", "stop"]);
          started = false;
        }
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    const log = existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
    removeHandlers();
    stopSync();
    throw new Error(
      `cannot start a test PostgreSQL cluster: ${(error as Error).message}\n${log}`,
      { cause: error },
    );
  }
}

/**
 * Picks a free loopback port and starts the server on it. Another process
 * can take the port between the check and the start, so this tries again.
 */
async function startOnFreePort(
  asOwner: (file: string, args: string[]) => Promise<unknown>,
  binaries: PostgresBinaries,
  dataDir: string,
  socketDir: string,
  logFile: string,
): Promise<number> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const serverOptions = [
      "-c listen_addresses=127.0.0.1",
      `-p ${port}`,
      `-k ${socketDir}`,
      "-c fsync=off",
      "-c max_connections=40",
    ].join(" ");

    try {
      await asOwner(binaries.pgCtl, [
        "-D", dataDir,
        "-l", logFile,
        "-o", serverOptions,
        "-w", "-t", "60",
        "start",
      ]);
      return port;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * initdb exits with an error when run as root, so as root the cluster belongs to the
 * `postgres` user that Debian's package creates.
 */
function serverOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) {
    return undefined;
  }

  const result = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const groups = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (result.status !== 0 || groups.status !== 0) {
    throw new Error(
      "running as root, but there is no 'postgres' user to own the test " +
        "cluster: install Debian's postgresql package, or run the tests as " +
        "a user other than root",
    );
  }
  return { uid: Number(result.stdout.trim()), gid: Number(groups.stdout.trim()) };
}
