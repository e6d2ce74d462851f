/**
 * The audit log pages (admins): the entries with filters, a verification
 * of the hash chain with the code of `infio audit verify`, and a download
 * like `infio audit export`. Reading the log is itself recorded in it.
 */

import { verifyAuditLog, type KeyedVerification } from "../../cli/audit-verify.js";
import type { JsonValue } from "../../security/audit/entry.js";
import { auditLogMain, verificationMain } from "../pages/audit.js";
import type { SafeHtml } from "../pages/html.js";
import { HttpError } from "../server/http-error.js";
import { sendAuditExport } from "./audit-export.js";
import { AUDIT_OUTCOMES, isFiltered, parseAuditQuery, readAuditPage, type AuditPage } from "./audit-query.js";
import { declareRoute, type RouteContext, type RouteModule } from "./registry.js";

/** Entries per page. */
export const AUDIT_PAGE_SIZE = 100;

export const AUDIT_ROUTES: RouteModule = {
  name: "audit",
  routes: [
    declareRoute({
      method: "GET",
      url: "/audit",
      permission: "audit.read",
      navigation: { label: "Audit log", order: 60 },
      handler: (context) => logPage(context),
    }),
    declareRoute({
      method: "POST",
      url: "/audit/verify",
      permission: "audit.read",
      handler: (context) => verifyPage(context),
    }),
    declareRoute({
      method: "GET",
      url: "/audit/export",
      permission: "audit.read",
      handler: (context) => sendAuditExport(context, logPathOf(context)),
    }),
  ],
};

async function logPage(context: RouteContext): Promise<SafeHtml> {
  const { services } = context;
  const path = logPathOf(context);
  const query = parseAuditQuery(context.request.query);
  const filter = query.filter;
  const event = {
    action: "audit.read",
    details: { via: "console", offset: query.offset, ...(isFiltered(filter) ? { filter: { ...filter } } : {}) },
  } as const;

  let page: AuditPage;
  try {
    page = await readAuditPage(path, query, AUDIT_PAGE_SIZE);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await context.audit.after({ ...event, outcome: "failed", details: { ...event.details, error: message } });
    throw error;
  }

  const base = {
    csrfToken: context.csrfToken,
    filter,
    outcomes: AUDIT_OUTCOMES,
    offset: query.offset,
    limit: AUDIT_PAGE_SIZE,
  };
  try {
    // Recorded before the entries are shown, as the CLI records a read.
    await context.audit.before({ ...event, outcome: "succeeded", details: { ...event.details, shown: page.entries.length } });
  } catch (error) {
    // A log that cannot take this entry is damaged or unwritable: the page
    // then shows no entries, but keeps the verify button that finds out why.
    const message = error instanceof Error ? error.message : String(error);
    services.log.error(`cannot record that '${context.user.name}' read the audit log, so it was not shown: ${message}`);
    context.reply.code(503);
    return context.page({
      title: "Audit log",
      main: auditLogMain({
        ...base,
        entries: [],
        total: 0,
        scanned: 0,
        error:
          "The audit log cannot record this read, so its entries are not shown. Verify the log to find out " +
          "whether it was altered; the console's log has the details.",
      }),
    });
  }

  return context.page({ title: "Audit log", main: auditLogMain({ ...base, ...page }) });
}

async function verifyPage(context: RouteContext): Promise<SafeHtml> {
  const { services, user } = context;
  const path = logPathOf(context);
  let checked: KeyedVerification;
  try {
    checked = await verifyAuditLog(path, process.platform);
  } catch (error) {
    // The log or its key cannot be read; the message names the file and the fix.
    const message = error instanceof Error ? error.message : String(error);
    services.log.error(`cannot verify audit log '${path}' for '${user.name}': ${message}`);
    await context.audit.after({ action: "audit.verify", outcome: "failed", details: { via: "console", error: message } });
    throw new HttpError(500, "The audit log could not be read for verification; the console's log has the details.");
  }

  const verification = checked.verification;
  const details: Record<string, JsonValue> = verification.ok
    ? { via: "console", intact: true, entries: verification.entries, hmacChecked: checked.sealed }
    : { via: "console", intact: false, problem: verification.problem.kind, seq: verification.problem.seq };
  services.log[verification.ok ? "info" : "warn"](
    `console user '${user.name}' verified the audit log: ` +
      (verification.ok ? "intact" : `altered: ${verification.problem.message}`),
  );

  // Verified first and recorded after, because a damaged log may reject
  // the entry, and the verification is what tells the admin why.
  let unrecorded: string | undefined;
  try {
    await context.audit.after({ action: "audit.verify", outcome: "succeeded", details });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    services.log.error(`cannot record the audit log verification by '${user.name}': ${message}`);
    unrecorded = "This verification could not be recorded in the audit log, because the log rejects new entries.";
  }

  return context.page({
    title: "Audit log verification",
    main: verificationMain({ log: path, checked, ...(unrecorded === undefined ? {} : { unrecorded }) }),
  });
}

/** Returns the audit log of the console; 404 when the console writes none. */
function logPathOf(context: RouteContext): string {
  const path = context.services.audit.path;
  if (path === undefined) {
    throw new HttpError(404, "This console writes no audit log, so there is nothing to show.");
  }
  return path;
}
