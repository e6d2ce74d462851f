/**
 * The page that starts an assessment run: upload scripts, or pick a saved
 * connection, and choose the target. The form is multipart, so its CSRF
 * token travels in the action URL (see auth/csrf.ts).
 */

import { BABELFISH_RELEASES, POSTGRESQL_MAJORS } from "../../catalog/babelfish-versions.js";
import { latestBabelfishVersion, latestPostgresqlMajor } from "../../catalog/targets.js";
import { SQL_EXTENSIONS } from "../../sources/scripts/extensions.js";
import { formatByteSize } from "../../util/byte-size.js";
import { CSRF_FIELD } from "../auth/csrf.js";
import type { SavedConnection } from "../connections/index.js";
import type { RunFormField, RunFormValues } from "../routes/run-form.js";
import type { UploadLimits } from "../uploads/index.js";
import { fileField, formError, inputField, selectField, textAreaField, type SelectOption } from "./form-fields.js";
import { html, pageUrl, type SafeHtml } from "./html.js";

export interface RunFormPage {
  readonly csrfToken: string;
  readonly values: RunFormValues;
  readonly connections: readonly SavedConnection[];
  readonly limits: UploadLimits;
  readonly maxFiles: number;
  readonly error?: { readonly message: string; readonly field: RunFormField | undefined };
}

export function runFormMain(page: RunFormPage): SafeHtml {
  const { values, limits } = page;
  const invalid = (field: RunFormField): boolean => page.error?.field === field;
  const action = pageUrl("/runs", { [CSRF_FIELD]: page.csrfToken });

  const uploadHint =
    `Up to ${page.maxFiles} files and ${formatByteSize(limits.maxUploadBytes)} in all. A .zip archive ` +
    `may hold ${limits.maxEntries} entries; each script may be ${formatByteSize(limits.maxEntryBytes)} ` +
    `and all of them ${formatByteSize(limits.maxTotalBytes)} once inflated.`;

  return html`${formError(page.error?.message)}
<form method="post" action="${action}" enctype="multipart/form-data">
<fieldset>
<legend>Scripts</legend>
${fileField({
  name: "scripts",
  label: "SQL scripts or .zip archives of scripts",
  accept: [...SQL_EXTENSIONS, ".zip"],
  multiple: true,
  hint: uploadHint,
  invalid: invalid("scripts"),
})}
${inputField({
  name: "encoding",
  label: "Encoding of scripts without a byte order mark (optional)",
  value: values.encoding,
  hint: "For example windows-1252; UTF-8 is detected by itself.",
  maxLength: 64,
  invalid: invalid("encoding"),
})}
</fieldset>
<fieldset>
<legend>Or a live server</legend>
${connectionSelect(page, invalid("connection"))}
${textAreaField({
  name: "databases",
  label: "Databases to assess (optional, one per line)",
  value: values.databases,
  hint: "Leave empty for the connection's own list.",
  invalid: invalid("databases"),
})}
</fieldset>
<fieldset>
<legend>Target</legend>
${selectField({ name: "target", label: "Migration target", options: targetOptions(), value: values.target, invalid: invalid("target") })}
${selectField({
  name: "compare",
  label: "Also compare with (optional)",
  options: [{ value: "", label: "No comparison" }, ...targetOptions()],
  value: values.compare,
  invalid: invalid("compare"),
})}
</fieldset>
<p><button type="submit">Start assessment</button></p>
</form>`;
}

function connectionSelect(page: RunFormPage, invalid: boolean): SafeHtml {
  if (page.connections.length === 0) {
    return html`<p class="muted">No saved connections yet. <a href="/connections/new">Save a connection</a> to assess a live server.</p>`;
  }
  const options: SelectOption[] = [
    { value: "", label: "None: assess the uploaded files" },
    ...page.connections.map((connection) => ({ value: connection.id, label: `${connection.name} (${connection.server})` })),
  ];
  return selectField({ name: "connection", label: "Saved connection", options, value: page.values.connection, invalid });
}

/** Lists every target that `--target` accepts, newest first within each product, as the CLI spells them. */
function targetOptions(): SelectOption[] {
  const babelfish = [...BABELFISH_RELEASES].reverse().map((release) => ({
    value: `babelfish@${release.version}`,
    label: `Babelfish ${release.version}`,
  }));
  const postgresql = [...POSTGRESQL_MAJORS].reverse().map((major) => ({
    value: `postgresql@${major}`,
    label: `PostgreSQL ${major}`,
  }));
  return [
    { value: "babelfish", label: `Babelfish, latest (${latestBabelfishVersion()})` },
    ...babelfish,
    { value: "postgresql", label: `PostgreSQL, latest (${latestPostgresqlMajor()})` },
    ...postgresql,
  ];
}
