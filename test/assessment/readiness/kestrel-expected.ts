/**
 * The Kestrel fixture server collected into a LiveSource through the
 * in-memory session, and the readiness items expected of it.
 */

import assert from "node:assert/strict";

import type { LiveSource } from "../../../src/assessment/model.js";
import { collectServer } from "../../../src/sources/sqlserver/collect.js";
import type { InventoryItem, ServerHeader } from "../../../src/sources/sqlserver/collected.js";
import { kestrelServer } from "../../helpers/sqlserver-fixture/kestrel/index.js";
import { memorySession } from "../../helpers/sqlserver-fixture/memory-session.js";

/** Collects the Kestrel server into a LiveSource, as the pipeline stores it. */
export async function kestrelLiveSource(): Promise<LiveSource> {
  const session = memorySession(kestrelServer(), "KESTREL-SQL01");
  const inventory: Record<string, InventoryItem[]> = {};
  const problems: LiveSource["problems"][number][] = [];
  let server: ServerHeader | undefined;
  for await (const item of collectServer(session, {})) {
    if (item.kind === "server") {
      server = item.server;
    } else if (item.kind === "inventory") {
      (inventory[item.part] ??= []).push(...item.items);
    } else if (item.kind === "problem") {
      problems.push(item.problem);
    }
  }
  assert.ok(server, "the collection gave no server header");
  return { server, inventory, problems };
}

