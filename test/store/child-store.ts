/**
 * A second process for store tests. Run with arguments, it opens a store and
 * then waits to be killed:
 *
 *   node child-store.js hold SPEC DATA_DIR        prints "ready"
 *   node child-store.js write SPEC DATA_DIR ID    prints "written" after
 *                                                 writing rows uncommitted
 *   node child-store.js flood SPEC DATA_DIR ID    prints "writing" after the
 *                                                 first rows, then writes
 *                                                 rows until killed
 *
 * Without arguments it does nothing, because `node --test dist/test/` also
 * loads every file under a test folder as a test file.
 */
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { sampleAssessment, sampleFinding } from "./sample-assessment.js";

async function main(argv: readonly string[]): Promise<void> {
  const [mode, spec, dataDir, id] = argv;
  if (mode === undefined) {
    return;
  }

  const chunkRows = mode === "flood" ? 2_000 : 5;
  const opened = await openStore(spec, { dataDir, chunkRows });
  if (!opened.ok) {
    process.stdout.write(`error ${opened.error.code} ${opened.error.message}\n`);
    process.exit(1);
  }

  if (mode === "flood") {
    await flood(opened.store, id);
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

/** Writes findings and objects of one assessment without end. */
async function flood(store: Store, id: string): Promise<void> {
  const writer = await store.beginAssessment(sampleAssessment(id));
  for (let round = 0; ; round++) {
    const findings = Array.from({ length: 5_000 }, (_, i) => sampleFinding(round * 5_000 + i));
    await writer.addFindings(findings);
    await writer.addObjects(
      Array.from({ length: 1_000 }, (_, i) => ({
        name: `dbo.flood_${round}_${i}`,
        type: "procedure",
        file: `flood/${round}.sql`,
        line: i + 1,
        lines: 3,
      })),
    );
    if (round === 0) {
      process.stdout.write("writing\n");
    }
  }
}

await main(process.argv.slice(2));
