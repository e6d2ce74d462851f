/**
 * A folder of scripts full of names that must not survive redaction:
 * names that contain one another, differ only in case, have spaces and
 * brackets, or are T-SQL keywords, in code, comments, strings, dynamic
 * SQL, paths and messages. It is assessed by the real pipeline, so the
 * findings, objects and messages are what infio writes.
 */

import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

import type { Assessment } from "../../../src/assessment/model.js";
import { runAssessment } from "../../../src/assessment/run.js";
import { defaultCatalog } from "../../../src/catalog/catalog.js";
import { parseTarget } from "../../../src/catalog/targets.js";
import { NullStore } from "../../../src/store/null-store.js";

export const SCRIPTS: Readonly<Record<string, string>> = {
  "customer-zephyr/tables/ZephyrOrders.sql": [
    "-- Owner: Quillon Vantrease <quillon@zephyrine.example>",
    "CREATE TABLE Zephyr.ZephyrOrders (",
    "    OrderKey int IDENTITY(1, 1) PRIMARY KEY,",
    "    Quantity int NOT NULL,",
    "    Label nvarchar(40) NULL,",
    "    [Status] varchar(10) NOT NULL DEFAULT ('fresh'),",
    "    Nimbus$Flag bit NULL,",
    "    Reading timestamp",
    ");",
    "GO",
    "CREATE TABLE Zephyr.[Zephyr Order Lines] (OrderKey int NOT NULL, [Zephyr Line Note] nvarchar(max) NULL);",
    "GO",
    "CREATE TABLE Zephyr.[Order] (OrderKey int NOT NULL, [Status] int NULL);",
    "GO",
    "CREATE TABLE dbo.Zephyr (ZephyrId int SPARSE NULL);",
    "GO",
  ].join("\n"),

  "customer-zephyr/procs/usp_ZephyrOrders_Get.sql": [
    "CREATE PROCEDURE Zephyr.usp_ZephyrOrders_Get",
    "    @ZephyrCustomerKey int",
    "AS",
    "BEGIN",
    "    SET NOCOUNT ON;",
    "    /* Xanthippe asked for",
    "       this cursor */",
    "    DECLARE cur_zephyr CURSOR SCROLL FOR SELECT OrderKey FROM Zephyr.ZephyrOrders;",
    "    SELECT HASHBYTES('MD5', N'Xanthippe-Password-1') AS digest;",
    "    SELECT o.OrderKey, l.[Zephyr Line Note], u.[Status]",
    "    FROM ZEPHYR.ZEPHYRORDERS AS o",
    "    JOIN Zephyr.[Zephyr Order Lines] AS l ON l.OrderKey = o.OrderKey",
    "    JOIN Zephyr.[Order] AS u ON u.OrderKey = o.OrderKey",
    "    WHERE o.Quantity > 98765 AND o.Label = 'classified-label'",
    "    ORDER BY o.OrderKey;",
    "    SELECT * FROM VaultonArchive.dbo.LedgerOfSecrets;",
    "    SELECT * FROM [MORVAN-LINK01].VaultonArchive.dbo.LedgerOfSecrets;",
    "    EXEC ('SELECT Wyvernia FROM Zephyr.ZephyrOrders WHERE Shade = ''umber''');",
    "    SELECT FORMAT(GETDATE(), 'd', 'de-DE');",
    "    SELECT * INTO #ZephyrStaging FROM Zephyr.ZephyrOrders WITH (NOLOCK);",
    "END",
    "GO",
  ].join("\r\n"),

  "customer-zephyr/security/RunAs.sql": [
    "CREATE PROCEDURE Zephyr.usp_RunAs WITH EXECUTE AS 'zephyr_operator' AS SELECT 1;",
    "GO",
    "CREATE LOGIN [ZEPHYRCORP\\quillon] FROM WINDOWS;",
    "GO",
  ].join("\n"),

  "customer-zephyr/broken/Broken.sql": "SELECT * FROM Zephyr.ZephyrOrders Quillonesque Mordant Umbrage;\n",

  "customer-zephyr/empty/Hollowmere.sql": "",
};

/** Names the redacted report must not contain as whole words, in any case. */
export const SECRET_NAMES: readonly string[] = [
  "Zephyr",
  "ZephyrOrders",
  "usp_ZephyrOrders_Get",
  "ZephyrCustomerKey",
  "cur_zephyr",
  "OrderKey",
  "Quantity",
  "Label",
  "Nimbus$Flag",
  "Zephyr Order Lines",
  "Zephyr Line Note",
  "ZephyrId",
  "ZephyrStaging",
  "usp_RunAs",
  "zephyr_operator",
  "ZEPHYRCORP",
  "quillon",
  "Quillon Vantrease",
  "zephyrine.example",
  "Xanthippe",
  "Xanthippe-Password-1",
  "classified-label",
  "98765",
  "fresh",
  "VaultonArchive",
  "LedgerOfSecrets",
  "MORVAN-LINK01",
  "Wyvernia",
  "Shade",
  "umber",
  "Quillonesque",
  "Mordant",
  "Umbrage",
  "Hollowmere",
  "customer-zephyr",
  "ZephyrOrders.sql",
  "usp_ZephyrOrders_Get.sql",
];

/**
 * Names that are T-SQL keywords: the keyword may stay, so only their
 * places as names are searched, bracketed or after a dot.
 */
export const KEYWORD_NAMES: readonly string[] = ["[Order]", ".[Order]", "[Status]", "Zephyr.Order"];

export interface HostileRun {
  readonly assessment: Assessment;
  readonly texts: ReadonlyMap<string, string>;
}

/** Writes the scripts to a new temporary folder and assesses it. */
export async function assessHostileScripts(): Promise<HostileRun> {
  const root = mkdtempSync(join(tmpdir(), "infio-redact-"));
  for (const [name, text] of Object.entries(SCRIPTS)) {
    const path = join(root, ...name.split("/"));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }

  const target = parseTarget("babelfish");
  assert.ok(target.ok);
  const result = await runAssessment({
    id: "20250304-050607-abcdef",
    startedAt: new Date("2025-03-04T05:06:07.000Z"),
    infioVersion: "0.0.0-test",
    sources: [root],
    target: target.target,
    catalog: defaultCatalog(),
    maxFileSize: 1024 * 1024,
    jobs: 1,
    store: new NullStore(),
  });
  assert.ok(result.ok, result.ok ? "" : result.error);
  assert.equal(
    result.assessment.units.length,
    Object.values(SCRIPTS).filter((text) => text !== "").length,
    `every script but the empty one is assessed: ${JSON.stringify(result.assessment.skipped)}`,
  );

  // With one folder given, units are named by their path below it.
  return { assessment: result.assessment, texts: new Map(Object.entries(SCRIPTS)) };
}
