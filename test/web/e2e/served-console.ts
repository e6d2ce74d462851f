/**
 * The real `infio serve` in a child process, for end-to-end tests. Each
 * console gets a temporary workspace (HOME, TMPDIR and INFIO_HOME of its
 * own, see IsolatedWorkspace). Its users are added first with
 * `infio users add --password-env`, because only one process at a time may
 * open the embedded store. Then the console listens on 127.0.0.1 at a free
 * port, with the self-signed certificate it creates at its first start.
 *
 *   const served = await startServedConsole([{ name: "ann", role: "assessor" }]);
 *   served.url;                 // https://127.0.0.1:PORT/
 *   await served.close();       // stops the console, deletes the workspace
 */

import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import type { ConsoleRole } from "../../../src/store/console-users.js";
import { TLS_DIRECTORY } from "../../../src/web/server/tls/console-certificate.js";
import { IsolatedWorkspace } from "../../cli/isolated.js";
import { REPO } from "../../cli/run-infio.js";

/** The lines `infio serve` prints on stdout once it listens. */
const LISTENING = /^infio console: (https:\/\/\S+)\ncertificate SHA-256 fingerprint: ([0-9A-F:]{95})\n/;

/**
 * Maximum time in ms for the console to start. Opening the embedded store
 * takes seconds, and many more on a machine busy with other builds.
 */
const START_TIMEOUT_MS = 180_000;

/** Maximum time in ms for the console to stop after SIGTERM before it is killed. */
const STOP_TIMEOUT_MS = 30_000;

export interface ServedUser {
  readonly name: string;
  readonly role: ConsoleRole;
}

export interface ServedUserWithPassword extends ServedUser {
  readonly password: string;
}

export interface ServedConsole {
  /** `https://127.0.0.1:PORT/` */
  readonly url: string;
  /** `https://127.0.0.1:PORT`, as browsers name the origin. */
  readonly origin: string;
  /** The SHA-256 fingerprint that `infio serve` printed. */
  readonly fingerprint: string;
  /** The self-signed certificate, for clients that trust only it. */
  readonly certPem: string;
  readonly users: readonly ServedUserWithPassword[];
  /** The workspace, whose `root` folder close() deletes. */
  readonly workspace: IsolatedWorkspace;
  /** What the console wrote to stderr so far: its log. */
  stderr(): string;
  /**
   * Stops the console with SIGTERM (SIGKILL after 30 s) and deletes the
   * workspace, even when stopping fails. Returns the exit code, or the
   * signal's name when it had to be killed or died of a signal.
   */
  close(): Promise<number | string>;
}

/** Adds `users` with `infio users add`, then starts `infio serve` on 127.0.0.1:0. */
export async function startServedConsole(users: readonly ServedUser[]): Promise<ServedConsole> {
  const workspace = new IsolatedWorkspace();
  let child: ChildProcess | undefined;
  const output = { stdout: "", stderr: "" };

  // A test process that dies without running its after() hooks must not
  // leave the console running, so the child is killed when this process exits.
  const killOnExit = (): void => {
    child?.kill("SIGKILL");
  };
  process.once("exit", killOnExit);

  const close = async (): Promise<number | string> => {
    try {
      return child === undefined ? 0 : await stop(child);
    } finally {
      process.removeListener("exit", killOnExit);
      workspace.remove();
    }
  };

  try {
    const withPasswords = await addUsers(workspace, users);

    child = spawn(process.execPath, [join(REPO, "bin", "infio.js"), "serve", "--host", "127.0.0.1", "--port", "0"], {
      cwd: workspace.cwd,
      env: workspace.env(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (data: Buffer) => (output.stdout += data.toString("utf8")));
    child.stderr!.on("data", (data: Buffer) => (output.stderr += data.toString("utf8")));

    const [, url, fingerprint] = await waitForListening(child, output);
    const certPem = await readFile(join(workspace.data, TLS_DIRECTORY, "console-cert.pem"), "utf8");
    return {
      url: url!,
      origin: new URL(url!).origin,
      fingerprint: fingerprint!,
      certPem,
      users: withPasswords,
      workspace,
      stderr: () => output.stderr,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function addUsers(
  workspace: IsolatedWorkspace,
  users: readonly ServedUser[],
): Promise<ServedUserWithPassword[]> {
  const added: ServedUserWithPassword[] = [];
  for (const user of users) {
    const password = `${user.name}-${randomBytes(12).toString("hex")}`;
    const run = await workspace.infio(
      ["users", "add", user.name, "--role", user.role, "--password-env", "INFIO_E2E_PASSWORD", "--quiet"],
      { INFIO_E2E_PASSWORD: password },
    );
    if (run.code !== 0) {
      throw new Error(`infio users add ${user.name} exited with ${String(run.code)}: ${run.stderr}`);
    }
    added.push({ ...user, password });
  }
  return added;
}

/** Waits for the listening lines on stdout, and throws when the console exits or times out first. */
async function waitForListening(
  child: ChildProcess,
  output: { readonly stdout: string; readonly stderr: string },
): Promise<RegExpExecArray> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const match = LISTENING.exec(output.stdout);
    if (match !== null) {
      return match;
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `infio serve exited with ${String(child.exitCode ?? child.signalCode)} before listening; stderr:\n${output.stderr}`,
      );
    }
    await sleep(50);
  }
  throw new Error(`infio serve did not listen within ${START_TIMEOUT_MS / 1000} s; stderr:\n${output.stderr}`);
}

async function stop(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return child.exitCode ?? child.signalCode!;
  }

  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
