import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { checkScriptBytes, readScript } from "../../../src/sources/scripts/read.js";
import { writeFixtureFolder } from "../../cli/fixture-folder.js";

describe("readScript", () => {
  let root: string;
  before(() => {
    root = writeFixtureFolder();
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const cases: [relative: string, reason: string | undefined, fragment: RegExp][] = [
    ["tables/orders.sql", undefined, /./],
    ["unicode/utf16.sql", undefined, /./],
    ["bin/backup.sql", "binary", /binary file.*--encoding.*--exclude/],
    ["empty.sql", "empty", /is empty/],
    ["procs", "unreadable", /cannot read/],
    ["missing.sql", "unreadable", /no longer exists/],
  ];
  for (const [relative, reason, fragment] of cases) {
    it(`${relative}: ${reason ?? "read"}`, () => {
      const result = readScript(join(root, relative), relative, 1024, `db/${relative}`);
      if (reason === undefined) {
        assert.ok(result.ok);
        return;
      }
      assert.ok(!result.ok);
      assert.equal(result.skipped.reason, reason);
      assert.equal(result.skipped.file, relative);
      assert.ok(result.skipped.message.includes(`'db/${relative}'`), result.skipped.message);
      assert.match(result.skipped.message, fragment);
    });
  }

  it("skips a file over the size limit without reading it, naming the option", () => {
    const result = readScript(join(root, "tables/orders.sql"), "orders.sql", 10);
    assert.ok(!result.ok);
    assert.equal(result.skipped.reason, "too-large");
    assert.match(result.skipped.message, /is 98 bytes, over the limit of 10 bytes; pass --max-file-size/);
  });

  it("checks bytes from standard input the same way", () => {
    assert.equal(checkScriptBytes("<stdin>", "<stdin>", new Uint8Array(), 10).ok, false);
    assert.equal(checkScriptBytes("<stdin>", "<stdin>", Buffer.from("GO\n"), 10).ok, true);
  });
});
