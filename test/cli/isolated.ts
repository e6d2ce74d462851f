/**
 * Runs the real `infio` (bin/infio.js) in a child process with a minimal
 * environment: HOME, TMPDIR and INFIO_HOME point at folders of the test,
 * and nothing else of the test runner's environment is passed on except
 * PATH, so the run cannot touch the user's own folders.
 */

import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { REPO } from "./run-infio.js";

export interface IsolatedRun {
  readonly args: readonly string[];
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Fresh folders for one isolated run: the working folder, HOME, TMPDIR and the data folder. */
export class IsolatedWorkspace {
  readonly root = mkdtempSync(join(tmpdir(), "infio-isolated-"));
  readonly cwd = join(this.root, "cwd");
  readonly home = join(this.root, "home");
  readonly tmp = join(this.root, "tmp");
  readonly data = join(this.root, "data");

  constructor() {
    for (const dir of [this.cwd, this.home, this.tmp, this.data]) {
      mkdirSync(dir);
    }
  }

  /** The environment of a run, plus `extra`. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      PATH: process.env.PATH ?? "",
      HOME: this.home,
      TMPDIR: this.tmp,
      INFIO_HOME: this.data,
      ...extra,
    };
  }

  /** Runs infio in `cwd` with the workspace's environment and `env` added. */
  infio(args: readonly string[], env: Record<string, string> = {}): Promise<IsolatedRun> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(REPO, "bin", "infio.js"), ...args], {
        cwd: this.cwd,
        env: this.env(env),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ args, code, stdout, stderr }));
    });
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
