/**
 * The changes that the users pages make. Each input is first checked as
 * `infio users` checks it. A change that passes is recorded in the audit log
 * before it is made and again with its outcome. The actions are those of
 * `infio users` (`console-user.add`, `.set-role`, `.password-change`,
 * `.remove`), plus `.unlock`, `.disable` and `.enable`.
 */

import type { AccessChangeResult, ConsoleUser } from "../../store/console-users.js";
import { StoreError } from "../../store/errors.js";
import { checkNewPassword } from "../auth/passwords.js";
import { parseRole } from "../auth/roles.js";
import { checkUserName } from "../auth/user-name.js";
import { pageUrl } from "../pages/html.js";
import { userPageUrl, type FormProblem, type UserForm } from "../pages/users.js";
import type { ConsoleAuditRecord } from "../server/audit.js";
import { notFound } from "../server/http-error.js";
import { fieldText, sentence } from "./admin-form.js";
import type { RouteContext } from "./registry.js";
import { isSelf, loadUser, newUserPage, userPage } from "./user-context.js";

type UserEvent = Omit<ConsoleAuditRecord, "outcome">;

const VIA = { via: "console" } as const;

const ROLE_HELP = "choose viewer, assessor or admin";

export async function addUser(context: RouteContext): Promise<unknown> {
  const { services, user: actor } = context;
  const body = context.request.body;
  const name = fieldText(body, "name");
  const roleText = fieldText(body, "role");
  const values = { name, role: roleText };
  const reject = (status: number, problem: FormProblem) => {
    context.reply.code(status);
    return newUserPage(context, values, problem);
  };

  const nameProblem = checkUserName(name);
  if (nameProblem !== undefined) {
    return reject(422, { message: sentence(nameProblem), field: "name" });
  }
  const role = parseRole(roleText);
  if (role === undefined) {
    return reject(422, { message: `Invalid role '${roleText}': ${ROLE_HELP}.`, field: "role" });
  }
  const passwordProblem = checkPasswordFields(body);
  if (passwordProblem !== undefined) {
    return reject(422, passwordProblem);
  }

  const passwordHash = await services.hasher.hash(fieldText(body, "password"));
  const event: UserEvent = { action: "console-user.add", objects: { user: name }, details: { ...VIA, role } };
  try {
    await audited(context, event, () =>
      services.accounts.users.add({ name, role, passwordHash, now: services.now() }),
    );
  } catch (error) {
    if (error instanceof StoreError && error.code === "duplicate-id") {
      return reject(409, {
        message: `A user named ${name} already exists (names match regardless of case); choose another name.`,
        field: "name",
      });
    }
    throw error;
  }

  await context.audit.after({ ...event, outcome: "succeeded" });
  services.log.info(`console user '${actor.name}' added console user '${name}' with role ${role}`);
  return context.reply.redirect(pageUrl("/users", { done: "added", user: name }), 303);
}

export async function changeRole(context: RouteContext): Promise<unknown> {
  const user = await loadUser(context);
  const roleText = fieldText(context.request.body, "role");
  const role = parseRole(roleText);
  if (role === undefined) {
    const message = `Invalid role '${roleText}': ${ROLE_HELP}.`;
    return rejectOnPage(context, user, 422, { form: "role", field: "role", message });
  }
  if (role === user.role) {
    return redirectToUser(context, user, "role-unchanged");
  }

  const event: UserEvent = {
    action: "console-user.set-role",
    objects: { user: user.name },
    details: { ...VIA, role, previousRole: user.role },
  };
  const result = await audited(context, event, () =>
    context.services.accounts.users.changeKeepingAdmin(user.name, { kind: "role", role }),
  );
  return finishAccessChange(context, user, event, result, {
    form: "role",
    done: "role",
    logged: `changed the role of '${user.name}' from ${user.role} to ${role} and ended its sessions`,
  });
}

export async function resetPassword(context: RouteContext): Promise<unknown> {
  const { services } = context;
  const user = await loadUser(context);
  const problem = checkPasswordFields(context.request.body);
  if (problem !== undefined) {
    return rejectOnPage(context, user, 422, { ...problem, form: "password" });
  }

  const passwordHash = await services.hasher.hash(fieldText(context.request.body, "password"));
  const event: UserEvent = { action: "console-user.password-change", objects: { user: user.name }, details: VIA };
  const changed = await audited(context, event, () =>
    services.accounts.users.setPasswordHash(user.name, passwordHash, services.now()),
  );
  return finishAccessChange(context, user, event, changed ? "changed" : "not-found", {
    form: "password",
    done: "password",
    logged: `set a new password for '${user.name}', cleared its lock and ended its sessions`,
  });
}

export async function unlockUser(context: RouteContext): Promise<unknown> {
  const user = await loadUser(context);
  const event: UserEvent = {
    action: "console-user.unlock",
    objects: { user: user.name },
    details: { ...VIA, failedSignIns: user.failedSignIns },
  };
  const changed = await audited(context, event, () => context.services.accounts.users.unlock(user.name));
  return finishAccessChange(context, user, event, changed ? "changed" : "not-found", {
    form: "unlock",
    done: "unlocked",
    logged: `unlocked '${user.name}'`,
    endsSessions: false,
  });
}

