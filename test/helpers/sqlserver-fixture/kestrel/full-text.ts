/**
 * Full-text search in KestrelColdChain, after
 * examples/kestrel-cold-chain/02-schemas-types.sql and
 * 04-tables-telemetry-audit.sql: the default catalog ftIncidents, the
 * stoplist slIncidents made from the system stoplist plus 'pallet', and
 * the full-text index on ops.IncidentReport (Title, Body and Photo typed
 * by PhotoExtension) with automatic change tracking.
 */

import type { ViewRows } from "../fixture.js";
import type { FixtureArea } from "./area.js";
import { SCHEMA_AREA } from "./schema.js";

const KESTREL_VIEWS = SCHEMA_AREA.databases?.["KestrelColdChain"] ?? {};

/** Returns the object_id the schema area gave ops.IncidentReport. */
function incidentReportId(): number {
  const ops = KESTREL_VIEWS["sys.schemas"]?.find((s) => s["name"] === "ops");
  const table = KESTREL_VIEWS["sys.objects"]?.find(
    (o) => o["name"] === "IncidentReport" && o["schema_id"] === ops?.["schema_id"],
  );
  if (table === undefined) {
    throw new Error("fixture: the schema area has no table ops.IncidentReport for the full-text index");
  }
  return table["object_id"] as number;
}

function columnIdOf(objectId: number, name: string): number {
  const column = KESTREL_VIEWS["sys.columns"]?.find((c) => c["object_id"] === objectId && c["name"] === name);
  if (column === undefined) {
    throw new Error(`fixture: ops.IncidentReport has no column ${name} for the full-text index`);
  }
  return column["column_id"] as number;
}

const INCIDENT_REPORT_ID = incidentReportId();

const CREATED = new Date("2024-03-11T08:05:00Z");

const catalogs: ViewRows = [
  {
    fulltext_catalog_id: 5,
    name: "ftIncidents",
    path: null,
    is_default: true,
    is_accent_sensitivity_on: false,
    data_space_id: null,
    file_id: null,
    principal_id: 1,
    is_importing: false,
  },
];

const indexes: ViewRows = [
  {
    object_id: INCIDENT_REPORT_ID,
    unique_index_id: 1,
    fulltext_catalog_id: 5,
    is_enabled: true,
    change_tracking_state: "A",
    change_tracking_state_desc: "AUTO",
    has_crawl_completed: true,
    crawl_type: "F",
    crawl_type_desc: "FULL_CRAWL",
    crawl_start_date: new Date("2024-03-11T08:06:00Z"),
    crawl_end_date: new Date("2024-03-11T08:06:04Z"),
    incremental_timestamp: null,
    stoplist_id: 5,
    data_space_id: 1,
    property_list_id: null,
  },
];

// Title, Body and Photo; Photo's type column is PhotoExtension.
const indexColumns: ViewRows = [
  ["Title", null],
  ["Body", null],
  ["Photo", "PhotoExtension"],
].map(([column, typeColumn]) => ({
  object_id: INCIDENT_REPORT_ID,
  column_id: columnIdOf(INCIDENT_REPORT_ID, column!),
  type_column_id: typeColumn === null ? null : columnIdOf(INCIDENT_REPORT_ID, typeColumn!),
  language_id: 1033,
  statistical_semantics: 0,
}));

const stoplists: ViewRows = [
  { stoplist_id: 5, name: "slIncidents", create_date: CREATED, modify_date: CREATED, principal_id: 1 },
];

// A few of the words copied from the system stoplist, and the one added.
const stopwords: ViewRows = ["about", "after", "the", "pallet"].map((word) => ({
  stoplist_id: 5,
  stopword: word,
  language: "English",
  language_id: 1033,
}));

export const FULL_TEXT: FixtureArea = {
  databases: {
    KestrelColdChain: {
      "sys.fulltext_catalogs": catalogs,
      "sys.fulltext_indexes": indexes,
      "sys.fulltext_index_columns": indexColumns,
      "sys.fulltext_stoplists": stoplists,
      "sys.fulltext_stopwords": stopwords,
    },
  },
};
