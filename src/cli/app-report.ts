/**
 * `infio app report APPLICATION`: the application report from the latest
 * assessment of each of its servers, as HTML, PDF and JSON. The actions are
 * in app-report-run.ts.
 */

import { Command } from "commander";

import { withExamples, type CommandHost } from "./command.js";
import { appReportOptionsFrom, withAppReportOptions, type AppReportOptions, type RawAppReportOptions } from "./app-report-options.js";
import { runApplicationReport } from "./app-report-run.js";

export interface ApplicationReportOptions extends AppReportOptions {
  readonly application: string;
}

export type ApplicationReportRun = (options: ApplicationReportOptions) => Promise<number>;

export function appReportCommand(
  host: CommandHost,
  run: ApplicationReportRun = (options) => runApplicationReport(options, host.ctx),
): Command {
  const command = new Command("report")
    .summary("write an application's report: HTML, PDF and JSON")
    .description(
      "Write the report of one application: its servers and databases with the share of objects " +
        "supported, conditionally supported and not supported, schema versus code, blockers, effort, " +
        "questionnaire and metrics. Each server contributes its newest complete assessment. The files " +
        "are application.html, application.pdf (printed from that HTML by headless Chromium) and " +
        "application.json, readable by their owner only.",
    )
    .argument("<application>", "application name, as 'infio app applications list' shows it");
  withAppReportOptions(command, "./application-report").action(async (application: string, raw: RawAppReportOptions) =>
    host.exit(await run({ ...appReportOptionsFrom(raw, host), application })),
  );

  return withExamples(command, [
    "infio app report Billing",
    "infio app report 'Cold Chain' --format html,json --out ./cold-chain",
    "infio app report Billing --format pdf --chromium /usr/bin/chromium",
    "infio app report Billing --target postgresql@17",
  ]);
}
