/**
 * Rows of sys.sql_expression_dependencies for the Kestrel fixture server,
 * with the columns of "sys.sql_expression_dependencies (Transact-SQL)",
 * Microsoft Learn (SQL Server 2022). They follow the code of the example
 * views and procedures: a view over five tables, an indexed (schema-bound)
 * view, a view that reads a linked-server table through a synonym, a
 * procedure calling another, and Archive's view over its heap.
 * Object ids are looked up in the schema and module areas by name.
 */

import type { SqlValue } from "../../tds-server/index.js";
import type { CatalogViews } from "../fixture.js";
import type { FixtureArea } from "./area.js";
import { MODULES } from "./modules.js";
import { SCHEMA_AREA } from "./schema.js";

type Row = Record<string, SqlValue>;

/** Finds the object_id of `schema.name` in a database's schema and module rows. */
function objectId(database: string, qualified: string): number {
  const [schema, name] = qualified.split(".");
  const views = [SCHEMA_AREA.databases?.[database], MODULES.databases?.[database]];
  const schemas = SCHEMA_AREA.databases?.[database]?.["sys.schemas"] ?? [];
  const schemaId = schemas.find((s) => s["name"] === schema)?.["schema_id"];
  for (const view of views) {
    const found = (view?.["sys.objects"] ?? []).find((o) => o["name"] === name && o["schema_id"] === schemaId);
    if (typeof found?.["object_id"] === "number") {
      return found["object_id"];
    }
  }
  throw new Error(`the dependency fixture names ${database}.${qualified}, which no Kestrel area creates`);
}

/** A resolved reference of one object to another object of the same database. */
function reference(database: string, referencing: string, referenced: string, schemaBound = false): Row {
  const [schema, name] = referenced.split(".");
  return {
    referencing_id: objectId(database, referencing),
    referencing_minor_id: 0,
    referencing_class: 1,
    referencing_class_desc: "OBJECT_OR_COLUMN",
    is_schema_bound_reference: schemaBound,
    referenced_class: 1,
    referenced_class_desc: "OBJECT_OR_COLUMN",
    referenced_server_name: null,
    referenced_database_name: null,
    referenced_schema_name: schema!,
    referenced_entity_name: name!,
    referenced_id: objectId(database, referenced),
    referenced_minor_id: 0,
    is_caller_dependent: false,
    is_ambiguous: false,
  };
}

function kestrelRows(): Row[] {
  const db = "KestrelColdChain";
  const summary = ["ops.Shipment", "billing.Customer", "ops.Depot", "billing.CustomerSite", "ops.Route"];
  return [
    ...summary.map((table) => reference(db, "ops.vShipmentSummary", table)),
    reference(db, "report.vInvoiceTotalsByCustomer", "billing.Invoice", true),
    reference(db, "report.vInvoiceTotalsByCustomer", "billing.InvoiceLine", true),
    reference(db, "integration.vCarrierPositions", "integration.RemoteTrackingEvent"),
    reference(db, "integration.usp_BookFromJson", "ops.usp_CreateShipment"),
  ];
}

function archiveRows(): Row[] {
  return [reference("Archive", "dbo.vArchivedShipment", "dbo.ShipmentArchive")];
}

function views(rows: Row[]): CatalogViews {
  return { "sys.sql_expression_dependencies": rows };
}

export const DEPENDENCIES: FixtureArea = {
  databases: {
    KestrelColdChain: views(kestrelRows()),
    Archive: views(archiveRows()),
  },
};
