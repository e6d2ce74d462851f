/**
 * A small script folder with distinctive names and code, and a search for
 * them in every byte of a folder, as UTF-8 and as UTF-16LE, for the tests
 * that nothing readable is stored.
 */

import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const CANARY_OBJECT = "usp_CanaryProcedure_7f3a";
export const CANARY_CODE = "kestrel-fragment-5d1e";
export const CANARY_FILE = "canary_unit_7f3a.sql";
export const CANARY_TABLE = "CanaryLedger_9c2e";

/** The texts that must never appear in a store's files. */
export const CANARIES = [CANARY_OBJECT, CANARY_CODE, CANARY_FILE, CANARY_TABLE];

/** Writes the canary scripts into `folder`: one UTF-8, one UTF-16LE. */
export function writeCanaryScripts(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const procedure = [
    `CREATE PROCEDURE dbo.${CANARY_OBJECT}`,
    "AS",
    "BEGIN",
    `    DECLARE @note nvarchar(60) = N'${CANARY_CODE}';`,
    "    DECLARE c CURSOR SCROLL FOR SELECT name FROM sys.objects;",
    "    CHECKPOINT;",
    "END",
    "GO",
    "",
  ].join("\r\n");
  writeFileSync(join(folder, CANARY_FILE), procedure);

  const table = `CREATE TABLE dbo.${CANARY_TABLE} (Id int NOT NULL PRIMARY KEY, Note text);\r\nGO\r\n`;
  writeFileSync(
    join(folder, "ledger_utf16.sql"),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table, "utf16le")]),
  );
}

/**
 * Returns `needle in path (encoding)` for each needle found in any regular
 * file under `folder`, in UTF-8 or UTF-16LE. Symbolic links are not followed.
 */
export function findInFiles(folder: string, needles: readonly string[]): string[] {
  const found: string[] = [];
  const forms = needles.flatMap((needle) => [
    { needle, encoding: "utf8", bytes: Buffer.from(needle, "utf8") },
    { needle, encoding: "utf16le", bytes: Buffer.from(needle, "utf16le") },
  ]);

  const visit = (path: string): void => {
    const stats = lstatSync(path);
    if (stats.isDirectory()) {
      for (const name of readdirSync(path)) {
        visit(join(path, name));
      }
      return;
    }
    if (!stats.isFile()) {
      return;
    }
    const content = readFileSync(path);
    for (const form of forms) {
      if (content.includes(form.bytes)) {
        found.push(`${form.needle} in ${path} (${form.encoding})`);
      }
    }
  };
  visit(folder);
  return found;
}

/** Returns the needles that occur in `text`. */
export function findInText(text: string, needles: readonly string[]): string[] {
  return needles.filter((needle) => text.includes(needle));
}
