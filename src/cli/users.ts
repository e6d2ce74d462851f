/**
 * `infio users add|list|remove|set-role|passwd`: the users of the web
 * console, kept in the store. Passwords come from a prompt without echo,
 * or for scripts from --password-env VAR or --password-file FILE.
 */

import { Command, Option } from "commander";

import { CONSOLE_ROLES, type ConsoleRole } from "../store/console-users.js";
import { MIN_PASSWORD_LENGTH } from "../web/auth/passwords.js";
import { DATA_DIR_HELP, STORE_HELP, withExamples, type CommandHost } from "./command.js";
import { setUpCommand, type CommandSetup } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { resolveDataDir } from "./data-dir.js";
import { createLogger } from "./log.js";
import type { PasswordSourceOptions } from "./new-password.js";
import {
  addUser,
  changePassword,
  listUsers,
  removeUser,
  setRole,
  type UsersStoreOptions,
} from "./users-run.js";

interface RawCommon {
  store: string;
  dataDir?: string;
  quiet?: boolean;
}

interface RawPassword {
  passwordEnv?: string;
  passwordFile?: string;
}

/** A run of one subcommand, given its setup; tests replace it. */
export type UsersRun = (work: (setup: CommandSetup, ctx: CliContext) => Promise<number>, raw: RawCommon) => Promise<number>;

export function usersCommand(host: CommandHost, run: UsersRun = (work, raw) => runWithSetup(work, raw, host.ctx)): Command {
  const users = new Command("users")
    .summary("manage the users of the web console")
    .description(
      "Manage who may sign in to the web console ('infio serve') and with which role: " +
        "viewers read reports; assessors also run assessments and manage connections; admins " +
        "also manage users, purge data and read the audit log. Users are kept in the store, " +
        "so use the same --store and --data-dir as 'infio serve'. Every change is in the audit log.",
    );

  users.addCommand(
    withExamples(
      common(new Command("add"))
        .summary("add a user")
        .description(`Add a console user. The password must have at least ${MIN_PASSWORD_LENGTH} characters.`)
        .argument("<name>", "user name: letters, digits, '.', '_', '@', '-'")
        .addOption(roleOption().makeOptionMandatory())
        .option("--password-env <var>", "read the password from this environment variable")
        .option("--password-file <file>", "read the password from this file (only its owner may read it)")
        .action(async (name: string, raw: RawCommon & RawPassword & { role: ConsoleRole }) =>
          host.exit(await run((setup, ctx) => addUser({ ...storeOf(raw, ctx), ...passwordOf(raw), name, role: raw.role }, setup, ctx), raw)),
        ),
      ["infio users add alice --role admin", "INFIO_PW=... infio users add ci --role viewer --password-env INFIO_PW"],
    ),
  );

  users.addCommand(
    common(new Command("list"))
      .summary("list the users")
      .option("--json", "print JSON instead of a table")
      .action(async (raw: RawCommon & { json?: boolean }) =>
        host.exit(await run((setup, ctx) => listUsers({ ...storeOf(raw, ctx), json: raw.json === true }, setup, ctx), raw)),
      ),
  );

  users.addCommand(
    common(new Command("remove"))
      .summary("remove a user and end its sessions")
      .argument("<name>", "user name")
      .action(async (name: string, raw: RawCommon) =>
        host.exit(await run((setup, ctx) => removeUser({ ...storeOf(raw, ctx), name }, setup), raw)),
      ),
  );

  users.addCommand(
    withExamples(
      common(new Command("set-role"))
        .summary("change a user's role")
        .argument("<name>", "user name")
        .addOption(roleOption().makeOptionMandatory())
        .action(async (name: string, raw: RawCommon & { role: ConsoleRole }) =>
          host.exit(await run((setup, ctx) => setRole({ ...storeOf(raw, ctx), name, role: raw.role }, setup), raw)),
        ),
      ["infio users set-role bob --role assessor"],
    ),
  );

  users.addCommand(
    common(new Command("passwd"))
      .summary("set a user's password, unlock it and end its sessions")
      .argument("<name>", "user name")
      .option("--password-env <var>", "read the password from this environment variable")
      .option("--password-file <file>", "read the password from this file (only its owner may read it)")
      .action(async (name: string, raw: RawCommon & RawPassword) =>
        host.exit(await run((setup, ctx) => changePassword({ ...storeOf(raw, ctx), ...passwordOf(raw), name }, setup, ctx), raw)),
      ),
  );

  return withExamples(users, ["infio users add alice --role admin", "infio users list", "infio users passwd alice"]);
}

function common(command: Command): Command {
  return command
    .option("--store <store>", STORE_HELP, "embedded")
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .option("-q, --quiet", "no info logs; warnings and errors still show");
}

function roleOption(): Option {
  return new Option("--role <role>", "the user's role").choices(CONSOLE_ROLES);
}

function storeOf(raw: RawCommon, ctx: CliContext): UsersStoreOptions {
  return {
    store: raw.store,
    dataDir: resolveDataDir({
      ...(raw.dataDir === undefined ? {} : { flag: raw.dataDir }),
      env: ctx.env,
      platform: ctx.platform,
      homedir: ctx.homedir,
      cwd: ctx.cwd,
    }),
  };
}

function passwordOf(raw: RawPassword): PasswordSourceOptions {
  return {
    ...(raw.passwordEnv === undefined ? {} : { passwordEnv: raw.passwordEnv }),
    ...(raw.passwordFile === undefined ? {} : { passwordFile: raw.passwordFile }),
  };
}

async function runWithSetup(
  work: (setup: CommandSetup, ctx: CliContext) => Promise<number>,
  raw: RawCommon,
  ctx: CliContext,
): Promise<number> {
  const log = createLogger(ctx.stderr, { quiet: raw.quiet === true });
  const { dataDir } = storeOf(raw, ctx);
  const setup = await setUpCommand({ ctx, dataDir, keepsData: true, log });
  return work(setup, ctx);
}
