/**
 * Rules for what connects the server to other services: Integration,
 * Reporting and Analysis Services, linked servers and distributed
 * transactions (MSDTC). SSIS, SSRS and SSAS run as services of their
 * own, and no catalog view of the Database Engine lists them. These rules
 * read what they leave in the engine instead: the SSISDB catalog, msdb
 * packages and job steps, report server databases, MSOLAP linked servers.
 * The linked server line follows "Babelfish supports linked servers"
 * (Amazon Aurora User Guide): tds_fdw from Babelfish 3.1.0.
 */

import type { InventoryItem } from "../../sources/sqlserver/collected.js";
import { numberField, sumOf, type InventoryView } from "./inventory-view.js";
import { optionEvidence, type FeatureRule, type RuleOutcome } from "./rule.js";

/** packagetype 6 in msdb.dbo.sysssispackages: made by the Maintenance Plan Designer or Wizard. */
const MAINTENANCE_PLAN_TYPE = 6;

/** Default names of the report server databases: ReportServer, or ReportServer$INSTANCE. */
const REPORT_SERVER_DATABASE = /^ReportServer(\$[^$]+)?$/i;

/** Subscriptions and schedules of Reporting Services are Agent jobs in this category. */
const REPORT_SERVER_JOB_CATEGORY = "Report Server";

function databaseNamed(view: InventoryView, pattern: RegExp): InventoryItem[] {
  return view.items("databases").filter((item) => pattern.test(String(item["name"])));
}

const integrationServices: FeatureRule = {
  id: "integration-services",
  name: "Integration Services (SSIS)",
  category: "integration",
  databaseLevel: false,
  migration:
    "Packages run outside the database: repoint their connections at the new endpoint " +
    "(Babelfish accepts SQL Server clients over TDS) or rebuild them in AWS Glue; " +
    "the SSISDB catalog itself stays on SQL Server.",

  evaluate(view): RuleOutcome {
    const catalog = databaseNamed(view, /^SSISDB$/i);
    const steps = view.itemsOfType("agent", "job-step").filter((step) => step["subsystem"] === "SSIS");
    const packageRows = view.items("integration-services");
    const userPackages = packageRows
      .filter((row) => row["packageType"] !== MAINTENANCE_PLAN_TYPE)
      .reduce((total, row) => total + numberField(row, "packages") - numberField(row, "dataCollectorPackages"), 0);
    const counts = { catalogDatabases: catalog.length, ssisJobSteps: steps.length, msdbPackages: userPackages };
    const evidence = [
      `sys.databases: ${catalog.length === 0 ? "no SSISDB" : "SSISDB present"}`,
      `msdb.dbo.sysjobsteps: ${steps.length} SSIS steps`,
      `msdb.dbo.sysssispackages: ${userPackages} packages besides maintenance plans and the Data Collector's`,
    ];

    if (catalog.length > 0 || steps.length > 0 || userPackages > 0) {
      return { state: "enabled", evidence, counts, databases: catalog.map((db) => String(db["name"])) };
    }
    return {
      state: "unknown",
      evidence,
      counts,
      reason:
        "no SSISDB catalog, SSIS job step or msdb package; the Integration Services service " +
        "and packages kept in the file system are not visible from T-SQL",
    };
  },
};

const maintenancePlans: FeatureRule = {
  id: "maintenance-plans",
  name: "Maintenance plans",
  category: "services",
  databaseLevel: false,
  migration:
    "Aurora takes backups itself; schedule VACUUM, ANALYZE and index work with pg_cron where needed.",

  evaluate(view): RuleOutcome {
    const plans = sumOf(
      view.items("integration-services").filter((row) => row["packageType"] === MAINTENANCE_PLAN_TYPE),
      "packages",
    );
    const evidence = [
      `msdb.dbo.sysssispackages: ${plans} packages of type ${MAINTENANCE_PLAN_TYPE} (maintenance plan)`,
    ];
    return { state: plans > 0 ? "enabled" : "disabled", evidence, counts: { plans } };
  },
};

