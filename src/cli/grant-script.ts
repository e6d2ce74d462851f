/**
 * `infio grant-script --login NAME`: prints the T-SQL that creates a
 * minimal read-only login for infio, or with `--drop` the T-SQL that
 * removes it. infio only prints the script; a DBA reviews and runs it.
 */

import { Command } from "commander";

import { grantScript, type Authentication } from "../sources/sqlserver/grant-script.js";
import { collect, DATA_DIR_HELP, withExamples, type CommandHost } from "./command.js";
import { setUpCommand } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { resolveDataDir } from "./data-dir.js";
import { EXIT_OK, UsageError } from "./errors.js";
import { createLogger } from "./log.js";

export interface GrantScriptCliOptions {
  readonly login: string;
  readonly databases: readonly string[];
  readonly authentication: Authentication;
  readonly includeAgent: boolean;
  readonly drop: boolean;
  /** The data folder, for the audit log. */
  readonly dataDir: string;
}

export type GrantScriptRun = (options: GrantScriptCliOptions) => Promise<number>;

interface RawGrantScriptOptions {
  login: string;
  database: string[];
  windows?: boolean;
  agent: boolean;
  drop?: boolean;
  dataDir?: string;
}

export function grantScriptCommand(
  host: CommandHost,
  run: GrantScriptRun = (options) => executeGrantScript(options, host.ctx),
): Command {
  const command = new Command("grant-script")
    .summary("print the T-SQL that creates a minimal read-only login for infio")
    .description(
      "Print the T-SQL that creates a login with the least privileges infio needs to read " +
        "a server: VIEW SERVER STATE, VIEW ANY DEFINITION and the like, CONNECT and a user in " +
        "each database, SELECT on the msdb tables of SQL Agent and Database Mail, and nothing " +
        "that can change data. A SQL login's password is a placeholder that the script refuses " +
        "to run with; replace it first. With --drop, print the script that removes the login " +
        "and its users again. The script goes to stdout; infio never runs it.",
    )
    .requiredOption("--login <name>", "login to create, e.g. infio_reader (DOMAIN\\name with --windows)")
    .option(
      "-d, --database <name>",
      "give the login a user in this database only (repeatable; default: every database, " +
        "through CONNECT ANY DATABASE)",
      collect,
      [],
    )
    .option("--windows", "the login is a Windows account, created FROM WINDOWS without a password")
    .option("--no-agent", "leave out the msdb grants that the SQL Agent and Database Mail parts need")
    .option("--drop", "print the script that removes the login and its users instead")
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .action(async (raw: RawGrantScriptOptions) => host.exit(await run(grantScriptOptionsFrom(raw, host.ctx))));

  return withExamples(command, [
    "infio grant-script --login infio_reader > create-infio-login.sql",
    "infio grant-script --login infio_reader --database Sales --database Billing",
    "infio grant-script --login 'CORP\\svc-infio' --windows",
    "infio grant-script --login infio_reader --drop > drop-infio-login.sql",
  ]);
}

export function grantScriptOptionsFrom(raw: RawGrantScriptOptions, ctx: CliContext): GrantScriptCliOptions {
  return {
    login: raw.login,
    databases: raw.database,
    authentication: raw.windows === true ? "windows" : "sql",
    includeAgent: raw.agent,
    drop: raw.drop === true,
    dataDir: resolveDataDir({
      ...(raw.dataDir === undefined ? {} : { flag: raw.dataDir }),
      env: ctx.env,
      platform: ctx.platform,
      homedir: ctx.homedir,
      cwd: ctx.cwd,
    }),
  };
}

export async function executeGrantScript(options: GrantScriptCliOptions, ctx: CliContext): Promise<number> {
  let scripts;
  try {
    scripts = grantScript({
      login: options.login,
      authentication: options.authentication,
      ...(options.databases.length === 0 ? {} : { databases: options.databases }),
      includeAgent: options.includeAgent,
    });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new UsageError(error.message);
    }
    throw error;
  }

  // The script only goes to stdout, so an audit log is written only where
  // one exists or is configured.
  const log = createLogger(ctx.stderr);
  const setup = await setUpCommand({ ctx, dataDir: options.dataDir, keepsData: false, log });
  await setup.audit.before({
    action: "grant-script.print",
    outcome: "succeeded",
    details: {
      login: options.login,
      databases: [...options.databases],
      authentication: options.authentication,
      includeAgent: options.includeAgent,
      drop: options.drop,
    },
  });

  const script = options.drop ? scripts.remove : scripts.create;
  ctx.stdout.write(script.endsWith("\n") ? script : `${script}\n`);
  return EXIT_OK;
}
