/** The actions of `infio app companies`: see app-companies.ts for the options. */

import { removeCompany } from "../store/applications-store.js";
import type { CompaniesOptions } from "./app-companies.js";
import {
  auditedChange,
  confirmRemoval,
  duplicateName,
  noStoreYet,
  requireCompany,
  tableTime,
  withAppSession,
  writeJson,
  type AppSession,
} from "./app-common.js";
import { auditedRead } from "./audit-trail.js";
import type { CommandSetup } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { EXIT_OK, FailureError } from "./errors.js";
import { formatTable } from "./table.js";

export function runCompanies(options: CompaniesOptions, ctx: CliContext): Promise<number> {
  const creates = options.verb === "add";
  return withAppSession(options, ctx, creates, async (session, setup) => {
    if (options.verb === "list") {
      return listCompanies(session, options.json, ctx, setup);
    }
    if (session === undefined) {
      throw noStoreYet("company", options.name, options.dataDir);
    }

    switch (options.verb) {
      case "add":
        return addCompany(session, options.name);
      case "rename":
        return renameCompany(session, options.name, options.newName);
      case "remove":
        return removeCompanyCommand(session, options.name, options.yes);
    }
  });
}

async function addCompany(session: AppSession, name: string): Promise<number> {
  await auditedChange(session.setup, { action: "company.add", objects: { company: name } }, async () => {
    const added = await session.model.companies.add(name, session.change());
    if (added === "duplicate") {
      throw duplicateName("company", name);
    }
    return { result: added, details: { new: { name } } };
  });
  session.setup.log.info(`added company '${name}'`);
  return EXIT_OK;
}

async function listCompanies(
  session: AppSession | undefined,
  json: boolean,
  ctx: CliContext,
  setup: CommandSetup,
): Promise<number> {
  const rows = await auditedRead(setup.audit, { action: "company.list" }, async () => {
    if (session === undefined) {
      return [];
    }
    const companies = await session.model.companies.list();
    const applications = await session.model.applications.list();
    return companies.map((company) => ({
      company,
      applications: applications.filter((a) => a.companyKey === company.key).length,
    }));
  });

  if (json) {
    writeJson(
      ctx,
      rows.map(({ company, applications }) => ({
        name: company.name,
        applications,
        createdBy: company.createdBy,
        createdAt: company.createdAt.toISOString(),
        updatedBy: company.updatedBy,
        updatedAt: company.updatedAt.toISOString(),
      })),
    );
    return EXIT_OK;
  }
  if (rows.length === 0) {
    ctx.stderr.write("no companies yet; add one with 'infio app companies add NAME'\n");
    return EXIT_OK;
  }
  const table = rows.map(({ company, applications }) => [
    company.name,
    String(applications),
    tableTime(company.createdAt),
  ]);
  ctx.stdout.write(`${formatTable(["NAME", "APPLICATIONS", "CREATED (UTC)"], table)}\n`);
  return EXIT_OK;
}

async function renameCompany(session: AppSession, name: string, newName: string): Promise<number> {
  const company = await requireCompany(session.model, name);
  await auditedChange(
    session.setup,
    { action: "company.rename", objects: { company: company.name }, details: { old: { name: company.name } } },
    async () => {
      const renamed = await session.model.companies.rename(company.key, newName, session.change());
      if (renamed === "duplicate") {
        throw duplicateName("company", newName);
      }
      if (renamed === "not-found") {
        throw new FailureError(`company '${name}' was removed while it was being renamed`);
      }
      return { result: renamed, details: { new: { name: newName } } };
    },
  );
  session.setup.log.info(`renamed company '${company.name}' to '${newName}'`);
  return EXIT_OK;
}

async function removeCompanyCommand(session: AppSession, name: string, yes: boolean): Promise<number> {
  const company = await requireCompany(session.model, name);
  const applications = await session.model.applications.list(company.key);
  let assessments = 0;
  for (const application of applications) {
    assessments += (await session.model.applications.assessments(application.key)).length;
  }
  await confirmRemoval(
    session.ctx,
    `remove company '${company.name}' with ${applications.length} application(s) and ${assessments} assessment(s)`,
    yes,
  );

  const result = await auditedChange(
    session.setup,
    {
      action: "company.remove",
      objects: { company: company.name },
      details: { old: { name: company.name, applications: applications.map((a) => a.name) } },
    },
    async () => {
      const removed = await removeCompany(session.store, company.key);
      if (!removed.removed) {
        throw removalStopped(removed, `company '${company.name}'`);
      }
      return { result: removed, details: { assessmentsRemoved: [...removed.assessments] } };
    },
  );
  session.setup.log.info(
    `removed company '${company.name}', ${result.applications.length} application(s) and ` +
      `${result.assessments.length} assessment(s), whose data keys were destroyed`,
  );
  return EXIT_OK;
}

/** Returns the error for a removal that stopped: the row was gone, or an assessment is still running. */
export function removalStopped(
  result: { readonly reason: "not-found" } | { readonly reason: "running"; readonly assessmentId: string },
  what: string,
): FailureError {
  if (result.reason === "running") {
    return new FailureError(
      `cannot remove ${what}: assessment ${result.assessmentId} is still running; wait for it to ` +
        "finish (or stop it) and run the removal again; the assessments removed so far stay removed",
    );
  }
  return new FailureError(`cannot remove ${what}: it was removed by another process`);
}