export async function disableUser(context: RouteContext): Promise<unknown> {
  const user = await loadUser(context);
  const event: UserEvent = { action: "console-user.disable", objects: { user: user.name }, details: VIA };
  const result = await audited(context, event, () =>
    context.services.accounts.users.changeKeepingAdmin(user.name, { kind: "disable" }),
  );
  return finishAccessChange(context, user, event, result, {
    form: "access",
    done: "disabled",
    logged: `disabled '${user.name}' and ended its sessions`,
  });
}

export async function enableUser(context: RouteContext): Promise<unknown> {
  const user = await loadUser(context);
  const event: UserEvent = { action: "console-user.enable", objects: { user: user.name }, details: VIA };
  const changed = await audited(context, event, () => context.services.accounts.users.setDisabled(user.name, false));
  return finishAccessChange(context, user, event, changed ? "changed" : "not-found", {
    form: "access",
    done: "enabled",
    logged: `enabled '${user.name}'`,
    endsSessions: false,
  });
}

export async function deleteUser(context: RouteContext): Promise<unknown> {
  const user = await loadUser(context);
  const typed = fieldText(context.request.body, "confirmation").trim();
  if (typed.toLowerCase() !== user.name.toLowerCase()) {
    return rejectOnPage(context, user, 422, {
      form: "delete",
      message: `Type the user name ${user.name} in the confirmation field to delete the user; nothing was deleted.`,
    });
  }

  const event: UserEvent = {
    action: "console-user.remove",
    objects: { user: user.name },
    details: { ...VIA, role: user.role },
  };
  const result = await audited(context, event, () =>
    context.services.accounts.users.changeKeepingAdmin(user.name, { kind: "remove" }),
  );
  return finishAccessChange(context, user, event, result, {
    form: "delete",
    done: "deleted",
    logged: `deleted '${user.name}' and ended its sessions`,
  });
}

/** Returns what is wrong with the `password` and `confirm` fields, or undefined. */
function checkPasswordFields(body: unknown): FormProblem | undefined {
  const password = fieldText(body, "password");
  const problem = checkNewPassword(password);
  if (problem !== undefined) {
    return { message: sentence(problem), field: "password" };
  }
  if (fieldText(body, "confirm") !== password) {
    return { message: "The two passwords differ; type the same password in both fields.", field: "confirm" };
  }
  return undefined;
}

/**
 * Records `event` as started and runs `change`. When the change throws,
 * records the failure with its message and rethrows.
 */
async function audited<T>(context: RouteContext, event: UserEvent, change: () => Promise<T>): Promise<T> {
  await context.audit.before({ ...event, outcome: "started" });
  try {
    return await change();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await context.audit.after({ ...event, outcome: "failed", details: { ...event.details, error: message } });
    throw error;
  }
}

interface FinishOptions {
  readonly form: UserForm;
  /** The `done` code of the redirect; `deleted` goes to the list. */
  readonly done: string;
  /** The admin's change in words, for the log line. */
  readonly logged: string;
  /** Whether the change ends the user's sessions, which sends a user who changed itself to sign in. */
  readonly endsSessions?: boolean;
}

/** Records the outcome of a change and returns the reply: a redirect, a 404, or the last-admin rejection. */
async function finishAccessChange(
  context: RouteContext,
  user: ConsoleUser,
  event: UserEvent,
  result: AccessChangeResult,
  options: FinishOptions,
): Promise<unknown> {
  const { services, user: actor } = context;
  if (result === "not-found") {
    // Removed by someone else between loading the page's user and the change.
    await context.audit.after({ ...event, outcome: "failed", details: { ...event.details, error: "user not found" } });
    throw notFound("The user");
  }
  if (result === "last-admin") {
    const details = { ...event.details, reason: "last enabled admin" };
    await context.audit.after({ ...event, outcome: "denied", details });
    services.log.warn(
      `rejected ${event.action} of '${user.name}' by console user '${actor.name}': it is the last enabled admin`,
    );
    const message = lastAdminMessage(context, user, options.form);
    return rejectOnPage(context, user, 409, { form: options.form, message });
  }

  await context.audit.after({ ...event, outcome: "succeeded" });
  services.log.info(`console user '${actor.name}' ${options.logged}`);
  if (options.endsSessions !== false && isSelf(context, user.name)) {
    // The admin's own session has just ended.
    return context.reply.redirect("/sign-in", 303);
  }
  if (options.done === "deleted") {
    return context.reply.redirect(pageUrl("/users", { done: "deleted", user: user.name }), 303);
  }
  return redirectToUser(context, user, options.done);
}

function lastAdminMessage(context: RouteContext, user: ConsoleUser, form: UserForm): string {
  let change = "disabling";
  if (form === "role") {
    change = "changing the role of";
  } else if (form === "delete") {
    change = "deleting";
  }
  const who = isSelf(context, user.name) ? "You are" : `${user.name} is`;
  const target = isSelf(context, user.name) ? "your own account" : user.name;
  return (
    `${who} the only enabled admin, so ${change} ${target} would leave the console without an admin; ` +
    "nothing was changed. Make another user an admin first."
  );
}

function rejectOnPage(context: RouteContext, user: ConsoleUser, status: number, problem: FormProblem) {
  context.reply.code(status);
  return userPage(context, user, { problem });
}

function redirectToUser(context: RouteContext, user: ConsoleUser, done: string): unknown {
  return context.reply.redirect(pageUrl(userPageUrl(user.name), { done }), 303);
}
