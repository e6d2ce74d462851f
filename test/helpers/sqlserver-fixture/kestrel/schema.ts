/**
 * The schema area of the Kestrel fixture: the catalog views of tables,
 * columns, types, indexes, constraints and partitioning in
 * KestrelColdChain (after examples/kestrel-cold-chain/01 to 04 and the
 * table scripts after them) and in the small Archive database.
 *
 * Other areas may add rows to the same views. Tables and their
 * constraints take object_id values from 1,000,001,000 in steps of 1,000,
 * and sequences, synonyms and table types from 1,900,000,000. sys.schemas,
 * sys.types and sys.data_spaces of these two databases are complete here.
 */

import type { FixtureArea } from "./area.js";
import { BILLING_TABLES } from "./kestrel-tables-billing.js";
import { CORE_TABLES } from "./kestrel-tables-core.js";
import { INTEGRATION_TABLES } from "./kestrel-tables-integration.js";
import { TELEMETRY_TABLES } from "./kestrel-tables-telemetry.js";
import { buildSchemaViews } from "./schema-builder.js";
import { primaryKey, type DatabaseSchemaSpec } from "./schema-model.js";

const READING_MONTHS = [
  "2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01",
  "2024-07-01", "2024-08-01", "2024-09-01", "2024-10-01", "2024-11-01", "2024-12-01",
  "2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01",
].map((day) => `${day}T00:00:00`);

export const KESTREL_COLD_CHAIN_SCHEMA: DatabaseSchemaSpec = {
  collation: "Latin1_General_100_CI_AS_SC",
  schemas: ["ref", "ops", "telemetry", "billing", "hr", "integration", "audit", "report", "legacy"],
  aliasTypes: [
    { schema: "ref", name: "TemperatureC", base: "decimal(5,2)", nullable: true },
    { schema: "ref", name: "PhoneNumber", base: "varchar(20)", nullable: true },
    { schema: "ref", name: "CountryCode", base: "char(2)", nullable: false },
    { schema: "ref", name: "Money4", base: "decimal(19,4)", nullable: false },
    { schema: "ref", name: "EmailAddress", base: "nvarchar(254)", nullable: true },
    { schema: "ops", name: "RegistrationPlate", base: "nvarchar(12)", nullable: false },
  ],
  tableTypes: ["ops.ShipmentLineList", "telemetry.ReadingBatch", "billing.IdList"],
  xmlSchemaCollections: ["billing.ContractTermsSchema"],
  dataSpaces: [
    { name: "PRIMARY", type: "FG" },
    { name: "OPERATIONS", type: "FG", isDefault: true },
    { name: "TELEMETRY", type: "FG" },
    { name: "ARCHIVE", type: "FG" },
    { name: "DOCUMENTS", type: "FD", isDefault: true },
    { name: "INMEMORY", type: "FX" },
    {
      name: "psReadingMonth",
      type: "PS",
      scheme: {
        function: "pfReadingMonth",
        // One partition more than boundaries, all on TELEMETRY.
        filegroups: Array.from({ length: READING_MONTHS.length + 1 }, () => "TELEMETRY"),
      },
    },
    {
      name: "psInvoiceYear",
      type: "PS",
      scheme: { function: "pfInvoiceYear", filegroups: ["ARCHIVE", "ARCHIVE", "OPERATIONS", "OPERATIONS", "OPERATIONS"] },
    },
  ],
  partitionFunctions: [
    { name: "pfReadingMonth", parameterType: "datetime2(0)", rangeRight: true, boundaries: READING_MONTHS },
    {
      name: "pfInvoiceYear",
      parameterType: "date",
      rangeRight: true,
      boundaries: ["2022-01-01", "2023-01-01", "2024-01-01", "2025-01-01"],
    },
  ],
  tables: [...CORE_TABLES, ...BILLING_TABLES, ...TELEMETRY_TABLES, ...INTEGRATION_TABLES],
  sequences: ["ops.ShipmentNumberSeq", "billing.InvoiceNumberSeq", "integration.BatchIdSeq"],
  synonyms: [
    { name: "integration.RemoteTrackingEvent", target: "[CARRIERHUB].[CarrierHub].[dbo].[TrackingEvent]" },
    { name: "integration.RemoteCarrier", target: "[CARRIERHUB].[CarrierHub].[dbo].[Carrier]" },
    { name: "report.Invoices", target: "[billing].[Invoice]" },
    { name: "dbo.usp_Deliver", target: "[ops].[usp_RecordDelivery]" },
  ],
  createdAt: "2023-05-14T09:00:00.000Z",
};

/** Archive: shipments moved out of KestrelColdChain, read-only, encrypted with TDE. */
export const ARCHIVE_SCHEMA: DatabaseSchemaSpec = {
  collation: "SQL_Latin1_General_CP1_CI_AS",
  schemas: [],
  dataSpaces: [{ name: "PRIMARY", type: "FG", isDefault: true }],
  tables: [
    {
      schema: "dbo",
      name: "ShipmentArchive",
      columns: [
        "ShipmentId bigint NOT NULL",
        "ShipmentNumber bigint NOT NULL",
        "CustomerCode varchar(12) NOT NULL",
        "BookedAt datetime2(0) NOT NULL",
        "DeliveredAt datetime2(0) NULL",
        "TotalPallets smallint NOT NULL",
        "Document varbinary(max) NULL",
      ],
      // A heap with no primary key: bulk loaded once a year.
      rows: 5_400_000,
      rowBytes: 70,
      createdAt: "2021-01-10T07:30:00.000Z",
    },
    {
      schema: "dbo",
      name: "ArchiveRun",
      columns: [
        "RunId int NOT NULL IDENTITY(1,1)",
        "RanAt datetime2(0) NOT NULL",
        "RowsMoved bigint NOT NULL",
      ],
      indexes: [primaryKey("PK_ArchiveRun", ["RunId"])],
      defaults: [{ column: "RanAt", definition: "(sysutcdatetime())", name: "DF_ArchiveRun_RanAt" }],
      rows: 5,
      rowBytes: 30,
      createdAt: "2021-01-10T07:30:00.000Z",
    },
    {
      schema: "dbo",
      name: "ArchiveSetting",
      // Settings of the archiving job; values of any type, and no key.
      columns: ["SettingName nvarchar(128) NOT NULL", "SettingValue sql_variant NULL"],
      rows: 12,
      rowBytes: 90,
      createdAt: "2021-01-10T07:30:00.000Z",
    },
  ],
  createdAt: "2021-01-10T07:00:00.000Z",
};

export const SCHEMA_AREA: FixtureArea = {
  databases: {
    KestrelColdChain: buildSchemaViews(KESTREL_COLD_CHAIN_SCHEMA),
    Archive: buildSchemaViews(ARCHIVE_SCHEMA),
  },
};
