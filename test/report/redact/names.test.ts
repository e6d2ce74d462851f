import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { AssessedObject } from "../../../src/assessment/model.js";
import {
  ObjectIndex,
  redactModuleUnit,
  redactQualifiedName,
  redactScriptPath,
  redactSourcePath,
} from "../../../src/report/redact/names.js";
import { twoPass } from "./harness.js";

function object(name: string, type: string, file: string): AssessedObject {
  return { name, type, file, line: 1, lines: 1 };
}

describe("redactScriptPath", () => {
  it("keeps the folder depth and the SQL extension", () => {
    const names = twoPass([], ({ namer }) =>
      ["acme/procs/GetOrder.sql", "acme/tables/Orders.tab", "acme/procs/Orders.tab", "GetOrder.sql"].map((f) =>
        redactScriptPath(f, namer),
      ),
    );

    assert.deepEqual(names, [
      "folder1/folder2/file1.sql",
      "folder1/folder3/file2.tab",
      "folder1/folder2/file2.tab",
      "file1.sql",
    ]);
  });

  it("keeps standard input, absolute roots, drives and dot segments", () => {
    const names = twoPass([], ({ namer }) =>
      ["<stdin>", "/home/alice/x.sql", "C:/Users/alice/y.sql", "../shared/./z.sql"].map((f) =>
        redactScriptPath(f, namer),
      ),
    );

    // Code-unit order puts `Users` before `alice`, `home` and `shared`.
    assert.deepEqual(names, [
      "<stdin>",
      "/folder3/folder2/file1.sql",
      "C:/folder1/folder2/file2.sql",
      "../folder4/./file3.sql",
    ]);
  });

  it("gives a source folder the pseudonyms of the unit names", () => {
    const [source, unit] = twoPass([], ({ namer }) => [
      redactSourcePath("C:\\work\\acme", namer),
      redactScriptPath("C:/work/acme/procs/a.sql", namer),
    ]);

    assert.equal(source, "C:/folder3/folder1");
    assert.equal(unit, "C:/folder3/folder1/folder2/file1.sql");
  });
});

describe("redactModuleUnit", () => {
  const objects = new ObjectIndex([
    object("Sales.usp_GetOrder", "procedure", "Cold.Chain.Sales.usp_GetOrder"),
    object("dbo.trg_Logon", "trigger", "server.trg_Logon"),
  ]);

  it("names the database, schema and object of each kind of unit", () => {
    const names = twoPass([], ({ namer }) =>
      [
        "Cold.Chain.Sales.usp_GetOrder",
        "server.trg_Logon",
        "agent.Nightly load.step 2",
        "Archive.dbo.Ledger",
      ].map((f) => redactModuleUnit(f, namer, objects)),
    );

    assert.deepEqual(names, [
      "database2.schema1.procedure1",
      "server.trigger1",
      "agent.job1.step 2",
      "database1.dbo.object1",
    ]);
  });
});

describe("redactQualifiedName", () => {
  it("names the database, schema and object parts", () => {
    const names = twoPass([], ({ namer }) => [
      redactQualifiedName("Sales.Orders", "table", namer),
      redactQualifiedName("Cold.Sales.Orders", "table", namer),
      redactQualifiedName("dbo.Orders", "view", namer),
      redactQualifiedName("", "table", namer),
    ]);

    // A name used as a table and a view is a table, the first kind.
    assert.deepEqual(names, ["schema1.table1", "database1.schema1.table1", "dbo.table1", ""]);
  });
});
