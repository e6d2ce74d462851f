import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import {
  renderServerFeaturesCsv,
  renderServerFeaturesJson,
  SERVER_FEATURE_COLUMNS,
  serverFeatures,
  type ServerFeatureSet,
} from "../../../src/report/server-features/index.js";
import { repositoryPath } from "../snapshot.js";
import { collectLive } from "./kestrel-live.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

function compileSchema() {
  const schema = JSON.parse(readFileSync(repositoryPath("schema/server-features.schema.json"), "utf8"));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

const HOSTILE_SERVER = '=HYPERLINK("http://evil.example","x")';
const HOSTILE_DATABASE = 'Sales, "EU"\n+cmd';

/** Returns a feature set with hostile names in every text column a server can fill. */
function hostileSet(): ServerFeatureSet {
  return {
    assessmentId: "a-1",
    server: HOSTILE_SERVER,
    address: "@sql01,1433",
    version: "16.0.4135.4",
    edition: "Enterprise Edition (64-bit)",
    collectedAt: "2025-03-04T05:06:07.089Z",
    features: [
      {
        id: "change-tracking",
        name: "Change tracking",
        category: "replication and change data",
        state: "installed-not-used",
        reason: null,
        evidence: ["sys.change_tracking_databases: 1", "-2+3"],
        counts: { databases: 1, trackedTables: 0 },
        databases: [HOSTILE_DATABASE, "Archive"],
        gaps: [],
        migration: "Use logical decoding.",
      },
    ],
  };
}

/** Splits CSV text into rows of cells, honouring quotes, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe("server-features.csv", () => {
  it("starts with a BOM and the header", () => {
    const text = renderServerFeaturesCsv([hostileSet()]);

    assert.ok(text.startsWith("\uFEFF"));
    assert.deepEqual(parseCsv(text.slice(1))[0], [...SERVER_FEATURE_COLUMNS]);
  });

  it("neutralises formulas and keeps columns", () => {
    const rows = parseCsv(renderServerFeaturesCsv([hostileSet()]).slice(1));
    const row = rows[1]!;

    assert.equal(rows.length, 2);
    assert.equal(row.length, SERVER_FEATURE_COLUMNS.length);
    assert.equal(row[1], `'${HOSTILE_SERVER}`);
    assert.equal(row[2], "'@sql01,1433");
    assert.equal(row[7], "databases=1; trackedTables=0");
    assert.equal(row[8], `${HOSTILE_DATABASE}; Archive`);
    assert.equal(row[9], "sys.change_tracking_databases: 1; -2+3");
    assert.equal(row[6], "installed-not-used");
  });

  it("has one row per server and feature", async () => {
    const live = await collectLive();
    const sets = [serverFeatures(live, "a-1"), serverFeatures(live, "a-2")];
    const rows = parseCsv(renderServerFeaturesCsv(sets).slice(1));

    assert.equal(rows.length, 1 + 2 * sets[0]!.features.length);
    assert.deepEqual(
      rows.slice(1).map((row) => row[0]),
      [...sets[0]!.features.map(() => "a-1"), ...sets[1]!.features.map(() => "a-2")],
    );
  });
});

describe("server-features.json", () => {
  const validate = compileSchema();

  it("follows the schema for Kestrel", async () => {
    const json: Record<string, any> = JSON.parse(renderServerFeaturesJson([serverFeatures(await collectLive(), "a-1")]));

    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
    assert.equal(json.format, 1);
    assert.equal(json.servers[0].server, "KESTREL-SQL01");
  });

  it("follows the schema with hostile names", () => {
    const json: Record<string, any> = JSON.parse(renderServerFeaturesJson([hostileSet()]));

    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(json.servers[0].features[0].databases, [HOSTILE_DATABASE, "Archive"]);
  });

  it("rejects an unknown state without a reason", () => {
    const json: Record<string, any> = JSON.parse(renderServerFeaturesJson([hostileSet()]));
    json.servers[0].features[0].state = "unknown";

    assert.equal(validate(json), false);
  });
});
