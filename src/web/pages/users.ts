/**
 * The user pages for admins: the list of console users, the form that adds
 * one, and one user's page with the forms that change it. Names come from
 * the store and are escaped like every other value.
 */

import { CONSOLE_ROLES, type ConsoleRole, type ConsoleUser } from "../../store/console-users.js";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../auth/passwords.js";
import { formError, inputField, selectField } from "./form-fields.js";
import { postForm } from "./forms.js";
import { html, type SafeHtml } from "./html.js";
import { utcTime } from "./utc-time.js";

/** Field of the user forms that an error message is about. */
export type UserField = "name" | "role" | "password" | "confirm";

export interface FormProblem {
  readonly message: string;
  readonly field?: UserField;
  /** The form the problem belongs to on a user's page, such as `password`. */
  readonly form?: UserForm;
}

/** The forms of one user's page. */
export type UserForm = "role" | "password" | "unlock" | "access" | "delete";

/** Returns the URL of a user's page. */
export function userPageUrl(name: string): string {
  return userActionUrl(name, "edit");
}

/** Returns the URL that a form of a user's page posts to, such as `/users/NAME/role`. */
export function userActionUrl(name: string, action: string): string {
  return `/users/${encodeURIComponent(name)}/${action}`;
}

/** Describes whether a user can sign in: active, disabled, or locked until a time. */
export function accountState(user: ConsoleUser, now: Date): string {
  if (user.disabled) {
    return "Disabled";
  }
  if (user.lockedUntil !== undefined && user.lockedUntil.getTime() > now.getTime()) {
    return `Locked until ${utcTime(user.lockedUntil)} UTC`;
  }
  return "Active";
}

export interface UserListPage {
  readonly users: readonly ConsoleUser[];
  /** The signed-in admin, whose row is marked. */
  readonly self: string;
  readonly now: Date;
  readonly notice?: string;
}

export function userListMain(page: UserListPage): SafeHtml {
  const rows = page.users.map((user) => {
    const you = sameName(user.name, page.self) ? html` <span class="muted">(you)</span>` : "";
    const failures =
      user.failedSignIns > 0 ? html`<br><span class="muted">${user.failedSignIns} failed sign-in(s)</span>` : "";
    return html`<tr>
<td><a href="${userPageUrl(user.name)}">${user.name}</a>${you}</td>
<td>${user.role}</td>
<td>${accountState(user, page.now)}${failures}</td>
<td>${utcTime(user.createdAt)}</td>
<td>${utcTime(user.lastSignInAt, "never")}</td>
</tr>`;
  });

  return html`${notice(page.notice)}
<p><a href="/users/new">Add a user</a></p>
<table class="users">
<thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">State</th>
<th scope="col">Created (UTC)</th><th scope="col">Last sign-in (UTC)</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p class="muted">Viewers read reports; assessors also run assessments and manage connections; admins also
manage users, purge data and read the audit log.</p>`;
}

export interface NewUserPage {
  readonly csrfToken: string;
  readonly name: string;
  readonly role: string;
  readonly problem?: FormProblem;
}

export function newUserMain(page: NewUserPage): SafeHtml {
  const invalid = (field: UserField) => page.problem?.field === field;
  const name = inputField({
    name: "name",
    label: "User name",
    value: page.name,
    required: true,
    maxLength: 64,
    autocomplete: "off",
    hint: "1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit.",
    invalid: invalid("name"),
  });
  const fields = html`
${name}
${roleSelect(page.role, invalid("role"))}
${passwordFields(page.problem)}
<p><button type="submit">Add user</button></p>`;

  return html`${formError(page.problem?.message)}
${postForm({ action: "/users", csrfToken: page.csrfToken, body: fields })}`;
}

const OWN_ACCOUNT = html`<p class="notice">This is your own account. A change of role, password or access
ends your sessions, so you will sign in again.</p>`;

export interface UserPage {
  readonly csrfToken: string;
  readonly user: ConsoleUser;
  readonly self: boolean;
  readonly now: Date;
  readonly notice?: string;
  readonly problem?: FormProblem;
}