const reportingServices: FeatureRule = {
  id: "reporting-services",
  name: "Reporting Services (SSRS) catalog",
  category: "integration",
  databaseLevel: false,
  migration:
    "The report server database must stay on SQL Server; reports that read migrated " +
    "databases need their data sources repointed.",

  evaluate(view): RuleOutcome {
    const catalogs = databaseNamed(view, REPORT_SERVER_DATABASE);
    const jobs = view
      .itemsOfType("agent", "job")
      .filter((job) => job["category"] === REPORT_SERVER_JOB_CATEGORY);
    const counts = { catalogDatabases: catalogs.length, subscriptionJobs: jobs.length };
    const evidence = [
      `sys.databases: ${catalogs.length} report server databases`,
      `msdb.dbo.sysjobs: ${jobs.length} jobs in category '${REPORT_SERVER_JOB_CATEGORY}'`,
    ];

    if (catalogs.length > 0 || jobs.length > 0) {
      return { state: "enabled", evidence, counts, databases: catalogs.map((db) => String(db["name"])) };
    }
    return {
      state: "unknown",
      evidence,
      counts,
      reason:
        "no report server database here; Reporting Services runs as a service of its own " +
        "and may keep its catalog on another instance",
    };
  },
};

const analysisServices: FeatureRule = {
  id: "analysis-services",
  name: "Analysis Services (SSAS)",
  category: "integration",
  databaseLevel: false,
  migration:
    "Cubes and tabular models do not move with the database; their data source " +
    "connections must point at the new database.",

  evaluate(view): RuleOutcome {
    const olap = view
      .items("linked-servers")
      .filter((server) => String(server["provider"] ?? "").toUpperCase().startsWith("MSOLAP"));
    const evidence = [`sys.servers: ${olap.length} linked servers with provider MSOLAP`];

    return {
      state: "unknown",
      evidence,
      counts: { olapLinkedServers: olap.length },
      reason:
        "Analysis Services is a service of its own that no Database Engine view lists; " +
        "check the host's services or SQL Server Configuration Manager",
    };
  },
};

const linkedServers: FeatureRule = {
  id: "linked-servers",
  name: "Linked servers",
  category: "integration",
  databaseLevel: false,
  migration:
    "Babelfish 3.1 and later reach SQL Server linked servers through the tds_fdw extension, " +
    "with explicit remote logins only; other providers need another wrapper or application changes.",

  evaluate(view): RuleOutcome {
    const servers = view.items("linked-servers");
    const sqlServer = servers.filter((server) =>
      /^(SQLNCLI|MSOLEDBSQL|SQLOLEDB)/i.test(String(server["provider"] ?? "")),
    ).length;
    const counts = {
      linkedServers: servers.length,
      sqlServerProviders: sqlServer,
      otherProviders: servers.length - sqlServer,
    };
    const evidence = [`sys.servers: ${servers.length} linked servers, ${sqlServer} through SQL Server providers`];

    return { state: servers.length > 0 ? "enabled" : "disabled", evidence, counts };
  },
};

const distributedTransactions: FeatureRule = {
  id: "msdtc",
  name: "Distributed transactions (MSDTC)",
  category: "integration",
  databaseLevel: false,
  migration:
    "Aurora PostgreSQL has no distributed transaction coordinator: redesign work that spans " +
    "servers (PREPARE TRANSACTION for two-phase commit, or compensating steps).",

  evaluate(view): RuleOutcome {
    const remoteProcTrans = view.configuration("remote proc trans");
    const inDoubt = view.configuration("in-doubt xact resolution");
    const promoting = view
      .items("linked-servers")
      .filter((server) => server["rpcOut"] === true && server["remoteProcTransactionPromotion"] === true);
    const dtcGroups = view.items("availability-groups").filter((group) => group["dtcSupport"] === true);
    const counts = { promotingLinkedServers: promoting.length, dtcAvailabilityGroups: dtcGroups.length };
    const evidence = [
      optionEvidence("remote proc trans", remoteProcTrans),
      optionEvidence("in-doubt xact resolution", inDoubt),
      `sys.servers: ${promoting.length} linked servers with RPC out and transaction promotion`,
      `sys.availability_groups: ${dtcGroups.length} with DTC support`,
    ];

    if (remoteProcTrans === 1 || dtcGroups.length > 0) {
      return { state: "enabled", evidence, counts };
    }
    return {
      state: "unknown",
      evidence,
      counts,
      reason:
        "whether the MSDTC service runs is not visible from T-SQL; code that starts " +
        "distributed transactions appears in the findings",
    };
  },
};

export const INTEGRATION_RULES: readonly FeatureRule[] = [
  integrationServices,
  maintenancePlans,
  reportingServices,
  analysisServices,
  linkedServers,
  distributedTransactions,
];
