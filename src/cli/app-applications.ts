/**
 * `infio app applications add|list|show|rename|move|remove`: the
 * applications of companies. Application names are unique among all
 * companies, so `infio assess --app NAME` needs no company. The actions are
 * in app-applications-run.ts.
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
import { runApplications } from "./app-applications-run.js";

export type ApplicationsOptions = AppStoreOptions &
  (
    | { readonly verb: "add"; readonly name: string; readonly company: string }
    | { readonly verb: "list"; readonly company?: string; readonly json: boolean }
    | { readonly verb: "show"; readonly name: string; readonly json: boolean }
    | { readonly verb: "rename"; readonly name: string; readonly newName: string }
    | { readonly verb: "move"; readonly name: string; readonly company: string }
    | { readonly verb: "remove"; readonly name: string; readonly yes: boolean }
  );

export type ApplicationsRun = (options: ApplicationsOptions) => Promise<number>;

type RawCompany = RawAppCommon & { company: string };

export function applicationsCommand(
  host: CommandHost,
  run: ApplicationsRun = (options) => runApplications(options, host.ctx),
): Command {
  const applications = new Command("applications").summary("add, list, show, rename, move and remove applications");
  const ctx = host.ctx;

  applications.addCommand(
    withExamples(
      withStoreOptions(new Command("add"))
        .summary("add an application to a company")
        .argument("<name>", "application name, unique among all applications regardless of case")
        .requiredOption("-c, --company <name>", "the company that owns the application")
        .action(async (name: string, raw: RawCompany) =>
          host.exit(
            await run({
              ...appStoreOptionsFrom(raw, ctx),
              verb: "add",
              name: checkedName("application", name),
              company: raw.company,
            }),
          ),
        ),
      ["infio app applications add Billing --company 'Kestrel Logistics'"],
    ),
  );

  applications.addCommand(
    withStoreOptions(new Command("list"))
      .summary("list the applications with their company and servers")
      .option("-c, --company <name>", "only the applications of this company")
      .option("--json", "print JSON instead of a table")
      .action(async (raw: RawAppCommon & { company?: string; json?: boolean }) =>
        host.exit(
          await run({
            ...appStoreOptionsFrom(raw, ctx),
            verb: "list",
            ...(raw.company === undefined ? {} : { company: raw.company }),
            json: raw.json === true,
          }),
        ),
      ),
  );

  applications.addCommand(
    withExamples(
      withStoreOptions(new Command("show"))
        .summary("show an application: servers, questionnaire, metrics and assessments")
        .argument("<name>", "application name")
        .option("--json", "print JSON instead of text")
        .action(async (name: string, raw: RawAppCommon & { json?: boolean }) =>
          host.exit(await run({ ...appStoreOptionsFrom(raw, ctx), verb: "show", name, json: raw.json === true })),
        ),
      ["infio app applications show Billing", "infio app applications show Billing --json"],
    ),
  );

  applications.addCommand(
    withStoreOptions(new Command("rename"))
      .summary("rename an application")
      .argument("<name>", "current name")
      .argument("<new-name>", "new name")
      .action(async (name: string, newName: string, raw: RawAppCommon) =>
        host.exit(
          await run({ ...appStoreOptionsFrom(raw, ctx), verb: "rename", name, newName: checkedName("application", newName) }),
        ),
      ),
  );

  applications.addCommand(
    withExamples(
      withStoreOptions(new Command("move"))
        .summary("move an application to another company")
        .argument("<name>", "application name")
        .requiredOption("-c, --company <name>", "the company that will own the application")
        .action(async (name: string, raw: RawCompany) =>
          host.exit(await run({ ...appStoreOptionsFrom(raw, ctx), verb: "move", name, company: raw.company })),
        ),
      ["infio app applications move Billing --company 'Kestrel Group'"],
    ),
  );

  applications.addCommand(
    withExamples(
      withStoreOptions(new Command("remove"))
        .summary("remove an application with its servers and assessments")
        .description(
          "Remove an application with its servers, answers and metrics, and every assessment of " +
            "it, whose data keys are destroyed. Asks for confirmation on a terminal; elsewhere " +
            "--yes is required.",
        )
        .argument("<name>", "application name")
        .option("-y, --yes", "remove without asking")
        .action(async (name: string, raw: RawAppCommon & { yes?: boolean }) =>
          host.exit(await run({ ...appStoreOptionsFrom(raw, ctx), verb: "remove", name, yes: raw.yes === true })),
        ),
      ["infio app applications remove Billing --yes"],
    ),
  );

  return applications;
}
