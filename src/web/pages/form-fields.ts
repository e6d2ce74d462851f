/**
 * Form controls, each labelled, with an optional hint and a mark for the
 * field an error message is about: inputs (forms.ts's textField has no
 * such mark), select lists, text areas, check boxes and file inputs.
 */

import { html, type SafeHtml } from "./html.js";

/** Id of the error notice that an invalid field points to. */
export const FORM_ERROR_ID = "form-error";

interface FieldBase {
  readonly name: string;
  readonly label: string;
  /** A line of help under the label. */
  readonly hint?: string;
  /** Marks the field as the one the form's error message is about. */
  readonly invalid?: boolean;
}

export interface InputFieldOptions extends FieldBase {
  readonly type?: "text" | "password" | "number";
  readonly value?: string;
  readonly required?: boolean;
  readonly autocomplete?: string;
  readonly maxLength?: number;
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SelectFieldOptions extends FieldBase {
  readonly options: readonly SelectOption[];
  readonly value?: string;
}

export interface TextAreaFieldOptions extends FieldBase {
  readonly value?: string;
  readonly rows?: number;
}

export interface CheckboxFieldOptions extends FieldBase {
  readonly checked: boolean;
}

export interface FileFieldOptions extends FieldBase {
  /** File name extensions the browser offers, such as `.sql`. */
  readonly accept: readonly string[];
  readonly multiple?: boolean;
}

export function inputField(options: InputFieldOptions): SafeHtml {
  const id = fieldId(options.name);
  const value = options.value === undefined ? "" : html` value="${options.value}"`;
  const required = options.required === true ? html` required` : "";
  const autocomplete = options.autocomplete === undefined ? "" : html` autocomplete="${options.autocomplete}"`;
  const maxLength = options.maxLength === undefined ? "" : html` maxlength="${options.maxLength}"`;
  return html`<p class="field"><label for="${id}">${options.label}</label>${hint(options)}
<input id="${id}" name="${options.name}" type="${options.type ?? "text"}"${value}${required}${autocomplete}${maxLength}${invalidAttributes(options)}></p>`;
}

export function selectField(options: SelectFieldOptions): SafeHtml {
  const id = fieldId(options.name);
  const items = options.options.map(
    (option) =>
      html`<option value="${option.value}"${option.value === options.value ? html` selected` : ""}>${option.label}</option>`,
  );
  return html`<p class="field"><label for="${id}">${options.label}</label>${hint(options)}
<select id="${id}" name="${options.name}"${invalidAttributes(options)}>${items}</select></p>`;
}

export function textAreaField(options: TextAreaFieldOptions): SafeHtml {
  const id = fieldId(options.name);
  return html`<p class="field"><label for="${id}">${options.label}</label>${hint(options)}
<textarea id="${id}" name="${options.name}" rows="${options.rows ?? 4}"${invalidAttributes(options)}>${options.value ?? ""}</textarea></p>`;
}

export function checkboxField(options: CheckboxFieldOptions): SafeHtml {
  const id = fieldId(options.name);
  return html`<p class="field"><label><input id="${id}" name="${options.name}" type="checkbox" value="on"${
    options.checked ? html` checked` : ""
  }${invalidAttributes(options)}> ${options.label}</label>${hint(options)}</p>`;
}

export function fileField(options: FileFieldOptions): SafeHtml {
  const id = fieldId(options.name);
  return html`<p class="field"><label for="${id}">${options.label}</label>${hint(options)}
<input id="${id}" name="${options.name}" type="file" accept="${options.accept.join(",")}"${
    options.multiple === true ? html` multiple` : ""
  }${invalidAttributes(options)}></p>`;
}

/** Renders the form's error message, which invalid fields point to. */
export function formError(message: string | undefined): SafeHtml | string {
  return message === undefined ? "" : html`<p class="notice error" id="${FORM_ERROR_ID}" role="alert">${message}</p>`;
}

function fieldId(name: string): string {
  return `field-${name}`;
}

function hint(options: FieldBase): SafeHtml | string {
  return options.hint === undefined ? "" : html`<span class="muted">${options.hint}</span>`;
}

function invalidAttributes(options: FieldBase): SafeHtml | string {
  return options.invalid === true ? html` aria-invalid="true" aria-describedby="${FORM_ERROR_ID}"` : "";
}
