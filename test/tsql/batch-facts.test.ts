import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { systemVariablesOf } from "../../src/tsql/batch-facts.js";
import { parse } from "../../src/tsql/parse.js";

describe("batch facts", () => {
  it("lists the @@ variables each batch reads", () => {
    const { batches } = parse("SELECT @@ROWCOUNT, @@error\nGO\nSELECT 1\nGO\nIF @@TRANCOUNT > 0 PRINT @@SPID");
    assert.deepEqual([...systemVariablesOf(batches[0]!)], ["@@ROWCOUNT", "@@ERROR"]);
    assert.deepEqual([...systemVariablesOf(batches[1]!)], []);
    assert.deepEqual([...systemVariablesOf(batches[2]!)], ["@@TRANCOUNT", "@@SPID"]);
  });

  it("finds variables in substituted sqlcmd text", () => {
    const { batches } = parse("SELECT $(v)", { variables: { v: "@@ROWCOUNT" } });
    assert.deepEqual([...systemVariablesOf(batches[0]!)], ["@@ROWCOUNT"]);
  });
});
