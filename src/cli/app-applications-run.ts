/** The actions of `infio app applications`: see app-applications.ts for the options. */

import { removeApplication } from "../store/applications-store.js";
import type { ApplicationsOptions } from "./app-applications.js";
import { removalStopped } from "./app-companies-run.js";
import {
  auditedChange,
  confirmRemoval,
  duplicateName,
  noStoreYet,
  requireApplication,
  requireCompany,
  tableTime,
  withAppSession,
  writeJson,
  type AppSession,
} from "./app-common.js";
import { describeMetric } from "./app-metrics-run.js";
import {
  answerText,
  applicationJson,
  assessmentLinkJson,
  describeSource,
  metricJson,
  questionnaireJson,
  serverJson,
} from "./app-views.js";
import { auditedRead } from "./audit-trail.js";
import type { CommandSetup } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { EXIT_OK, FailureError } from "./errors.js";
import { formatTable, safeCell } from "./table.js";

export function runApplications(options: ApplicationsOptions, ctx: CliContext): Promise<number> {
  const creates = options.verb === "add";
  return withAppSession(options, ctx, creates, async (session, setup) => {
    if (options.verb === "list") {
      return listApplications(session, options.company, options.json, ctx, setup);
    }
    if (session === undefined) {
      throw noStoreYet("application", options.name, options.dataDir);
    }

    switch (options.verb) {
      case "add":
        return addApplication(session, options.name, options.company);
      case "show":
        return showApplication(session, options.name, options.json);
      case "rename":
        return renameApplication(session, options.name, options.newName);
      case "move":
        return moveApplication(session, options.name, options.company);
      case "remove":
        return removeApplicationCommand(session, options.name, options.yes);
    }
  });
}

async function addApplication(session: AppSession, name: string, companyName: string): Promise<number> {
  const company = await requireCompany(session.model, companyName);
  await auditedChange(
    session.setup,
    { action: "application.add", objects: { application: name, company: company.name } },
    async () => {
      const added = await session.model.applications.add(company.key, name, session.change());
      if (added === "duplicate") {
        throw duplicateName("application", name, " in this or another company");
      }
      return { result: added, details: { new: { name, company: company.name } } };
    },
  );
  session.setup.log.info(`added application '${name}' to company '${company.name}'`);
  return EXIT_OK;
}

async function listApplications(
  session: AppSession | undefined,
  companyName: string | undefined,
  json: boolean,
  ctx: CliContext,
  setup: CommandSetup,
): Promise<number> {
  const event = { action: "application.list", ...(companyName === undefined ? {} : { objects: { company: companyName } }) };
  const rows = await auditedRead(setup.audit, event, async () => {
    if (session === undefined) {
      return [];
    }
    const company = companyName === undefined ? undefined : await requireCompany(session.model, companyName);
    const applications = await session.model.applications.list(company?.key);
    const rows = [];
    for (const application of applications) {
      const servers = await session.model.servers.list(application.key);
      const assessments = await session.model.applications.assessments(application.key);
      rows.push({ application, servers: servers.length, assessments: assessments.length });
    }
    return rows;
  });

  if (json) {
    writeJson(
      ctx,
      rows.map((row) => ({ ...applicationJson(row.application), servers: row.servers, assessments: row.assessments })),
    );
    return EXIT_OK;
  }
  if (rows.length === 0) {
    ctx.stderr.write("no applications yet; add one with 'infio app applications add NAME --company COMPANY'\n");
    return EXIT_OK;
  }
  const table = rows.map((row) => [
    row.application.name,
    row.application.companyName,
    String(row.servers),
    String(row.assessments),
    tableTime(row.application.updatedAt),
  ]);
  ctx.stdout.write(`${formatTable(["NAME", "COMPANY", "SERVERS", "ASSESSMENTS", "UPDATED (UTC)"], table)}\n`);
  return EXIT_OK;
}

