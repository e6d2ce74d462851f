/**
 * The actions of `infio users`: add, list, remove, and change the role or
 * password of console users. Each change is recorded in the audit log before it is
 * made and again with its outcome.
 */

import type { AuditRecord } from "./audit-trail.js";
import type { CommandSetup } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { openConsoleUserStore } from "./console-store.js";
import { EXIT_OK, FailureError, UsageError } from "./errors.js";
import { readNewPassword, type PasswordSourceOptions } from "./new-password.js";
import { closeQuietly, embeddedStoreExists } from "./store-access.js";
import { formatTable } from "./table.js";
import { consoleAccounts, type ConsoleAccounts } from "../store/console-accounts.js";
import type { AccessChangeResult, ConsoleRole, ConsoleUser } from "../store/console-users.js";
import { PasswordHasher } from "../web/auth/passwords.js";
import { checkUserName } from "../web/auth/user-name.js";

export interface UsersStoreOptions {
  readonly store: string;
  readonly dataDir: string;
}

/** Runs `work` on the console users of the store, and closes the store after. */
async function withAccounts<T>(
  options: UsersStoreOptions,
  setup: CommandSetup,
  work: (accounts: ConsoleAccounts) => Promise<T>,
): Promise<T> {
  const store = await openConsoleUserStore(options.store, options.dataDir, setup.log);
  try {
    return await work(consoleAccounts(store));
  } finally {
    await closeQuietly(store, setup.log);
  }
}

/**
 * Records `event` as started, runs `change`, and records its outcome. A
 * change that finds no such user is recorded as failed and reported.
 */
async function auditedChange(
  setup: CommandSetup,
  event: Omit<AuditRecord, "outcome">,
  change: () => Promise<void>,
): Promise<void> {
  await setup.audit.before({ ...event, outcome: "started" });
  try {
    await change();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const outcome = error instanceof LastAdminError ? "denied" : "failed";
    await setup.audit.after({ ...event, outcome, details: { ...event.details, error: message } });
    throw error;
  }
  await setup.audit.after({ ...event, outcome: "succeeded" });
}

export interface AddUserOptions extends UsersStoreOptions, PasswordSourceOptions {
  readonly name: string;
  readonly role: ConsoleRole;
}

export async function addUser(options: AddUserOptions, setup: CommandSetup, ctx: CliContext): Promise<number> {
  checkName(options.name);
  const password = await readNewPassword(options.name, options, ctx);
  const passwordHash = await new PasswordHasher().hash(password.reveal());

  await withAccounts(options, setup, (accounts) =>
    auditedChange(
      setup,
      { action: "console-user.add", objects: { user: options.name }, details: { role: options.role } },
      async () => {
        await accounts.users.add({ name: options.name, role: options.role, passwordHash, now: new Date() });
      },
    ),
  );
  setup.log.info(`added console user '${options.name}' with role ${options.role}`);
  return EXIT_OK;
}

