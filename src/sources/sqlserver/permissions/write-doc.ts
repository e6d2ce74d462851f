/**
 * Writes docs/permissions.md from the catalog queries, or with `--check`
 * only reports whether the page differs from a fresh rendering.
 *
 *   node dist/src/sources/sqlserver/permissions/write-doc.js [--check]
 *
 * Exit codes: 0 done (or up to date), 1 page stale, 2 invalid usage.
 */

import { readFileSync, writeFileSync } from "node:fs";

import { PERMISSIONS_DOC_PATH, renderPermissionsDoc } from "./doc.js";
import { allQueryGroups } from "./groups.js";

function readDoc(): string | undefined {
  try {
    return readFileSync(PERMISSIONS_DOC_PATH, "utf8").replace(/\r\n/g, "\n");
  } catch {
    return undefined;
  }
}

function main(args: readonly string[]): number {
  const unknown = args.filter((arg) => arg !== "--check");
  if (unknown.length > 0) {
    process.stderr.write(`invalid argument '${unknown[0]}'; usage: write-doc.js [--check]\n`);
    return 2;
  }

  const content = renderPermissionsDoc(allQueryGroups());
  const current = readDoc() === content;
  if (args.includes("--check")) {
    if (!current) {
      process.stderr.write("stale: docs/permissions.md; run `npm run docs:permissions` to regenerate it\n");
    }
    return current ? 0 : 1;
  }

  if (!current) {
    writeFileSync(PERMISSIONS_DOC_PATH, content);
    process.stderr.write("wrote docs/permissions.md\n");
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
