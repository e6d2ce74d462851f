/**
 * Telemetry, rate card, contract and ledger tables of KestrelColdChain, as
 * examples/kestrel-cold-chain/04-tables-telemetry-audit.sql creates them:
 * the partitioned clustered columnstore table, its archive, the temporal
 * table and its history table, typed XML with XML indexes, and the table
 * partitioned by posting year. Row counts are invented.
 */

import { foreignKey, index, primaryKey, uniqueKey, type TableSpec } from "./schema-model.js";

const CREATED = "2024-02-20T14:05:00.000Z";

const READING_COLUMNS = [
  "SensorId int NOT NULL",
  "ReadingTime datetime2(0) NOT NULL",
  "TemperatureC decimal(5,2) NOT NULL",
  "HumidityPct decimal(5,2) NULL",
  "DoorOpen bit NOT NULL",
  "BatteryPct tinyint NULL",
  "ReceivedAt datetime2(0) NOT NULL",
];

const RATE_CARD_COLUMNS = [
  "CustomerId int NULL",
  "OriginCountry char(2) NOT NULL",
  "DestinationCountry char(2) NOT NULL",
  "BandCode varchar(10) NOT NULL",
  "RatePerPallet decimal(19,4) NOT NULL",
  "RatePerKm decimal(19,4) NOT NULL",
  "MinimumCharge decimal(19,4) NOT NULL",
  "FuelSurchargePct decimal(5,2) NOT NULL",
];

