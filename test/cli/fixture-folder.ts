/**
 * Writes a small folder of scripts with one of each hard case: a CHECKPOINT
 * (not supported on Babelfish), a UTF-16 file, a binary file, an empty
 * file, a non-SQL file, a file that does not decode, a dangling link and a
 * .git folder. Built at test time so that no binary file is committed.
 */

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHECKPOINT_PROC = [
  "CREATE PROCEDURE dbo.FlushLog",
  "AS",
  "BEGIN",
  "    CHECKPOINT;",
  "END",
  "GO",
  "",
].join("\r\n");

export const ORDERS_TABLE = [
  "CREATE TABLE dbo.Orders (",
  "    Id int NOT NULL PRIMARY KEY,",
  "    Placed datetime2(3) NOT NULL",
  ");",
  "GO",
  "",
].join("\n");

const UTF16_TEXT = "-- Ünïcode\r\nCHECKPOINT\r\nGO\r\nSELECT N'straße' AS street\r\nGO\r\n";

/** Names of the units the folder yields, in walk order. */
export const ASSESSED = ["procs/checkpoint.sql", "tables/orders.sql", "unicode/utf16.sql"];

/** Skipped inputs as `name reason`, in walk order. */
export const SKIPPED = [
  "bin/backup.sql binary",
  "broken-utf16.sql undecodable",
  "dangling.sql unreadable",
  "empty.sql empty",
  "notes.txt not-sql",
];

/** Creates the folder in a new temporary directory and returns its path. */
export function writeFixtureFolder(): string {
  const root = mkdtempSync(join(tmpdir(), "infio-fixture-"));
  const file = (relative: string, content: string | Uint8Array) => {
    const path = join(root, ...relative.split("/"));
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, content);
  };

  file("procs/checkpoint.sql", CHECKPOINT_PROC);
  file("tables/orders.sql", ORDERS_TABLE);
  file("unicode/utf16.sql", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(UTF16_TEXT, "utf16le")]));
  file("bin/backup.sql", Uint8Array.from([0x54, 0x41, 0x50, 0x45, 0, 0, 1, 2, 3, 0, 0xff, 0x10]));
  file("empty.sql", "");
  file("notes.txt", "not SQL\n");
  file(".git/HEAD.sql", "CHECKPOINT\n");

  // A UTF-16 byte order mark, then an unpaired high surrogate before every
  // letter: half of the text decodes to U+FFFD.
  const broken = [0xff, 0xfe];
  for (let i = 0; i < 50; i++) {
    broken.push(0x00, 0xd8, 0x41, 0x00);
  }
  file("broken-utf16.sql", Uint8Array.from(broken));

  symlinkSync(join(root, "missing-target.sql"), join(root, "dangling.sql"));
  return root;
}

/** A folder with nothing in it. */
export function writeEmptyFolder(): string {
  return mkdtempSync(join(tmpdir(), "infio-empty-"));
}
