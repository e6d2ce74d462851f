/** Runs the real `infio` (bin/infio.js) in a child process and collects its output. */

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const BIN = join(REPO, "bin", "infio.js");

export interface InfioRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Returns the data folder for a child run in `cwd`, a test's own folder, so
 * that the audit log and store of the user running the tests stay untouched.
 * A `--data-dir` option still takes precedence.
 */
export function testHome(cwd: string): string {
  return join(cwd, ".infio-home");
}

export function runInfio(args: readonly string[], cwd: string): Promise<InfioRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, INFIO_HOME: testHome(cwd) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Returns the assessment id that `infio assess` printed. */
export function assessmentIdOf(run: InfioRun): string {
  const match = /^assessment (\S+)/.exec(run.stdout);
  assert.ok(match, `no assessment id in stdout: ${run.stdout}\n${run.stderr}`);
  return match[1]!;
}
