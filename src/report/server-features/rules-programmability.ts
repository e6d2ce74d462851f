/**
 * Rules for code that runs beside T-SQL: CLR assemblies, Service Broker,
 * and the server options that open the operating system or other data
 * sources to T-SQL (xp_cmdshell, OLE Automation, ad hoc distributed
 * queries).
 */

import { databasesOf, isTrue } from "./inventory-view.js";
import { optionEvidence, type FeatureRule, type RuleOutcome } from "./rule.js";

const clr: FeatureRule = {
  id: "clr",
  name: "CLR integration",
  category: "programmability",
  databaseLevel: true,
  migration:
    "Babelfish does not run CLR assemblies: rewrite them in PL/pgSQL, or move the logic to " +
    "AWS Lambda (the aws_lambda extension).",

  evaluate(view): RuleOutcome {
    const option = view.configuration("clr enabled");
    const assemblies = view.items("clr-assemblies");
    const evidence = [optionEvidence("clr enabled", option), `sys.assemblies: ${assemblies.length} user assemblies`];
    const counts = { assemblies: assemblies.length };
    const databases = databasesOf(assemblies);

    if (option === 1) {
      return { state: assemblies.length > 0 ? "enabled" : "installed-not-used", evidence, counts, databases };
    }
    return { state: "disabled", evidence, counts, databases };
  },
};

const serviceBroker: FeatureRule = {
  id: "service-broker",
  name: "Service Broker",
  category: "programmability",
  databaseLevel: true,
  migration:
    "Babelfish does not support Service Broker: use Amazon SQS or Amazon SNS, or a queue " +
    "table with LISTEN and NOTIFY.",

  evaluate(view): RuleOutcome {
    const brokerDatabases = view
      .items("databases")
      .filter((db) => db["isBrokerEnabled"] === true && db["isSystem"] !== true);
    const queues = view.itemsOfType("service-broker", "queue");
    const services = view.itemsOfType("service-broker", "service");
    const counts = { brokerDatabases: brokerDatabases.length, queues: queues.length, services: services.length };
    const evidence = [
      `sys.databases: is_broker_enabled in ${brokerDatabases.length} user databases`,
      `sys.service_queues: ${queues.length} user queues`,
      `sys.services: ${services.length} user services`,
    ];

    if (queues.length > 0 || services.length > 0) {
      return { state: "enabled", evidence, counts, databases: databasesOf([...queues, ...services]) };
    }
    return { state: brokerDatabases.length > 0 ? "installed-not-used" : "disabled", evidence, counts };
  },
};

/** Accounts that SQL Server Setup creates for its own services, which do not move. */
const BUILT_IN_WINDOWS_LOGIN = /^NT (SERVICE|AUTHORITY)\\/i;

const windowsAuthentication: FeatureRule = {
  id: "windows-authentication",
  name: "Windows authentication",
  category: "security",
  databaseLevel: false,
  migration:
    "Babelfish authenticates SQL logins; Windows logins and groups need Kerberos through " +
    "AWS Directory Service where the Babelfish version supports it, or become SQL logins.",

  evaluate(view): RuleOutcome {
    const integratedOnly = isTrue(view.first("server"), "isIntegratedSecurityOnly");
    const logins = view
      .itemsOfType("logins", "login")
      .filter((login) => !BUILT_IN_WINDOWS_LOGIN.test(String(login["name"])));
    const count = (type: string) => logins.filter((login) => login["principalType"] === type).length;
    const counts = {
      windowsLogins: count("WINDOWS_LOGIN"),
      windowsGroups: count("WINDOWS_GROUP"),
      sqlLogins: count("SQL_LOGIN"),
    };
    const evidence = [
      `SERVERPROPERTY('IsIntegratedSecurityOnly') = ${integratedOnly ? 1 : 0}`,
      `sys.server_principals: ${counts.windowsLogins} Windows logins and ${counts.windowsGroups} ` +
        `Windows groups besides NT SERVICE and NT AUTHORITY, ${counts.sqlLogins} SQL logins`,
    ];

    if (integratedOnly || counts.windowsLogins + counts.windowsGroups > 0) {
      return { state: "enabled", evidence, counts };
    }
    return { state: "disabled", evidence, counts };
  },
};

/** Builds the rule of a feature that only a server option turns on, with no catalog to count its use. */
function optionRule(id: string, name: string, option: string, migration: string): FeatureRule {
  return {
    id,
    name,
    category: "security",
    databaseLevel: false,
    migration,

    evaluate(view): RuleOutcome {
      const value = view.configuration(option);
      return { state: value === 1 ? "enabled" : "disabled", evidence: [optionEvidence(option, value)] };
    },
  };
}

export const PROGRAMMABILITY_RULES: readonly FeatureRule[] = [
  clr,
  serviceBroker,
  windowsAuthentication,
  optionRule(
    "xp-cmdshell",
    "xp_cmdshell",
    "xp_cmdshell",
    "Aurora gives no shell access: move the commands to AWS Lambda, AWS Batch or the application.",
  ),
  optionRule(
    "ole-automation",
    "OLE Automation procedures",
    "Ole Automation Procedures",
    "sp_OA procedures have no equivalent: call AWS Lambda or the application instead.",
  ),
  optionRule(
    "ad-hoc-distributed-queries",
    "Ad hoc distributed queries",
    "Ad Hoc Distributed Queries",
    "OPENROWSET and OPENDATASOURCE become foreign tables or aws_s3 imports.",
  ),
];
