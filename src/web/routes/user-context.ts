/** Helpers of the users pages: loading the user named in the URL and rendering the user forms. */

import type { ConsoleUser } from "../../store/console-users.js";
import { authorizeObject } from "../auth/object-access.js";
import type { SafeHtml } from "../pages/html.js";
import { newUserMain, userMain, type FormProblem } from "../pages/users.js";
import type { RouteContext } from "./registry.js";

export interface NewUserValues {
  readonly name: string;
  readonly role: string;
}

/** Renders the form that adds a user, with the values typed so far (never the password). */
export function newUserPage(context: RouteContext, values: NewUserValues, problem?: FormProblem): SafeHtml {
  return context.page({
    title: "Add a user",
    main: newUserMain({
      csrfToken: context.csrfToken,
      name: values.name,
      role: values.role,
      ...(problem === undefined ? {} : { problem }),
    }),
  });
}

/** Renders a user's page, with a notice after a change or a problem with one of its forms. */
export function userPage(
  context: RouteContext,
  user: ConsoleUser,
  extra: { readonly notice?: string; readonly problem?: FormProblem },
): SafeHtml {
  return context.page({
    title: `User ${user.name}`,
    main: userMain({
      csrfToken: context.csrfToken,
      user,
      self: isSelf(context, user.name),
      now: context.services.now(),
      ...extra,
    }),
  });
}

/** Loads the user named in the URL; 404 when there is none. */
export function loadUser(context: RouteContext): Promise<ConsoleUser> {
  const name = (context.request.params as { name: string }).name;
  return authorizeObject(context, { kind: "user", id: name, load: () => context.services.accounts.users.find(name) });
}

/** Checks whether `name` is the signed-in user; names match regardless of case. */
export function isSelf(context: RouteContext, name: string): boolean {
  return context.user.name.toLowerCase() === name.toLowerCase();
}
