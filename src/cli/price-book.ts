/**
 * `infio price-book [--out FILE]`: writes the price book shipped with
 * infio, to edit and pass back with `--price-book FILE`.
 */

import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";

import { Command } from "commander";

import { SHIPPED_PRICE_BOOK_PATH } from "../assessment/cost/price-book-file.js";
import { withExamples, type CommandHost } from "./command.js";
import type { CliContext } from "./context.js";
import { EXIT_OK, UsageError } from "./errors.js";
import { createLogger } from "./log.js";

export interface PriceBookCliOptions {
  /** Absolute path of the file to write; stdout when absent. */
  readonly out?: string;
}

export type PriceBookRun = (options: PriceBookCliOptions) => Promise<number>;

export function priceBookCommand(
  host: CommandHost,
  run: PriceBookRun = (options) => executePriceBook(options, host.ctx),
): Command {
  const command = new Command("price-book")
    .summary("write the price book that the cost section uses, to edit it")
    .description(
      "Write the price book shipped with infio: SQL Server licence prices and the prices of the " +
        "target services, each with the page it was read on and the date. Edit the copy and pass " +
        "it to 'infio assess' or 'infio report' with --price-book FILE. docs/cost.md describes " +
        "every entry.",
    )
    .option("-o, --out <file>", "write to this file instead of stdout; an existing file is not replaced")
    .action(async (raw: { out?: string }) => {
      host.exit(await run(raw.out === undefined ? {} : { out: resolve(host.ctx.cwd, raw.out) }));
    });

  return withExamples(command, [
    "infio price-book --out prices.json",
    "infio assess ./database --price-book prices.json",
    "infio report 20250304-050607-3f9a1c --price-book prices.json --format html",
  ]);
}

export async function executePriceBook(options: PriceBookCliOptions, ctx: CliContext): Promise<number> {
  const text = await readFile(SHIPPED_PRICE_BOOK_PATH, "utf8");
  // The copy points at the schema by an address that works outside the package.
  const copy = text.replace('"$schema": "../schema/price-book.schema.json"', `"$schema": "${schemaUrl()}"`);
  if (options.out === undefined) {
    ctx.stdout.write(copy);
    return EXIT_OK;
  }

  try {
    await writeFile(options.out, copy, { flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "EEXIST"
        ? "the file exists; remove it or pass another --out, so that no edited copy is overwritten"
        : `${error instanceof Error ? error.message : String(error)}; pass a writable --out`;
    throw new UsageError(`cannot write the price book to '${options.out}': ${reason}`);
  }
  createLogger(ctx.stderr).info(`wrote ${options.out}`);
  return EXIT_OK;
}

/** Returns the file URL of the shipped schema, which a JSON editor can load. */
function schemaUrl(): string {
  return new URL("../../../schema/price-book.schema.json", import.meta.url).href;
}
