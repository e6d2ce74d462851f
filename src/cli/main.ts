/**
 * The `infio` program: builds the commands, runs the one named, and maps
 * errors to exit codes (see errors.ts). Everything outside the process
 * comes in through CliContext, so tests can run it in-process.
 */

import { homedir } from "node:os";
import { buffer } from "node:stream/consumers";

import { Command, CommanderError } from "commander";

import { appCommand } from "./app.js";
import { assessCommand } from "./assess.js";
import { auditCommand } from "./audit.js";
import { captureScriptCommand } from "./capture-script.js";
import { collectCommand } from "./collect.js";
import type { CommandHost } from "./command.js";
import type { CliContext, InterruptSignal } from "./context.js";
import { decryptCommand } from "./decrypt.js";
import { diffCommand } from "./diff.js";
import { grantScriptCommand } from "./grant-script.js";
import {
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  FailureError,
  interruptExitCode,
  UsageError,
} from "./errors.js";
import { keysCommand } from "./keys.js";
import { listCommand } from "./list.js";
import { priceBookCommand } from "./price-book.js";
import { purgeCommand } from "./purge.js";
import { reportCommand } from "./report.js";
import { serveCommand } from "./serve.js";
import { guardContext, RunSecrets, secretsInArguments } from "./run-secrets.js";
import { serverFeaturesCommand } from "./server-features.js";
import { showCommand } from "./show.js";
import { usersCommand } from "./users.js";
import { safeCell, safeLines } from "./table.js";
import { infioVersion } from "./version.js";

/** Builds the program; `commands` replaces the default commands in tests. */
export function buildProgram(
  host: CommandHost,
  commands: readonly Command[] = defaultCommands(host),
): Command {
  const program = new Command("infio")
    .description(
      "Assess SQL Server T-SQL for migration to Babelfish for Aurora PostgreSQL and to PostgreSQL.",
    )
    .version(infioVersion(), "-V, --version", "print the version of infio")
    .helpOption("-h, --help", "show help")
    .helpCommand("help [command]", "show help for a command")
    .showSuggestionAfterError(true);

  for (const command of commands) {
    program.addCommand(command);
  }

  configure(program, host);
  program.addHelpText(
    "after",
    "\nExamples:\n  $ infio assess ./database\n  $ infio list\n  $ infio show ID\n" +
      "  $ infio diff BEFORE_ID AFTER_ID\n\nRun 'infio help COMMAND' for the options of a command.\n",
  );
  return program;
}

function defaultCommands(host: CommandHost): Command[] {
  return [
    assessCommand(host),
    collectCommand(host),
    grantScriptCommand(host),
    captureScriptCommand(host),
    priceBookCommand(host),
    reportCommand(host),
    listCommand(host),
    showCommand(host),
    serverFeaturesCommand(host),
    diffCommand(host),
    purgeCommand(host),
    decryptCommand(host),
    keysCommand(host),
    auditCommand(host),
    serveCommand(host),
    usersCommand(host),
    appCommand(host),
  ];
}

/** Output through the context, and errors thrown instead of process.exit. */
function configure(command: Command, host: CommandHost): void {
  command.exitOverride();
  command.configureOutput({
    writeOut: (text) => host.ctx.stdout.write(text),
    writeErr: (text) => host.ctx.stderr.write(text),
    outputError: (text, write) => write(text),
  });
  for (const sub of command.commands) {
    configure(sub, host);
  }
}

/**
 * Runs infio with `args` (without the node and script paths); returns the
 * exit code. Every output goes through the run's secrets (run-secrets.ts).
 */
export async function main(args: readonly string[], given: CliContext): Promise<number> {
  const secrets = new RunSecrets();
  for (const value of secretsInArguments(args)) {
    secrets.add(value);
  }
  // pg reads PGPASSWORD for a postgres:// store.
  secrets.add(given.env.PGPASSWORD ?? "");
  const ctx = guardContext(given, secrets);

  let code = EXIT_OK;
  const host: CommandHost = { ctx, exit: (c) => (code = c) };
  const program = buildProgram(host);

  if (args.length === 0) {
    ctx.stderr.write(program.helpInformation());
    return EXIT_USAGE;
  }
  const helpTopic = unknownHelpTopic(program, args);
  if (helpTopic !== undefined) {
    ctx.stderr.write(`error: ${helpTopic}\n`);
    return EXIT_USAGE;
  }

  try {
    await program.parseAsync([...args], { from: "user" });
    return code;
  } catch (error) {
    return exitCodeOf(error, ctx);
  }
}

/**
 * Returns the error for `infio help NAME` when NAME is not a command, with
 * the list of commands, or undefined. Commander would print the general
 * help for it and exit with 0, which hides the typo from scripts.
 */
function unknownHelpTopic(program: Command, args: readonly string[]): string | undefined {
  const [first, topic] = args;
  if (first !== "help" || topic === undefined || topic.startsWith("-")) {
    return undefined;
  }

  // The help command itself is not in program.commands.
  const names = [...program.commands.map((c) => c.name()), "help"];
  if (names.includes(topic)) {
    return undefined;
  }
  return (
    `unknown command '${safeCell(topic)}'; the commands are ${names.join(", ")}; ` +
    "run 'infio help COMMAND' with one of them"
  );
}

function exitCodeOf(error: unknown, ctx: CliContext): number {
  if (error instanceof CommanderError) {
    // Help and version end with exitCode 0; parse errors were printed.
    if (error.exitCode === 0) {
      return EXIT_OK;
    }
    if (error.code === "commander.help" || error.code === "commander.helpDisplayed") {
      return EXIT_OK;
    }
    return EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    ctx.stderr.write(`error: ${safeLines(error.message)}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof FailureError) {
    ctx.stderr.write(`error: ${safeLines(error.message)}\n`);
    return EXIT_FAILURE;
  }

  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  ctx.stderr.write(`error: infio failed unexpectedly: ${safeLines(message)}\n`);
  return EXIT_FAILURE;
}

/** Builds the context of the running process: its streams, signals and environment. */
export function processContext(): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => new Uint8Array(await buffer(process.stdin)),
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
    homedir: homedir(),
    // Prompts go to stderr, because stdout carries results.
    ...(process.stdin.isTTY ? { terminal: { input: process.stdin, output: process.stderr } } : {}),
    onInterrupt: (handler) => {
      let interrupted = false;
      const listener = (signal: InterruptSignal) => {
        // A second signal stops at once, like most command-line tools.
        if (interrupted) {
          process.exit(interruptExitCode(signal));
        }
        interrupted = true;
        handler(signal);
      };
      process.on("SIGINT", listener);
      process.on("SIGTERM", listener);
      return () => {
        process.off("SIGINT", listener);
        process.off("SIGTERM", listener);
      };
    },
  };
}