export const TELEMETRY_TABLES: readonly TableSpec[] = [
  {
    schema: "telemetry",
    name: "Sensor",
    columns: [
      "SensorId int NOT NULL IDENTITY(1,1)",
      "SensorSerial varchar(24) NOT NULL",
      "TrailerId int NULL",
      "Compartment tinyint NOT NULL",
      "Firmware varchar(16) NULL",
      "CalibratedOn date NULL",
      "CalibrationDue date AS (dateadd(month,(12),[CalibratedOn]))",
      "IsActive bit NOT NULL",
    ],
    indexes: [primaryKey("PK_Sensor", ["SensorId"]), uniqueKey("UQ_Sensor_Serial", ["SensorSerial"])],
    foreignKeys: [foreignKey("FK_Sensor_Trailer", ["TrailerId"], "ops.Trailer")],
    checks: [{ name: "CK_Sensor_Compartment", definition: "([Compartment]>=(1) AND [Compartment]<=(3))", column: "Compartment" }],
    defaults: [
      { column: "Compartment", definition: "((1))", name: "DF_Sensor_Compartment" },
      { column: "IsActive", definition: "((1))", name: "DF_Sensor_IsActive" },
    ],
    rows: 2900,
    dataSpace: "OPERATIONS",
    createdAt: CREATED,
  },
  {
    schema: "telemetry",
    name: "SensorReading",
    columns: READING_COLUMNS,
    indexes: [
      { name: "CCI_SensorReading", type: "CLUSTERED COLUMNSTORE", keys: [] },
      index("IX_SensorReading_Sensor_Time", ["SensorId", "ReadingTime"], { include: ["TemperatureC"] }),
    ],
    defaults: [{ column: "ReceivedAt", definition: "(sysutcdatetime())", name: "DF_SensorReading_ReceivedAt" }],
    rows: 735_000_000,
    rowBytes: 30,
    dataSpace: "psReadingMonth",
    partitionColumn: "ReadingTime",
    createdAt: CREATED,
  },
  {
    schema: "telemetry",
    name: "SensorReadingArchive",
    columns: READING_COLUMNS,
    indexes: [
      { name: "CCI_SensorReadingArchive", type: "CLUSTERED COLUMNSTORE", keys: [], compression: "COLUMNSTORE_ARCHIVE" },
    ],
    rows: 480_000_000,
    rowBytes: 30,
    dataSpace: "ARCHIVE",
    createdAt: CREATED,
  },
  {
    schema: "telemetry",
    name: "TemperatureExcursion",
    columns: [
      "ExcursionId int NOT NULL IDENTITY(1,1)",
      "SensorId int NOT NULL",
      "ShipmentId bigint NULL",
      "StartedAt datetime2(0) NOT NULL",
      "EndedAt datetime2(0) NULL",
      "PeakTempC decimal(5,2) NOT NULL",
      "LimitTempC decimal(5,2) NOT NULL",
      "DurationMinutes int AS (datediff(minute,[StartedAt],isnull([EndedAt],[StartedAt])))",
      "Severity varchar(8) AS (case when abs([PeakTempC]-[LimitTempC])>=(5) then 'CRITICAL' when abs([PeakTempC]-[LimitTempC])>=(2) then 'MAJOR' else 'MINOR' end)",
      "AcknowledgedBy int NULL",
      "AcknowledgedAt datetime2(0) NULL",
      "Notes nvarchar(1000) NULL",
    ],
    indexes: [
      primaryKey("PK_TemperatureExcursion", ["ExcursionId"]),
      index("IX_TemperatureExcursion_Open", ["SensorId", "StartedAt"], { filter: "([EndedAt] IS NULL)" }),
    ],
    foreignKeys: [
      foreignKey("FK_TemperatureExcursion_Sensor", ["SensorId"], "telemetry.Sensor"),
      foreignKey("FK_TemperatureExcursion_Shipment", ["ShipmentId"], "ops.Shipment", ["ShipmentId"], { onDelete: "SET_NULL" }),
      foreignKey("FK_TemperatureExcursion_AckBy", ["AcknowledgedBy"], "hr.Employee", ["EmployeeId"]),
    ],
    checks: [
      {
        name: "CK_TemperatureExcursion_Ack",
        definition:
          "([AcknowledgedBy] IS NULL AND [AcknowledgedAt] IS NULL OR [AcknowledgedBy] IS NOT NULL AND [AcknowledgedAt] IS NOT NULL)",
      },
    ],
    rows: 15_400,
    createdAt: CREATED,
  },
  {
    schema: "billing",
    name: "RateCard",
    columns: [
      "RateCardId int NOT NULL IDENTITY(1,1)",
      ...RATE_CARD_COLUMNS,
      "ValidFrom datetime2(2) NOT NULL ROW_START HIDDEN",
      "ValidTo datetime2(2) NOT NULL ROW_END HIDDEN",
      "ChangedBy sysname NOT NULL",
    ],
    indexes: [
      primaryKey("PK_RateCard", ["RateCardId"]),
      uniqueKey("UQ_RateCard_Lane", ["CustomerId", "OriginCountry", "DestinationCountry", "BandCode"]),
    ],
    foreignKeys: [
      foreignKey("FK_RateCard_Customer", ["CustomerId"], "billing.Customer"),
      foreignKey("FK_RateCard_Band", ["BandCode"], "ref.TemperatureBand"),
    ],
    checks: [
      { name: "CK_RateCard_Fuel", definition: "([FuelSurchargePct]>=(0) AND [FuelSurchargePct]<=(40))", column: "FuelSurchargePct" },
    ],
    defaults: [
      { column: "RatePerKm", definition: "((0))", name: "DF_RateCard_RatePerKm" },
      { column: "MinimumCharge", definition: "((0))", name: "DF_RateCard_MinimumCharge" },
      { column: "FuelSurchargePct", definition: "((0))", name: "DF_RateCard_Fuel" },
      { column: "ChangedBy", definition: "(original_login())", name: "DF_RateCard_ChangedBy" },
    ],
    temporal: { history: "billing.RateCardHistory", periodStart: "ValidFrom", periodEnd: "ValidTo" },
    rows: 5200,
    createdAt: CREATED,
  },
  {
    // Created by SYSTEM_VERSIONING = ON: same columns, no constraints, and
    // a clustered index on the period columns.
    schema: "billing",
    name: "RateCardHistory",
    columns: [
      "RateCardId int NOT NULL",
      ...RATE_CARD_COLUMNS,
      "ValidFrom datetime2(2) NOT NULL",
      "ValidTo datetime2(2) NOT NULL",
      "ChangedBy sysname NOT NULL",
    ],
    indexes: [{ name: "ix_RateCardHistory", type: "CLUSTERED", keys: ["ValidTo", "ValidFrom"], compression: "PAGE" }],
    isHistory: true,
    rows: 38_000,
    createdAt: CREATED,
  },
  {
    schema: "billing",
    name: "Contract",
    columns: [
      "ContractId int NOT NULL IDENTITY(1,1)",
      "CustomerId int NOT NULL",
      "ContractCode varchar(20) NOT NULL",
      "StartsOn date NOT NULL",
      "EndsOn date NULL",
      "Terms xml(billing.ContractTermsSchema) NOT NULL",
      "SignedDocument varbinary(max) NULL",
      "CreatedAt datetime2(0) NOT NULL",
    ],
    indexes: [
      primaryKey("PK_Contract", ["ContractId"]),
      uniqueKey("UQ_Contract_Code", ["ContractCode"]),
      { name: "PXML_Contract_Terms", type: "XML", keys: ["Terms"], xml: {} },
      { name: "SXML_Contract_Terms_Path", type: "XML", keys: ["Terms"], xml: { secondary: "PATH", primary: "PXML_Contract_Terms" } },
      { name: "SXML_Contract_Terms_Value", type: "XML", keys: ["Terms"], xml: { secondary: "VALUE", primary: "PXML_Contract_Terms" } },
    ],
    foreignKeys: [foreignKey("FK_Contract_Customer", ["CustomerId"], "billing.Customer")],
    checks: [{ name: "CK_Contract_Dates", definition: "([EndsOn] IS NULL OR [EndsOn]>[StartsOn])" }],
    defaults: [{ column: "CreatedAt", definition: "(sysutcdatetime())" }],
    rows: 3100,
    rowBytes: 600,
    dataSpace: "OPERATIONS",
    lobDataSpace: "ARCHIVE",
    createdAt: CREATED,
  },
  {
    schema: "billing",
    name: "LedgerEntry",
    columns: [
      "EntryId bigint NOT NULL IDENTITY(1,1)",
      "PostingDate date NOT NULL",
      "Account char(6) NOT NULL",
      "InvoiceId int NULL",
      "PaymentId int NULL",
      "Debit decimal(19,4) NOT NULL",
      "Credit decimal(19,4) NOT NULL",
      "Narrative nvarchar(200) NULL",
    ],
    indexes: [primaryKey("PK_LedgerEntry", ["PostingDate", "EntryId"], { compression: "PAGE" })],
    checks: [
      { name: "CK_LedgerEntry_OneSide", definition: "([Debit]=(0) AND [Credit]>(0) OR [Debit]>(0) AND [Credit]=(0))" },
    ],
    defaults: [
      { column: "Debit", definition: "((0))" },
      { column: "Credit", definition: "((0))" },
    ],
    rows: 4_200_000,
    rowBytes: 140,
    dataSpace: "psInvoiceYear",
    partitionColumn: "PostingDate",
    createdAt: CREATED,
  },
];