export async function listUsers(
  options: UsersStoreOptions & { readonly json: boolean },
  setup: CommandSetup,
  ctx: CliContext,
): Promise<number> {
  const users = embeddedStoreExists(options.store, options.dataDir)
    ? await withAccounts(options, setup, (accounts) => accounts.users.list())
    : [];
  await setup.audit.before({
    action: "console-user.list",
    outcome: "succeeded",
    details: { users: users.length },
  });

  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(users.map(userJson), null, 2)}\n`);
    return EXIT_OK;
  }
  if (users.length === 0) {
    ctx.stderr.write("no console users yet; add one with 'infio users add NAME --role admin'\n");
    return EXIT_OK;
  }
  const now = new Date();
  const rows = users.map((user) => [
    user.name,
    user.role,
    status(user, now),
    user.createdAt.toISOString().slice(0, 19).replace("T", " "),
    user.lastSignInAt === undefined ? "never" : user.lastSignInAt.toISOString().slice(0, 19).replace("T", " "),
  ]);
  ctx.stdout.write(`${formatTable(["NAME", "ROLE", "STATUS", "CREATED (UTC)", "LAST SIGN-IN (UTC)"], rows)}\n`);
  return EXIT_OK;
}

export async function removeUser(
  options: UsersStoreOptions & { readonly name: string },
  setup: CommandSetup,
): Promise<number> {
  requireStore(options, options.name);
  await withAccounts(options, setup, (accounts) =>
    auditedChange(setup, { action: "console-user.remove", objects: { user: options.name } }, async () => {
      const result = await accounts.users.changeKeepingAdmin(options.name, { kind: "remove" });
      checkAccessChange(result, options.name, "remove it");
    }),
  );
  setup.log.info(`removed console user '${options.name}' and ended its sessions`);
  return EXIT_OK;
}

export async function setRole(
  options: UsersStoreOptions & { readonly name: string; readonly role: ConsoleRole },
  setup: CommandSetup,
): Promise<number> {
  requireStore(options, options.name);
  await withAccounts(options, setup, (accounts) =>
    auditedChange(
      setup,
      { action: "console-user.set-role", objects: { user: options.name }, details: { role: options.role } },
      async () => {
        const change = { kind: "role", role: options.role } as const;
        const result = await accounts.users.changeKeepingAdmin(options.name, change);
        checkAccessChange(result, options.name, `make it ${options.role}`);
      },
    ),
  );
  setup.log.info(`console user '${options.name}' now has role ${options.role}; its sessions were ended`);
  return EXIT_OK;
}

export async function changePassword(
  options: UsersStoreOptions & PasswordSourceOptions & { readonly name: string },
  setup: CommandSetup,
  ctx: CliContext,
): Promise<number> {
  requireStore(options, options.name);
  const password = await readNewPassword(options.name, options, ctx);
  const passwordHash = await new PasswordHasher().hash(password.reveal());

  await withAccounts(options, setup, (accounts) =>
    auditedChange(setup, { action: "console-user.password-change", objects: { user: options.name } }, async () => {
      if (!(await accounts.users.setPasswordHash(options.name, passwordHash, new Date()))) {
        throw notFound(options.name);
      }
    }),
  );
  setup.log.info(`changed the password of console user '${options.name}', unlocked it and ended its sessions`);
  return EXIT_OK;
}

function checkName(name: string): void {
  const problem = checkUserName(name);
  if (problem !== undefined) {
    throw new UsageError(problem);
  }
}

/** Rejects a change on an embedded store that was never created, instead of creating it. */
function requireStore(options: UsersStoreOptions, name: string): void {
  if (!embeddedStoreExists(options.store, options.dataDir)) {
    throw notFound(name);
  }
}

/**
 * Throws for a change that was not made: a missing user, or the last
 * enabled admin, whom the console could then no longer be managed without.
 */
function checkAccessChange(result: AccessChangeResult, name: string, change: string): void {
  if (result === "not-found") {
    throw notFound(name);
  }
  if (result === "last-admin") {
    throw new LastAdminError(
      `cannot ${change}: console user '${name}' is the last enabled admin; ` +
        "add or enable another admin first, then run this command again",
    );
  }
}

/** A change rejected because it would leave no enabled admin; audited as denied, as the console does. */
class LastAdminError extends FailureError {}

function notFound(name: string): FailureError {
  return new FailureError(`console user '${name}' not found; run 'infio users list' to see the users`);
}

function status(user: ConsoleUser, now: Date): string {
  if (user.disabled) {
    return "disabled";
  }
  if (user.lockedUntil !== undefined && user.lockedUntil.getTime() > now.getTime()) {
    return `locked until ${user.lockedUntil.toISOString().slice(0, 19).replace("T", " ")} UTC`;
  }
  return "active";
}

function userJson(user: ConsoleUser): Record<string, unknown> {
  return {
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    passwordChangedAt: user.passwordChangedAt.toISOString(),
    failedSignIns: user.failedSignIns,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
  };
}
