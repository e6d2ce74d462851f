/**
 * Rules for the services around the Database Engine: SQL Server Agent,
 * Database Mail, Full-Text Search, Machine Learning Services and PolyBase.
 * The migration lines agree with the catalog's remedies for the procedures
 * behind each feature (src/catalog/features/system-objects.ts).
 */

import { databasesOf, isTrue, numberField, sumOf, type InventoryView } from "./inventory-view.js";
import { optionEvidence, type FeatureRule, type RuleOutcome } from "./rule.js";

/** Returns the service of this kind (`agent`, `full-text`, `launchpad`) from the services part. */
function serviceOf(view: InventoryView, kind: string) {
  return view.items("services").find((item) => item["kind"] === kind);
}

function serviceEvidence(service: ReturnType<typeof serviceOf>): string[] {
  if (service === undefined) {
    return [];
  }
  const name = String(service["name"]);
  return [`sys.dm_server_services: ${name} ${String(service["status"])}, ${String(service["startupType"])}`];
}

const agent: FeatureRule = {
  id: "agent",
  name: "SQL Server Agent",
  category: "services",
  databaseLevel: false,
  migration:
    "Babelfish does not run Agent jobs: schedule them with the pg_cron extension, " +
    "or with Amazon EventBridge Scheduler and AWS Lambda.",

  evaluate(view): RuleOutcome {
    const xps = view.configuration("Agent XPs");
    const service = serviceOf(view, "agent");
    const jobs = view.itemsOfType("agent", "job");
    const summary = view.itemsOfType("agent", "summary")[0];
    const counts = {
      jobs: jobs.length,
      enabledJobs: jobs.filter((job) => job["enabled"] === true).length,
      operators: numberField(summary, "operators"),
      alerts: numberField(summary, "alerts"),
    };
    const evidence = [
      optionEvidence("Agent XPs", xps),
      ...serviceEvidence(service),
      `msdb.dbo.sysjobs: ${jobs.length} jobs`,
    ];

    // 'Agent XPs' is switched on when the Agent service starts.
    const running = xps === 1 || service?.["status"] === "Running";
    if (running) {
      return { state: jobs.length > 0 ? "enabled" : "installed-not-used", evidence, counts };
    }
    return { state: "disabled", evidence, counts };
  },
};

const databaseMail: FeatureRule = {
  id: "database-mail",
  name: "Database Mail",
  category: "services",
  databaseLevel: false,
  migration:
    "Aurora PostgreSQL sends no mail: send it through Amazon SES from AWS Lambda " +
    "(the aws_lambda extension) or from the application.",

  evaluate(view): RuleOutcome {
    const xps = view.configuration("Database Mail XPs");
    const profiles = view.itemsOfType("database-mail", "profile").length;
    const accounts = view.itemsOfType("database-mail", "account").length;
    const evidence = [
      optionEvidence("Database Mail XPs", xps),
      `msdb.dbo.sysmail_profile: ${profiles} profiles`,
      `msdb.dbo.sysmail_account: ${accounts} accounts`,
    ];
    const counts = { profiles, accounts };

    if (xps === 1) {
      return { state: profiles > 0 ? "enabled" : "installed-not-used", evidence, counts };
    }
    return { state: "disabled", evidence, counts };
  },
};

const fullTextSearch: FeatureRule = {
  id: "full-text-search",
  name: "Full-Text Search",
  category: "services",
  databaseLevel: true,
  migration:
    "PostgreSQL full-text search (tsvector, tsquery, GIN indexes) replaces it; " +
    "CONTAINS and FREETEXT queries are rewritten where the findings mark them unsupported.",

  evaluate(view): RuleOutcome {
    const installed = isTrue(view.first("server"), "isFullTextInstalled");
    const service = serviceOf(view, "full-text");
    const catalogs = view.itemsOfType("full-text", "catalog");
    const indexes = view.itemsOfType("full-text", "index");
    const evidence = [
      `SERVERPROPERTY('IsFullTextInstalled') = ${installed ? 1 : 0}`,
      ...serviceEvidence(service),
      `sys.fulltext_catalogs: ${catalogs.length}`,
      `sys.fulltext_indexes: ${indexes.length}`,
    ];
    const counts = { catalogs: catalogs.length, indexes: indexes.length };
    const databases = databasesOf([...catalogs, ...indexes]);

    if (indexes.length > 0 || catalogs.length > 0) {
      return { state: "enabled", evidence, counts, databases };
    }
    return { state: installed || service !== undefined ? "installed-not-used" : "disabled", evidence, counts };
  },
};

const machineLearning: FeatureRule = {
  id: "machine-learning-services",
  name: "Machine Learning Services (R, Python)",
  category: "services",
  databaseLevel: false,
  migration:
    "sp_execute_external_script has no equivalent: run the models in Amazon SageMaker, " +
    "called through Aurora machine learning (the aws_ml extension) or from the application.",

  evaluate(view): RuleOutcome {
    const properties = view.first("instance-features");
    const installed = isTrue(properties, "isAdvancedAnalyticsInstalled");
    const scripts = view.configuration("external scripts enabled");
    const launchpad = serviceOf(view, "launchpad");
    const evidence = [
      `SERVERPROPERTY('IsAdvancedAnalyticsInstalled') = ${installed ? 1 : 0}`,
      optionEvidence("external scripts enabled", scripts),
      ...serviceEvidence(launchpad),
    ];

    if (scripts === 1) {
      return { state: "enabled", evidence };
    }
    return { state: installed || launchpad !== undefined ? "installed-not-used" : "disabled", evidence };
  },
};

const polyBase: FeatureRule = {
  id: "polybase",
  name: "PolyBase and external data",
  category: "integration",
  databaseLevel: true,
  migration:
    "External tables become foreign tables (postgres_fdw, tds_fdw and the other wrappers " +
    "Aurora supports) or imports from Amazon S3 with the aws_s3 extension.",

  evaluate(view): RuleOutcome {
    const installed = isTrue(view.first("server"), "isPolyBaseInstalled");
    const enabledOption = view.configuration("polybase enabled");
    const externalTables = view.items("tables").filter((table) => table["isExternal"] === true);
    const sources = view.items("database-features").filter((item) => numberField(item, "externalDataSources") > 0);
    const counts = {
      externalTables: externalTables.length,
      externalDataSources: sumOf(sources, "externalDataSources"),
    };
    const evidence = [
      `SERVERPROPERTY('IsPolyBaseInstalled') = ${installed ? 1 : 0}`,
      optionEvidence("polybase enabled", enabledOption),
      `sys.external_tables: ${counts.externalTables}`,
      `sys.external_data_sources: ${counts.externalDataSources}`,
    ];
    const databases = databasesOf([...externalTables, ...sources]);

    if (externalTables.length > 0) {
      return { state: "enabled", evidence, counts, databases };
    }
    // External data sources of type BLOB_STORAGE serve BULK INSERT and
    // OPENROWSET without PolyBase, so they alone do not make it used.
    return { state: installed ? "installed-not-used" : "disabled", evidence, counts, databases };
  },
};

export const SERVICE_RULES: readonly FeatureRule[] = [
  agent,
  databaseMail,
  fullTextSearch,
  machineLearning,
  polyBase,
];