/** Every item of the Kestrel server for Babelfish, in report order. */
export const KESTREL_READINESS: readonly string[] = [
  "blocker readiness.database.recovery-model:Archive",
  "blocker readiness.table.no-key:Archive.dbo.ArchiveSetting",
  "blocker readiness.column.sql-variant:Archive.dbo.ArchiveSetting.SettingValue",
  "blocker readiness.table.no-key:Archive.dbo.ShipmentArchive",
  "blocker readiness.database.log-options.accelerated-recovery:KestrelColdChain",
  "blocker readiness.table.temporal:KestrelColdChain.billing.RateCard",
  "blocker readiness.table.memory-optimized:KestrelColdChain.ops.DockSlotReservation",
  "blocker readiness.table.sparse:KestrelColdChain.ops.Trailer",
  "blocker readiness.table.columnstore:KestrelColdChain.telemetry.SensorReading",
  "blocker readiness.table.no-key:KestrelColdChain.telemetry.SensorReading",
  "blocker readiness.table.columnstore:KestrelColdChain.telemetry.SensorReadingArchive",
  "blocker readiness.table.no-key:KestrelColdChain.telemetry.SensorReadingArchive",
  "warning readiness.database.backups:Archive",
  "warning readiness.database.backups:KestrelColdChain",
  "warning readiness.column.xml:KestrelColdChain.billing.Contract.Terms",
  "warning readiness.column.clr-type:KestrelColdChain.billing.CustomerSite.Location",
  "warning readiness.table.computed:KestrelColdChain.billing.Invoice",
  "warning readiness.column.rowversion:KestrelColdChain.billing.Invoice.RowVer",
  "warning readiness.table.computed:KestrelColdChain.billing.InvoiceLine",
  "warning readiness.table.computed:KestrelColdChain.billing.Payment",
  "warning readiness.table.temporal:KestrelColdChain.billing.RateCardHistory",
  "warning readiness.table.computed:KestrelColdChain.hr.Employee",
  "warning readiness.column.clr-type:KestrelColdChain.hr.Employee.OrgNode",
  "warning readiness.table.computed:KestrelColdChain.integration.CarrierTracking",
  "warning readiness.column.clr-type:KestrelColdChain.integration.CarrierTracking.Position",
  "warning readiness.table.computed:KestrelColdChain.integration.InboundMessage",
  "warning readiness.column.deprecated-lob:KestrelColdChain.legacy.OldOrder.Instructions",
  "warning readiness.column.deprecated-lob:KestrelColdChain.legacy.OldOrder.InstructionsUni",
  "warning readiness.column.deprecated-lob:KestrelColdChain.legacy.OldOrder.ScannedForm",
  "warning readiness.column.rowversion:KestrelColdChain.legacy.OldOrder.Stamp",
  "warning readiness.table.filestream:KestrelColdChain.ops.DeliveryDocument",
  "warning readiness.table.computed:KestrelColdChain.ops.Depot",
  "warning readiness.column.clr-type:KestrelColdChain.ops.Depot.Location",
  "warning readiness.table.computed:KestrelColdChain.ops.Route",
  "warning readiness.table.computed:KestrelColdChain.ops.Shipment",
  "warning readiness.column.rowversion:KestrelColdChain.ops.Shipment.RowVer",
  "warning readiness.column.rowversion:KestrelColdChain.ops.Vehicle.RowVer",
  "warning readiness.table.computed:KestrelColdChain.telemetry.Sensor",
  "warning readiness.table.computed:KestrelColdChain.telemetry.TemperatureExcursion",
  "info readiness.database.tde:Archive",
  "info readiness.table.identity:Archive.dbo.ArchiveRun",
  "info readiness.table.load-strategy.lob:Archive.dbo.ShipmentArchive",
  "info readiness.database.change-capture.cdc:KestrelColdChain",
  "info readiness.database.change-capture.change-tracking:KestrelColdChain",
  "info readiness.database.sequences:KestrelColdChain",
  "info readiness.table.identity:KestrelColdChain.audit.ChangeLog",
  "info readiness.table.load-strategy.lob:KestrelColdChain.audit.ChangeLog",
  "info readiness.table.identity:KestrelColdChain.audit.DdlEvent",
  "info readiness.table.load-strategy.lob:KestrelColdChain.audit.DdlEvent",
  "info readiness.table.identity:KestrelColdChain.audit.LoginAudit",
  "info readiness.table.identity:KestrelColdChain.billing.Contract",
  "info readiness.table.load-strategy.lob:KestrelColdChain.billing.Contract",
  "info readiness.table.identity:KestrelColdChain.billing.CreditNote",
  "info readiness.table.identity:KestrelColdChain.billing.Customer",
  "info readiness.table.load-strategy.lob:KestrelColdChain.billing.Customer",
  "info readiness.table.identity:KestrelColdChain.billing.CustomerSite",
  "info readiness.table.load-strategy.lob:KestrelColdChain.billing.CustomerSite",
  "info readiness.table.identity:KestrelColdChain.billing.Invoice",
  "info readiness.table.identity:KestrelColdChain.billing.LedgerEntry",
  "info readiness.table.identity:KestrelColdChain.billing.Payment",
  "info readiness.table.identity:KestrelColdChain.billing.RateCard",
  "info readiness.table.identity:KestrelColdChain.hr.Employee",
  "info readiness.table.converted-types:KestrelColdChain.integration.CarrierTracking",
  "info readiness.table.load-strategy.lob:KestrelColdChain.integration.CarrierTracking",
  "info readiness.table.load-strategy.parallel:KestrelColdChain.integration.CarrierTracking",
  "info readiness.table.load-strategy.lob:KestrelColdChain.integration.InboundMessage",
  "info readiness.table.identity:KestrelColdChain.integration.OutboundEvent",
  "info readiness.table.load-strategy.lob:KestrelColdChain.integration.OutboundEvent",
  "info readiness.table.converted-types:KestrelColdChain.legacy.OldOrder",
  "info readiness.table.load-strategy.lob:KestrelColdChain.legacy.OldOrder",
  "info readiness.table.load-strategy.lob:KestrelColdChain.ops.DeliveryDocument",
  "info readiness.table.identity:KestrelColdChain.ops.Depot",
  "info readiness.table.load-strategy.lob:KestrelColdChain.ops.Depot",
  "info readiness.table.identity:KestrelColdChain.ops.IncidentReport",
  "info readiness.table.load-strategy.lob:KestrelColdChain.ops.IncidentReport",
  "info readiness.table.identity:KestrelColdChain.ops.Route",
  "info readiness.table.identity:KestrelColdChain.ops.Shipment",
  "info readiness.table.load-strategy.lob:KestrelColdChain.ops.Shipment",
  "info readiness.table.identity:KestrelColdChain.ops.ShipmentStatusHistory",
  "info readiness.table.identity:KestrelColdChain.ops.Trailer",
  "info readiness.table.load-strategy.lob:KestrelColdChain.ops.Trailer",
  "info readiness.table.identity:KestrelColdChain.ops.Vehicle",
  "info readiness.table.converted-types:KestrelColdChain.report.KpiSnapshot",
  "info readiness.table.identity:KestrelColdChain.telemetry.Sensor",
  "info readiness.table.load-strategy.parallel:KestrelColdChain.telemetry.SensorReading",
  "info readiness.table.load-strategy.parallel:KestrelColdChain.telemetry.SensorReadingArchive",
  "info readiness.table.identity:KestrelColdChain.telemetry.TemperatureExcursion",
];

