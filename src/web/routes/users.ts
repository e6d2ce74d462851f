/**
 * The users pages (admins): list the console users, add one, and change a
 * user's role, password, lock or access, or delete it. The rules are those
 * of `infio users`: the same name and password checks, argon2id hashes and
 * audit actions. A change of role, password or access ends the user's
 * sessions, and no change may leave the console without an enabled admin.
 */

import type { ConsoleUser } from "../../store/console-users.js";
import type { SafeHtml } from "../pages/html.js";
import { userListMain } from "../pages/users.js";
import { fieldText } from "./admin-form.js";
import { declareRoute, type RouteContext, type RouteModule } from "./registry.js";
import {
  addUser,
  changeRole,
  deleteUser,
  disableUser,
  enableUser,
  resetPassword,
  unlockUser,
} from "./user-changes.js";
import { loadUser, newUserPage, userPage } from "./user-context.js";

export const USER_ROUTES: RouteModule = {
  name: "users",
  routes: [
    declareRoute({
      method: "GET",
      url: "/users",
      permission: "users.manage",
      navigation: { label: "Users", order: 50 },
      handler: (context) => listPage(context),
    }),
    declareRoute({
      method: "GET",
      url: "/users/new",
      permission: "users.manage",
      handler: (context) => newUserPage(context, { name: "", role: "viewer" }),
    }),
    declareRoute({ method: "POST", url: "/users", permission: "users.manage", handler: addUser }),
    // A user's page is /users/NAME/edit, not /users/NAME, so that a user named "new" has one.
    declareRoute({
      method: "GET",
      url: "/users/:name/edit",
      permission: "users.manage",
      handler: async (context) => {
        const user = await loadUser(context);
        const done = noticeOf(fieldText(context.request.query, "done"));
        return userPage(context, user, done === undefined ? {} : { notice: done });
      },
    }),
    declareRoute({ method: "POST", url: "/users/:name/role", permission: "users.manage", handler: changeRole }),
    declareRoute({ method: "POST", url: "/users/:name/password", permission: "users.manage", handler: resetPassword }),
    declareRoute({ method: "POST", url: "/users/:name/unlock", permission: "users.manage", handler: unlockUser }),
    declareRoute({ method: "POST", url: "/users/:name/disable", permission: "users.manage", handler: disableUser }),
    declareRoute({ method: "POST", url: "/users/:name/enable", permission: "users.manage", handler: enableUser }),
    declareRoute({ method: "POST", url: "/users/:name/delete", permission: "users.manage", handler: deleteUser }),
  ],
};

/** Codes of the `done` query parameter that a change redirects with, and their notices. */
const NOTICES: Readonly<Record<string, string>> = {
  role: "Changed the role and ended the user's sessions.",
  "role-unchanged": "The user already has that role; nothing was changed.",
  password: "Set a new password, cleared the lock and ended the user's sessions.",
  unlocked: "Cleared the failed sign-ins and the lock.",
  disabled: "Disabled the user and ended its sessions.",
  enabled: "Enabled the user; it can sign in again.",
};

function noticeOf(code: string): string | undefined {
  return Object.hasOwn(NOTICES, code) ? NOTICES[code] : undefined;
}

async function listPage(context: RouteContext): Promise<SafeHtml> {
  const { services, user } = context;
  const query = context.request.query;
  const event = { action: "console-user.list", details: { via: "console" } } as const;
  let users: ConsoleUser[];
  try {
    users = await services.accounts.users.list();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await context.audit.after({ ...event, outcome: "failed", details: { ...event.details, error: message } });
    throw error;
  }
  // Recorded before the list is shown, as `infio users list` does.
  await context.audit.before({ ...event, outcome: "succeeded", details: { ...event.details, users: users.length } });

  const done = fieldText(query, "done");
  const name = fieldText(query, "user");
  let notice: string | undefined;
  if (done === "added") {
    notice = `Added user ${name}.`;
  } else if (done === "deleted") {
    notice = `Deleted user ${name} and ended its sessions.`;
  }
  return context.page({
    title: "Users",
    main: userListMain({ users, self: user.name, now: services.now(), ...(notice === undefined ? {} : { notice }) }),
  });
}
