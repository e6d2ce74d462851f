/** Form markup with the CSRF field that every state-changing form needs. */

import { CSRF_FIELD } from "../auth/csrf.js";
import { html, type HtmlValue, type SafeHtml } from "./html.js";

/** Returns the hidden `_csrf` field that every form that POSTs needs. */
export function csrfField(csrfToken: string): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">`;
}

export interface PostFormOptions {
  readonly action: string;
  readonly csrfToken: string;
  /** Form contents: fields and a submit button. */
  readonly body: HtmlValue;
  /** Extra class names for styling. */
  readonly className?: string;
}

/** Returns a `method="post"` form with its CSRF field. */
export function postForm(options: PostFormOptions): SafeHtml {
  return html`<form method="post" action="${options.action}"${
    options.className === undefined ? "" : html` class="${options.className}"`
  }>${csrfField(options.csrfToken)}${options.body}</form>`;
}

export interface TextFieldOptions {
  readonly name: string;
  readonly label: string;
  readonly type?: "text" | "password" | "search" | "number";
  readonly value?: string;
  readonly required?: boolean;
  readonly autocomplete?: string;
  readonly autofocus?: boolean;
  readonly maxLength?: number;
}

/** Returns a labelled input; the label's `for` matches the input's id. */
export function textField(options: TextFieldOptions): SafeHtml {
  const id = `field-${options.name}`;
  return html`<p class="field"><label for="${id}">${options.label}</label>
<input id="${id}" name="${options.name}" type="${options.type ?? "text"}"${
    options.value === undefined ? "" : html` value="${options.value}"`
  }${options.required === true ? html` required` : ""}${
    options.autocomplete === undefined ? "" : html` autocomplete="${options.autocomplete}"`
  }${options.autofocus === true ? html` autofocus` : ""}${
    options.maxLength === undefined ? "" : html` maxlength="${options.maxLength}"`
  }></p>`;
}
