/**
 * A second process for store tests. Run with arguments, it opens a store and
 * then waits to be killed:
 *
 *   node child-store.js hold SPEC DATA_DIR        prints "ready"
 *   node child-store.js write SPEC DATA_DIR ID    prints "written" after
 *                                                 writing rows uncommitted
 *
 * Without arguments it does nothing, because `node --test dist/test/` also
 * loads every file under a test folder as a test file.
 */
import { openStore } from "../../src/store/open-store.js";
import { sampleAssessment, sampleFinding } from "./sample-assessment.js";

async function main(argv: readonly string[]): Promise<void> {
  const [mode, spec, dataDir, id] = argv;
  if (mode === undefined) {
    return;
  }

  const opened = await openStore(spec, { dataDir, chunkRows: 5 });
  if (!opened.ok) {
    process.stdout.write(`error ${opened.error.code} ${opened.error.message}\n`);
    process.exit(1);
  }

  if (mode === "write") {
    const writer = await opened.store.beginAssessment(sampleAssessment(id));
    await writer.addFindings(Array.from({ length: 42 }, (_, i) => sampleFinding(i)));
    process.stdout.write("written\n");
  } else {
    process.stdout.write("ready\n");
  }

  // Keep the process, its lock and its open writer alive until killed.
  setInterval(() => {}, 60_000);
}

await main(process.argv.slice(2));