async function showApplication(session: AppSession, name: string, json: boolean): Promise<number> {
  const { model, ctx } = session;
  const shown = await auditedRead(session.setup.audit, { action: "application.show", objects: { application: name } }, async () => {
    const application = await requireApplication(model, name);
    return {
      application,
      servers: await model.servers.list(application.key),
      questionnaire: await model.questionnaires.get(application.key),
      metrics: await model.metrics.list(application.key),
      assessments: await model.applications.assessments(application.key),
    };
  });

  if (json) {
    writeJson(ctx, {
      ...applicationJson(shown.application),
      servers: shown.servers.map(serverJson),
      questionnaire: questionnaireJson(shown.questionnaire),
      metrics: shown.metrics.map(metricJson),
      assessments: shown.assessments.map((link) => assessmentLinkJson(link, shown.servers)),
    });
    return EXIT_OK;
  }

  const q = shown.questionnaire;
  const lines = [
    `application ${safeCell(shown.application.name)} (company ${safeCell(shown.application.companyName)})`,
    "",
    "servers:",
    ...(shown.servers.length === 0 ? ["  none; add one with 'infio app servers add'"] : []),
    ...shown.servers.map((s) => `  ${safeCell(s.name)} (${s.environment}): ${safeCell(describeSource(s.source))}${databasesText(s)}`),
    "",
    "questionnaire:",
    `  third-party or commercial product: ${answerText(q?.thirdParty)}`,
    `  code may be changed: ${answerText(q?.codeChangeable)}`,
    `  notes: ${q?.notes === undefined ? "none" : safeCell(q.notes)}`,
    "",
    "metrics:",
    ...(shown.metrics.length === 0 ? ["  none yet"] : shown.metrics.map((m) => `  ${describeMetric(m)}`)),
    "",
    "assessments:",
    ...(shown.assessments.length === 0 ? ["  none yet; run 'infio assess --app NAME'"] : []),
    ...shown.assessments.map((link) => {
      const server = shown.servers.find((s) => s.key === link.serverKey)?.name ?? "removed server";
      return `  ${link.assessmentId} ${link.status} ${tableTime(link.startedAt)} UTC, ${safeCell(server)}`;
    }),
  ];
  ctx.stdout.write(`${lines.join("\n")}\n`);
  return EXIT_OK;
}

function databasesText(server: { databases: readonly string[]; excludedDatabases: readonly string[]; includeSystemDatabases: boolean }): string {
  const parts: string[] = [];
  if (server.databases.length > 0) {
    parts.push(`databases ${server.databases.map(safeCell).join(", ")}`);
  }
  if (server.excludedDatabases.length > 0) {
    parts.push(`excluding ${server.excludedDatabases.map(safeCell).join(", ")}`);
  }
  if (server.includeSystemDatabases) {
    parts.push("with system databases");
  }
  return parts.length === 0 ? "" : `; ${parts.join("; ")}`;
}

async function renameApplication(session: AppSession, name: string, newName: string): Promise<number> {
  const application = await requireApplication(session.model, name);
  await auditedChange(
    session.setup,
    {
      action: "application.rename",
      objects: { application: application.name },
      details: { old: { name: application.name } },
    },
    async () => {
      const renamed = await session.model.applications.rename(application.key, newName, session.change());
      if (renamed === "duplicate") {
        throw duplicateName("application", newName, " in this or another company");
      }
      if (renamed === "not-found") {
        throw new FailureError(`application '${name}' was removed while it was being renamed`);
      }
      return { result: renamed, details: { new: { name: newName } } };
    },
  );
  session.setup.log.info(`renamed application '${application.name}' to '${newName}'`);
  return EXIT_OK;
}

async function moveApplication(session: AppSession, name: string, companyName: string): Promise<number> {
  const application = await requireApplication(session.model, name);
  const company = await requireCompany(session.model, companyName);
  await auditedChange(
    session.setup,
    {
      action: "application.move",
      objects: { application: application.name },
      details: { old: { company: application.companyName } },
    },
    async () => {
      const moved = await session.model.applications.move(application.key, company.key, session.change());
      if (moved === "not-found") {
        throw new FailureError(`application '${name}' was removed while it was being moved`);
      }
      return { result: moved, details: { new: { company: company.name } } };
    },
  );
  session.setup.log.info(`moved application '${application.name}' from '${application.companyName}' to '${company.name}'`);
  return EXIT_OK;
}

async function removeApplicationCommand(session: AppSession, name: string, yes: boolean): Promise<number> {
  const application = await requireApplication(session.model, name);
  const assessments = await session.model.applications.assessments(application.key);
  await confirmRemoval(
    session.ctx,
    `remove application '${application.name}' with ${assessments.length} assessment(s)`,
    yes,
  );

  const result = await auditedChange(
    session.setup,
    {
      action: "application.remove",
      objects: { application: application.name, company: application.companyName },
      details: { old: { name: application.name, company: application.companyName } },
    },
    async () => {
      const removed = await removeApplication(session.store, application.key);
      if (!removed.removed) {
        throw removalStopped(removed, `application '${application.name}'`);
      }
      return { result: removed, details: { assessmentsRemoved: [...removed.assessments] } };
    },
  );
  session.setup.log.info(
    `removed application '${application.name}' and ${result.assessments.length} assessment(s), whose data keys were destroyed`,
  );
  return EXIT_OK;
}
