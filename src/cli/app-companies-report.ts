/**
 * `infio app companies report COMPANY`: the company report, which puts the
 * company's applications side by side with a suggested migration wave
 * each, as HTML, PDF and JSON. The actions are in app-report-run.ts.
 */

import { Command } from "commander";

import { withExamples, type CommandHost } from "./command.js";
import { appReportOptionsFrom, withAppReportOptions, type AppReportOptions, type RawAppReportOptions } from "./app-report-options.js";
import { runCompanyReport } from "./app-report-run.js";

export interface CompanyReportOptions extends AppReportOptions {
  readonly company: string;
}

export type CompanyReportRun = (options: CompanyReportOptions) => Promise<number>;

export function companyReportCommand(
  host: CommandHost,
  run: CompanyReportRun = (options) => runCompanyReport(options, host.ctx),
): Command {
  const command = new Command("report")
    .summary("write a company's report: its applications side by side, as HTML, PDF and JSON")
    .description(
      "Write the report of one company: each application's readiness, blockers and effort side by " +
        "side, with a suggested migration wave. Each server of each application contributes its " +
        "newest complete assessment; an application without one is listed as not assessed. The files " +
        "are company.html, company.pdf (printed from that HTML by headless Chromium) and " +
        "company.json, readable by their owner only.",
    )
    .argument("<company>", "company name, as 'infio app companies list' shows it");
  withAppReportOptions(command, "./company-report").action(async (company: string, raw: RawAppReportOptions) =>
    host.exit(await run({ ...appReportOptionsFrom(raw, host), company })),
  );

  return withExamples(command, [
    "infio app companies report 'Kestrel Logistics'",
    "infio app companies report 'Kestrel Logistics' --format pdf --out ./waves",
  ]);
}
