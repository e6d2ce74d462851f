/** The sign-in form. */

import { MAX_PASSWORD_LENGTH } from "../auth/passwords.js";
import { postForm, textField } from "./forms.js";
import { html, type SafeHtml } from "./html.js";
import type { PageOptions } from "./layout.js";

export interface SignInForm {
  readonly csrfToken: string;
  /** Page to open after signing in, a path on this console. */
  readonly next: string;
  /** The name typed before, kept after a failure. */
  readonly name?: string;
  /** Reason the last attempt failed, shown above the form. */
  readonly error?: string;
}

/** Returns the sign-in page's content, for `context.page`. */
export function signInPage(form: SignInForm): PageOptions {
  const error: SafeHtml | string =
    form.error === undefined ? "" : html`<p class="notice error" role="alert">${form.error}</p>`;
  const fields = html`
${textField({ name: "name", label: "User name", value: form.name ?? "", required: true, autocomplete: "username", autofocus: form.name === undefined, maxLength: 64 })}
${textField({ name: "password", label: "Password", type: "password", required: true, autocomplete: "current-password", autofocus: form.name !== undefined, maxLength: MAX_PASSWORD_LENGTH })}
<input type="hidden" name="next" value="${form.next}">
<p><button type="submit">Sign in</button></p>`;

  return {
    title: "Sign in",
    main: html`<div class="sign-in">${error}${postForm({ action: "/sign-in", csrfToken: form.csrfToken, body: fields })}</div>`,
  };
}
