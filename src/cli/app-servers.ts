/**
 * `infio app servers add|list|change|remove`: the servers of an
 * application, each production or non-production, either a live SQL
 * Server (the connection options of `infio assess --server`) or a folder
 * of T-SQL scripts. The actions are in app-servers-run.ts.
 */

import { Command } from "commander";

import type { ServerFields } from "../store/application-model.js";
import { collect, withExamples, type CommandHost } from "./command.js";
import {
  appStoreOptionsFrom,
  checkedName,
  withStoreOptions,
  type AppStoreOptions,
  type RawAppCommon,
} from "./app-common.js";
import { changedServerFields, newServerFields, type RawServerOptions } from "./app-server-fields.js";
import { runServers } from "./app-servers-run.js";
import { addConnectionOptions } from "./live-options.js";

export type ServersOptions = AppStoreOptions &
  (
    | { readonly verb: "add"; readonly application: string; readonly fields: ServerFields }
    | { readonly verb: "list"; readonly application: string; readonly json: boolean }
    | {
        readonly verb: "change";
        readonly application: string;
        readonly name: string;
        /** Builds the new fields from the stored ones. */
        readonly change: (current: ServerFields) => ServerFields;
      }
    | { readonly verb: "remove"; readonly application: string; readonly name: string }
  );

export type ServersRun = (options: ServersOptions) => Promise<number>;

type RawServer = RawAppCommon & RawServerOptions;

export function serversCommand(host: CommandHost, run: ServersRun = (options) => runServers(options, host.ctx)): Command {
  const servers = new Command("servers").summary("add, list, change and remove the servers of an application");
  const ctx = host.ctx;

  const add = serverOptions(withStoreOptions(new Command("add")))
    .summary("add a live SQL Server or a script folder to an application")
    .description(
      "Add a server to an application: a live SQL Server, with the connection options of " +
        "'infio assess --server', or a folder of T-SQL scripts (--scripts). The password is " +
        "never stored: the server keeps where it comes from (--password-env, --password-file, " +
        "--secret-arn, or the prompt), which 'infio assess --app' reads at each run.",
    )
    .argument("<application>", "application name")
    .argument("<name>", "server name, unique within the application regardless of case")
    .action(async (application: string, name: string, raw: RawServer) =>
      host.exit(
        await run({
          ...appStoreOptionsFrom(raw, ctx),
          verb: "add",
          application,
          fields: newServerFields(checkedName("server", name), raw, ctx),
        }),
      ),
    );
  servers.addCommand(
    withExamples(add, [
      "infio app servers add Billing sql01 --production --server sql01.corp.example --user infio_reader " +
        "--password-env INFIO_SQL_PASSWORD --database Billing --database BillingArchive",
      "infio app servers add Billing sql-test --non-production --server 'sqltest\\QA' --user infio_reader " +
        "--password-file ~/.infio-sql --exclude-database Scratch",
      "infio app servers add Billing repo --non-production --scripts ./billing/sql",
    ]),
  );

  servers.addCommand(
    withStoreOptions(new Command("list"))
      .summary("list the servers of an application")
      .argument("<application>", "application name")
      .option("--json", "print JSON instead of a table")
      .action(async (application: string, raw: RawAppCommon & { json?: boolean }) =>
        host.exit(await run({ ...appStoreOptionsFrom(raw, ctx), verb: "list", application, json: raw.json === true })),
      ),
  );

  const change = serverOptions(withStoreOptions(new Command("change")))
    .summary("change a server; options not given keep their values")
    .argument("<application>", "application name")
    .argument("<name>", "server name")
    .option("--rename <name>", "new server name")
    .option("--all-databases", "assess every user database again instead of the --database list")
    .option("--clear-excluded-databases", "exclude no database any more")
    .option("--no-include-system-databases", "stop assessing master, model and msdb")
    .action(async (application: string, name: string, raw: RawServer) => {
      if (raw.rename !== undefined) {
        checkedName("server", raw.rename);
      }
      host.exit(
        await run({
          ...appStoreOptionsFrom(raw, ctx),
          verb: "change",
          application,
          name,
          change: (current) => changedServerFields(current, raw, ctx),
        }),
      );
    });
  servers.addCommand(
    withExamples(change, [
      "infio app servers change Billing sql01 --database Billing --database Payments",
      "infio app servers change Billing sql01 --password-file ~/.infio-sql --tls strict",
      "infio app servers change Billing sql-test --rename sql-qa --production",
    ]),
  );

  servers.addCommand(
    withStoreOptions(new Command("remove"))
      .summary("remove a server; its assessments stay with the application")
      .argument("<application>", "application name")
      .argument("<name>", "server name")
      .action(async (application: string, name: string, raw: RawAppCommon) =>
        host.exit(await run({ ...appStoreOptionsFrom(raw, ctx), verb: "remove", application, name })),
      ),
  );

  return servers;
}

/** Adds the options that describe a server, shared by add and change. */
function serverOptions(command: Command): Command {
  command
    .option("--production", "the server runs production")
    .option("--non-production", "the server is not production (test, QA, development)");
  addConnectionOptions(command);
  return command
    .option("--exclude-database <name>", "leave this database out (repeatable)", collect, [])
    .option("--scripts <dir>", "a folder of T-SQL scripts instead of a live server")
    .option(
      "--saved-connection <name>",
      "a live server saved in the web console ('infio serve'), whose sealed password the store keeps",
    );
}
