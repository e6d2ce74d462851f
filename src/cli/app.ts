/**
 * `infio app`: companies, their applications, the applications' servers,
 * questionnaires and metrics, kept in the store. `infio assess --app NAME`
 * then assesses every server of an application in one run.
 */

import { Command } from "commander";

import { withExamples, type CommandHost } from "./command.js";
import { applicationsCommand } from "./app-applications.js";
import { companiesCommand } from "./app-companies.js";
import { metricsCommand } from "./app-metrics.js";
import { appReportCommand } from "./app-report.js";
import { questionnaireCommand } from "./app-questionnaire.js";
import { serversCommand } from "./app-servers.js";

export function appCommand(host: CommandHost): Command {
  const app = new Command("app")
    .summary("manage companies, applications and their servers")
    .description(
      "Organise assessments as migration teams plan them: a company owns applications, an " +
        "application runs on production and non-production servers (live SQL Servers or script " +
        "folders), and has a discovery questionnaire and environment metrics. 'infio assess --app " +
        "NAME' assesses every server of an application and links the assessments to it. Every " +
        "change is in the audit log, with the old and new values.",
    )
    .addCommand(companiesCommand(host))
    .addCommand(applicationsCommand(host))
    .addCommand(serversCommand(host))
    .addCommand(questionnaireCommand(host))
    .addCommand(metricsCommand(host))
    .addCommand(appReportCommand(host));

  return withExamples(app, [
    "infio app companies add 'Kestrel Logistics'",
    "infio app applications add Billing --company 'Kestrel Logistics'",
    "infio app servers add Billing sql01 --production --server sql01.corp.example --user infio_reader --password-env INFIO_SQL_PASSWORD",
    "infio app servers add Billing repo --non-production --scripts ./billing/sql",
    "infio assess --app Billing",
    "infio app applications show Billing",
    "infio app report Billing --out ./billing-report",
    "infio app companies report 'Kestrel Logistics'",
  ]);
}
