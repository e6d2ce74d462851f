import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { PERMISSIONS_DOC_PATH, renderPermissionsDoc } from "../../../../src/sources/sqlserver/permissions/doc.js";
import { allQueryGroups } from "../../../../src/sources/sqlserver/permissions/groups.js";
import { allQueries } from "../../../../src/sources/sqlserver/queries.js";

const REGENERATE = "run `npm run docs:permissions` to regenerate it";

function onDisk(): string | undefined {
  try {
    return readFileSync(PERMISSIONS_DOC_PATH, "utf8").replace(/\r\n/g, "\n");
  } catch {
    return undefined;
  }
}

describe("docs/permissions.md", () => {
  const rendered = renderPermissionsDoc(allQueryGroups());

  it("is up to date", () => {
    const current = onDisk();
    assert.ok(current !== undefined, `docs/permissions.md is missing; ${REGENERATE}`);
    assert.ok(current === rendered, `docs/permissions.md differs from the catalog queries; ${REGENERATE}`);
  });

  it("lists every query", () => {
    const missing = allQueries().filter((query) => !rendered.includes(`\`${query.id}\``));
    assert.deepEqual(missing.map((query) => query.id), []);
  });

  it("has a section for every permission", () => {
    const permissions = new Set(allQueries().map((query) => query.permission));
    for (const permission of permissions) {
      assert.ok(rendered.includes(`\n## ${permission}\n`), `no section for ${permission}`);
    }
  });

  it("names the parts each permission leaves incomplete", () => {
    const section = rendered.slice(rendered.indexOf("\n## VIEW ANY DEFINITION\n"));
    const end = section.indexOf("\n## ", 1);
    const text = end === -1 ? section : section.slice(0, end);

    assert.match(text, /Without it, these parts are incomplete or empty:/);
    assert.match(text, /- `server-modules`: Code of server-level triggers/);
  });
});
