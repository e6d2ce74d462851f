/**
 * Creates the embedded store in a data directory and closes it:
 * `node dist/bench/create-store.js DATADIR`. The benchmarks run it in a
 * child process, because PGlite's initdb peaks near 800 MiB of RSS once
 * (PGlite 0.5.17), and that peak would hide the memory of the run measured
 * afterwards.
 */

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { openStore } from "../src/store/open-store.js";

/** Runs this script in a child process; throws when it fails. */
export function createStoreInChild(dataDir: string): void {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [script, dataDir], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (child.status !== 0) {
    throw new Error(`cannot create the embedded store in '${dataDir}'`);
  }
}

async function createStore(dataDir: string): Promise<void> {
  const opened = await openStore("embedded", { dataDir });
  if (!opened.ok) {
    throw new Error(opened.error.message);
  }
  await opened.store.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dataDir = process.argv[2];
  if (dataDir === undefined) {
    throw new Error("missing data directory; usage: node dist/bench/create-store.js DATADIR");
  }
  await createStore(dataDir);
}
