import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { setOptionDetector } from "../../src/analysis/detectors/set-options.js";
import { findings } from "./harness.js";

const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ["value-sensitive options carry the non-default value", "SET ANSI_NULLS OFF\nSET ANSI_NULLS ON\nSET ANSI_PADDING OFF\nSET ARITHIGNORE ON",
    ["set.option[ansi_nulls_off] 1:5", "set.option[ansi_nulls] 2:5", "set.option[ansi_padding_off] 3:5", "set.option[arithignore_on] 4:5"]],
  ["several options in one statement", "SET NOCOUNT, QUOTED_IDENTIFIER ON", ["set.option[nocount] 1:5", "set.option[quoted_identifier] 1:14"]],
  ["name-only options", "SET STATISTICS IO ON\nSET FMTONLY ON", ["set.option[statistics_io] 1:5", "set.option[fmtonly] 2:5"]],
  ["options with values", "SET DATEFORMAT dmy\nSET LANGUAGE us_english\nSET LANGUAGE Deutsch\nSET ROWCOUNT 10\nSET ROWCOUNT @n\nSET ROWCOUNT 0\nSET CONTEXT_INFO 0x01\nSET TEXTSIZE 100",
    ["set.option[dateformat] 1:5", "set.option[language_english] 2:5", "set.option[language] 3:5", "set.option[rowcount] 4:5", "set.option[rowcount_variable] 5:5", "set.option[context_info] 7:5", "set.option[textsize] 8:5"]],
  ["IDENTITY_INSERT in a procedure; XACT_ABORT left to transactions", "CREATE PROCEDURE p AS\nSET IDENTITY_INSERT dbo.t ON\nSET XACT_ABORT ON",
    ["set.option[identity_insert] 2:1"]],
];

describe("set-options detector", () => {
  for (const [name, sql, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(findings(setOptionDetector, sql), expected);
    });
  }
});