export function userMain(page: UserPage): SafeHtml {
  const { user } = page;
  const problemFor = (form: UserForm) => (page.problem?.form === form ? page.problem : undefined);

  return html`${notice(page.notice)}
<dl class="user-facts">
<dt>Role</dt><dd>${user.role}</dd>
<dt>State</dt><dd>${accountState(user, page.now)}</dd>
<dt>Failed sign-ins since the last success</dt><dd>${user.failedSignIns}</dd>
<dt>Created (UTC)</dt><dd>${utcTime(user.createdAt)}</dd>
<dt>Password changed (UTC)</dt><dd>${utcTime(user.passwordChangedAt)}</dd>
<dt>Last sign-in (UTC)</dt><dd>${utcTime(user.lastSignInAt, "never")}</dd>
</dl>
${page.self ? OWN_ACCOUNT : ""}
<section aria-labelledby="role-heading">
<h2 id="role-heading">Role</h2>
${formError(problemFor("role")?.message)}
${postForm({
  action: userActionUrl(user.name, "role"),
  csrfToken: page.csrfToken,
  body: html`${roleSelect(user.role, problemFor("role") !== undefined)}
<p><button type="submit">Change role</button> <span class="muted">Ends the user's sessions.</span></p>`,
})}
</section>
<section aria-labelledby="password-heading">
<h2 id="password-heading">Password</h2>
${formError(problemFor("password")?.message)}
${postForm({
  action: userActionUrl(user.name, "password"),
  csrfToken: page.csrfToken,
  body: html`${passwordFields(problemFor("password"))}
<p><button type="submit">Set password</button>
<span class="muted">Also unlocks the user and ends its sessions.</span></p>`,
})}
</section>
<section aria-labelledby="access-heading">
<h2 id="access-heading">Access</h2>
${formError(problemFor("access")?.message ?? problemFor("unlock")?.message)}
${unlockForm(page)}
${accessForm(page)}
</section>
<section aria-labelledby="delete-heading">
<h2 id="delete-heading">Delete</h2>
${formError(problemFor("delete")?.message)}
${postForm({
  action: userActionUrl(user.name, "delete"),
  csrfToken: page.csrfToken,
  body: html`${inputField({
    name: "confirmation",
    label: `Type the user name (${user.name}) to confirm`,
    required: true,
    maxLength: 64,
    autocomplete: "off",
    invalid: problemFor("delete") !== undefined,
  })}
<p><button type="submit" class="danger">Delete user</button>
<span class="muted">Ends its sessions; its entries stay in the audit log.</span></p>`,
})}
</section>`;
}

function unlockForm(page: UserPage): SafeHtml | string {
  const { user } = page;
  const locked = user.lockedUntil !== undefined && user.lockedUntil.getTime() > page.now.getTime();
  if (!locked && user.failedSignIns === 0) {
    return "";
  }
  return postForm({
    action: userActionUrl(user.name, "unlock"),
    csrfToken: page.csrfToken,
    body: html`<p><button type="submit" class="secondary">Unlock</button>
<span class="muted">Clears the failed sign-ins${locked ? " and the lock" : ""}.</span></p>`,
  });
}

function accessForm(page: UserPage): SafeHtml {
  const { user } = page;
  if (user.disabled) {
    return postForm({
      action: userActionUrl(user.name, "enable"),
      csrfToken: page.csrfToken,
      body: html`<p><button type="submit">Enable</button> <span class="muted">Lets the user sign in again.</span></p>`,
    });
  }
  return postForm({
    action: userActionUrl(user.name, "disable"),
    csrfToken: page.csrfToken,
    body: html`<p><button type="submit" class="danger">Disable</button>
<span class="muted">Ends the user's sessions and rejects its sign-ins until enabled.</span></p>`,
  });
}

function roleSelect(role: string, invalid: boolean): SafeHtml {
  const options = CONSOLE_ROLES.map((value: ConsoleRole) => ({ value, label: value }));
  return selectField({ name: "role", label: "Role", options, value: role, invalid });
}

/** Renders the new password and its confirmation, never filled in, so that no page shows a password. */
function passwordFields(problem: FormProblem | undefined): SafeHtml {
  const hint = `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, without white space at either end.`;
  const common = {
    type: "password",
    required: true,
    autocomplete: "new-password",
    maxLength: MAX_PASSWORD_LENGTH,
  } as const;
  const password = inputField({
    ...common,
    name: "password",
    label: "Password",
    hint,
    invalid: problem?.field === "password",
  });
  const confirm = inputField({
    ...common,
    name: "confirm",
    label: "Repeat the password",
    invalid: problem?.field === "confirm",
  });
  return html`${password}
${confirm}`;
}

function notice(text: string | undefined): SafeHtml | string {
  return text === undefined ? "" : html`<p class="notice" role="status">${text}</p>`;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
