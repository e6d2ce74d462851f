/**
 * `infio app companies add|list|rename|remove`: the companies that own
 * applications. Parsing is here; the actions are in app-companies-run.ts.
 */

import { Command } from "commander";

import { withExamples, type CommandHost } from "./command.js";
import {
  appStoreOptionsFrom,
  checkedName,
  withStoreOptions,
  type AppStoreOptions,
  type RawAppCommon,
} from "./app-common.js";
import { runCompanies } from "./app-companies-run.js";
import { companyReportCommand } from "./app-companies-report.js";

export type CompaniesOptions = AppStoreOptions &
  (
    | { readonly verb: "add"; readonly name: string }
    | { readonly verb: "list"; readonly json: boolean }
    | { readonly verb: "rename"; readonly name: string; readonly newName: string }
    | { readonly verb: "remove"; readonly name: string; readonly yes: boolean }
  );

export type CompaniesRun = (options: CompaniesOptions) => Promise<number>;

export function companiesCommand(
  host: CommandHost,
  run: CompaniesRun = (options) => runCompanies(options, host.ctx),
): Command {
  const companies = new Command("companies").summary("add, list, rename and remove companies, and write their reports");
  const ctx = host.ctx;

  companies.addCommand(
    withExamples(
      withStoreOptions(new Command("add"))
        .summary("add a company")
        .argument("<name>", "company name, unique regardless of case")
        .action(async (name: string, raw: RawAppCommon) =>
          host.exit(await run({ ...appStoreOptionsFrom(raw, ctx), verb: "add", name: checkedName("company", name) })),
        ),
      ["infio app companies add 'Kestrel Logistics'"],
    ),
  );

  companies.addCommand(
    withStoreOptions(new Command("list"))
      .summary("list the companies and how many applications each has")
      .option("--json", "print JSON instead of a table")
      .action(async (raw: RawAppCommon & { json?: boolean }) =>
        host.exit(await run({ ...appStoreOptionsFrom(raw, ctx), verb: "list", json: raw.json === true })),
      ),
  );

  companies.addCommand(
    withExamples(
      withStoreOptions(new Command("rename"))
        .summary("rename a company")
        .argument("<name>", "current name")
        .argument("<new-name>", "new name")
        .action(async (name: string, newName: string, raw: RawAppCommon) =>
          host.exit(
            await run({ ...appStoreOptionsFrom(raw, ctx), verb: "rename", name, newName: checkedName("company", newName) }),
          ),
        ),
      ["infio app companies rename 'Kestrel Logistics' 'Kestrel Group'"],
    ),
  );

  companies.addCommand(
    withExamples(
      withStoreOptions(new Command("remove"))
        .summary("remove a company with its applications and their assessments")
        .description(
          "Remove a company, each of its applications with their servers, answers and metrics, and " +
            "every assessment of those applications, whose data keys are destroyed. Asks for " +
            "confirmation on a terminal; elsewhere --yes is required.",
        )
        .argument("<name>", "company name")
        .option("-y, --yes", "remove without asking")
        .action(async (name: string, raw: RawAppCommon & { yes?: boolean }) =>
          host.exit(await run({ ...appStoreOptionsFrom(raw, ctx), verb: "remove", name, yes: raw.yes === true })),
        ),
      ["infio app companies remove 'Kestrel Group' --yes"],
    ),
  );

  companies.addCommand(companyReportCommand(host));

  return companies;
}
