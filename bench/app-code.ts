/**
 * `npm run bench:app-code`: scans a generated application source tree
 * (bench/app-code-corpus.ts, about 50 MB by default) for SQL in string
 * literals, as `infio assess --app-code` does before the workers assess
 * the statements, and prints MB/s, statements found and peak RSS. The
 * tree is written to a temporary folder first and removed afterwards, so
 * the files are read from the page cache.
 *
 * Usage: node dist/bench/app-code.js [--mb N]
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { ApplicationCodeScan } from "../src/sources/app-code/index.js";
import { writeSourceTree } from "./app-code-corpus.js";

function megabytesArgument(): number {
  const at = process.argv.indexOf("--mb");
  if (at < 0) {
    return 50;
  }
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`invalid --mb ${process.argv[at + 1]}; pass a positive number of megabytes`);
  }
  return value;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "infio-bench-app-code-"));
  try {
    const tree = writeSourceTree(root, megabytesArgument() * 1024 * 1024);
    const scan = new ApplicationCodeScan({
      roots: [{ given: "tree", path: root }],
      maxFileSize: 16 * 1024 * 1024,
      sourceCount: 1,
    });

    const started = performance.now();
    const cpu = process.cpuUsage();
    let units = 0;
    let unitChars = 0;
    for await (const input of scan.inputs()) {
      units++;
      unitChars += input.kind === "text" ? input.text.length : 0;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6;
    const result = scan.result();
    const megabytes = result.bytesScanned / (1024 * 1024);

    console.log(`files        ${tree.files} (${megabytes.toFixed(1)} MB)`);
    console.log(`statements   ${result.statementsFound} (${result.partlyDynamic} partly dynamic) in ${units} units of ${(unitChars / 1e6).toFixed(1)} M characters`);
    console.log(`time         ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU`);
    console.log(`throughput   ${(megabytes / seconds).toFixed(1)} MB/s`);
    console.log(`peak RSS     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
