/**
 * Worker thread that creates a new, empty PGlite database in the folder
 * named by `workerData.directory` and closes it. PGlite's initdb runs for
 * seconds without yielding, so running it here keeps the main thread free
 * to act on Ctrl+C (pglite-init.ts).
 */

import { parentPort, workerData } from "node:worker_threads";

import { PGlite } from "@electric-sql/pglite";

const { directory } = workerData as { directory: string };
const db = await PGlite.create({ dataDir: directory });
await db.close();
parentPort?.postMessage("created");
