/**
 * `npm run bench`: measures the front end (decode, lex, parse) on a
 * generated corpus and prints lines/s, MB/s and peak RSS. Files are
 * processed one at a time and their trees dropped, as the assessment
 * pipeline does, so memory follows the largest file.
 *
 * Usage: node dist/bench/run.js [--lines N]
 */

import { decode } from "../src/tsql/decode/decode.js";
import { parse } from "../src/tsql/parse.js";
import { countLines, generateCorpus } from "./corpus.js";

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) {
    return fallback;
  }
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`invalid ${name} ${process.argv[at + 1]}; pass a positive number`);
  }
  return value;
}

function frontEnd(totalLines: number): void {
  // One warm-up pass so the JIT has compiled the hot paths.
  for (const f of generateCorpus(6000)) {
    parse(f.text);
  }

  let files = 0;
  let bytes = 0;
  let lines = 0;
  let statements = 0;
  let errorDiagnostics = 0;
  let batches = 0;
  let batchesWithErrors = 0;
  let seconds = 0;
  for (const generated of generateCorpus(totalLines)) {
    // Encoding is not timed: it stands in for reading the file from disk.
    const encoded = Buffer.from(generated.text, "utf8");
    const started = process.hrtime.bigint();
    files++;
    bytes += encoded.length;
    const { text } = decode(encoded, { file: generated.name });
    lines += countLines(text);
    const result = parse(text, { file: generated.name });
    batches += result.batches.length;
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    errorDiagnostics += errors.length;
    const errorStarts = errors.map((d) => d.start);
    for (const b of result.batches) {
      statements += b.statements.length;
      if (errorStarts.some((s) => s >= b.start && s <= b.end)) {
        batchesWithErrors++;
      }
    }
    seconds += Number(process.hrtime.bigint() - started) / 1e9;
  }
  const rssMb = process.resourceUsage().maxRSS / 1024;

  console.log("front end: decode + lex + batches + parse, one core");
  console.log(`  files            ${files}`);
  console.log(`  lines            ${lines}`);
  console.log(`  MB               ${(bytes / 1e6).toFixed(1)}`);
  console.log(`  batches          ${batches} (${batchesWithErrors} with errors)`);
  console.log(`  statements       ${statements}`);
  console.log(`  error diagnostics ${errorDiagnostics}`);
  console.log(`  seconds          ${seconds.toFixed(2)}`);
  console.log(`  lines/s          ${Math.round(lines / seconds)}`);
  console.log(`  MB/s             ${(bytes / 1e6 / seconds).toFixed(1)}`);
  console.log(`  peak RSS MB      ${rssMb.toFixed(0)}`);
}

frontEnd(argument("--lines", 200_000));
