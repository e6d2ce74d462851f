import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  csvNumberCell,
  csvTextCell,
  neutraliseFormula,
} from "../../src/report/csv-cell.js";
import { CSV_COLUMNS, renderCsv } from "../../src/report/csv.js";
import { parseCsv } from "./csv-parse.js";
import {
  HOSTILE_FORMULA_NAME,
  HOSTILE_HTML_NAME,
  sampleAssessment,
} from "./sample-assessment.js";
import { assertSnapshot } from "./snapshot.js";

function sampleRows(): string[][] {
  const text = renderCsv(sampleAssessment());
  return parseCsv(text.slice(1));
}

function column(name: (typeof CSV_COLUMNS)[number]): number {
  return CSV_COLUMNS.indexOf(name);
}

describe("renderCsv", () => {
  it("matches the snapshot", () => {
    assertSnapshot("findings.csv", renderCsv(sampleAssessment()));
  });

  it("starts with a UTF-8 byte order mark", () => {
    const bytes = Buffer.from(renderCsv(sampleAssessment()), "utf8");
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  it("writes a header and one row per finding", () => {
    const rows = sampleRows();
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.equal(rows.length, sampleAssessment().findings.length + 1);
    for (const row of rows) {
      assert.equal(row.length, CSV_COLUMNS.length);
    }
  });

  it("neutralises the formula object name", () => {
    const row = sampleRows().find((r) =>
      r[column("object")]!.includes("HYPERLINK"),
    );
    assert.equal(row?.[column("object")], `'${HOSTILE_FORMULA_NAME}`);
  });

  it("neutralises formula messages", () => {
    const messages = sampleRows().map((r) => r[column("message")]!);
    assert.ok(messages.includes(`'=HYPERLINK("http://x","click")`));
    assert.ok(
      messages.includes(
        "'-- NOLOCK is ignored; rows are read under READ COMMITTED",
      ),
    );
    assert.ok(
      messages.includes(
        "'  @nodes() is not in the catalog for this target <b>bold</b>",
      ),
    );
    assert.ok(messages.includes("'+CREATE TABLE is supported"));
  });

  it("keeps commas, quotes and line breaks inside one cell", () => {
    const merge = sampleRows().find(
      (r) => r[column("object")] === HOSTILE_HTML_NAME,
    );
    assert.equal(
      merge?.[column("message")],
      'MERGE with OUTPUT $action, "quoted" text, and a line\nbreak',
    );
  });

  it("writes no cell that a spreadsheet would run", () => {
    for (const row of sampleRows()) {
      for (const cell of row) {
        assert.doesNotMatch(
          cell,
          /^\s*[=+\-@\t\r]/,
          `cell ${JSON.stringify(cell)}`,
        );
      }
    }
  });

  it("writes an empty cell for a missing detail", () => {
    const rows = sampleRows();
    const first = rows[1]!;
    assert.equal(first[column("detail")], "");
  });

  it("writes only a header for no findings", () => {
    const text = renderCsv({ ...sampleAssessment(), findings: [] });
    assert.equal(parseCsv(text.slice(1)).length, 1);
  });
});

describe("csv cells", () => {
  const neutralised: [string, string][] = [
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["\0x", "'\0x"],
    ["  =1", "'  =1"],
    ["\n\n@x", "'\n\n@x"],
    ["\uFF1D1+1", "'\uFF1D1+1"],
  ];

  for (const [input, expected] of neutralised) {
    it(`neutralises ${JSON.stringify(input)}`, () => {
      assert.equal(neutraliseFormula(input), expected);
    });
  }

  const untouched = ["", "plain", "a=b", "1-2", "dbo.t", "'quoted", " x"];
  for (const input of untouched) {
    it(`keeps ${JSON.stringify(input)}`, () => {
      assert.equal(neutraliseFormula(input), input);
    });
  }

  const escaped: [input: string, expected: string][] = [
    ["dbo.\u001b[31mred", '"dbo.\\x1b[31mred"'],
    ["evil\u202egpj.sql", '"evil\\u202egpj.sql"'],
    ["nul\u0000", '"nul\\x00"'],
    ["\u0000=1", '"\\x00=1"'],
    ["=1\u001b", `"'=1\\x1b"`],
    ["\u202e=HYPERLINK(1)", '"\\u202e=HYPERLINK(1)"'],
    ["a line\nbreak", '"a line\nbreak"'],
    ["crlf\r\nand\ttab", '"crlf\r\nand\ttab"'],
  ];
  for (const [input, expected] of escaped) {
    it(`writes ${JSON.stringify(input)} as ${expected}`, () => {
      assert.equal(csvTextCell(input), expected);
    });
  }

  it("doubles quotes inside a quoted cell", () => {
    assert.equal(csvTextCell('say "hi"'), '"say ""hi"""');
  });

  it("writes numbers unquoted", () => {
    assert.equal(csvNumberCell(42), "42");
  });

  it("neutralises a negative number", () => {
    assert.equal(csvNumberCell(-3), `"'-3"`);
  });

  it("quotes a number that is not finite", () => {
    assert.equal(csvNumberCell(Number.NaN), '"NaN"');
  });
});
