/**
 * Companies: the list, one company with its applications, and the forms
 * that add, rename and remove a company and add an application to it.
 * Reading needs `assessments.read`, changing `applications.manage`, and
 * removing, which deletes the assessments of every application of the
 * company, `data.purge`. Each change is audited with the old and new values.
 */

import { checkModelName, type Company } from "../../store/application-model.js";
import { removeCompany } from "../../store/applications-store.js";
import { hasPermission } from "../auth/roles.js";
import { companyListMain, companyMain, type CompanyPage, type ModelRights } from "../pages/companies.js";
import type { SafeHtml } from "../pages/html.js";
import { HttpError } from "../server/http-error.js";
import {
  applicationUrl,
  auditedModelChange,
  formFields,
  FormValueError,
  loadCompany,
  modelOf,
  rowChange,
} from "./application-access.js";
import { declareRoute, type RouteContext, type RouteModule } from "./registry.js";

export const COMPANY_ROUTES: RouteModule = {
  name: "companies",
  routes: [
    declareRoute({
      method: "GET",
      url: "/companies",
      permission: "assessments.read",
      navigation: { label: "Companies", order: 15 },
      handler: (context) => listPage(context),
    }),
    declareRoute({
      method: "POST",
      url: "/companies",
      permission: "applications.manage",
      handler: (context) => addCompany(context),
    }),
    declareRoute({
      method: "GET",
      url: "/companies/:key",
      permission: "assessments.read",
      handler: async (context) => companyPage(context, await loadCompany(context)),
    }),
    declareRoute({
      method: "POST",
      url: "/companies/:key/rename",
      permission: "applications.manage",
      handler: (context) => renameCompany(context),
    }),
    declareRoute({
      method: "POST",
      url: "/companies/:key/remove",
      permission: "data.purge",
      handler: (context) => removeCompanyRoute(context),
    }),
    declareRoute({
      method: "POST",
      url: "/companies/:key/applications",
      permission: "applications.manage",
      handler: (context) => addApplication(context),
    }),
  ],
};

export function rightsOf(context: RouteContext): ModelRights {
  return {
    manage: hasPermission(context.user.role, "applications.manage"),
    purge: hasPermission(context.user.role, "data.purge"),
  };
}

async function addCompany(context: RouteContext): Promise<unknown> {
  const name = formFields(context).name ?? "";
  const problem = checkModelName("company", name);
  if (problem !== undefined) {
    return listPage(context, { message: problem, value: name });
  }

  const model = modelOf(context);
  try {
    const added = await auditedModelChange(context, { action: "company.add", objects: { company: name } }, async () => {
      const result = await model.companies.add(name, rowChange(context));
      if (result === "duplicate") {
        throw new FormValueError("name", `company '${name}' already exists; choose another name`);
      }
      return { result, details: { new: { name } } };
    });
    context.services.log.info(`'${context.user.name}' added company '${added.name}'`);
  } catch (error) {
    if (error instanceof FormValueError) {
      return listPage(context, { message: error.message, value: name });
    }
    throw error;
  }
  return context.reply.redirect("/companies", 303);
}

async function renameCompany(context: RouteContext): Promise<unknown> {
  const company = await loadCompany(context);
  const newName = formFields(context).newName ?? "";
  const invalid = (message: string) => companyPage(context, company, { form: "rename", message, value: newName });
  const problem = checkModelName("company", newName);
  if (problem !== undefined) {
    return invalid(problem);
  }

  const event = { action: "company.rename", objects: { company: company.name }, details: { old: { name: company.name } } };
  try {
    await auditedModelChange(context, event, async () => {
      const renamed = await modelOf(context).companies.rename(company.key, newName, rowChange(context));
      if (renamed === "duplicate") {
        throw new FormValueError("newName", `company '${newName}' already exists; choose another name`);
      }
      if (renamed === "not-found") {
        throw new HttpError(404, "The company was removed while it was being renamed.");
      }
      return { result: renamed, details: { new: { name: newName } } };
    });
  } catch (error) {
    if (error instanceof FormValueError) {
      return invalid(error.message);
    }
    throw error;
  }
  context.services.log.info(`'${context.user.name}' renamed company '${company.name}' to '${newName}'`);
  return context.reply.redirect(`/companies/${company.key}`, 303);
}

async function removeCompanyRoute(context: RouteContext): Promise<unknown> {
  const company = await loadCompany(context);
  const applications = await modelOf(context).applications.list(company.key);
  const event = {
    action: "company.remove",
    objects: { company: company.name },
    details: { old: { name: company.name, applications: applications.map((a) => a.name) } },
  };

  const removed = await auditedModelChange(context, event, async () => {
    const result = await removeCompany(context.services.store, company.key);
    if (!result.removed) {
      throw removalStopped(result, `company '${company.name}'`);
    }
    return { result, details: { assessmentsRemoved: [...result.assessments] } };
  });
  forgetAssessments(context, removed.assessments);
  context.services.log.info(
    `'${context.user.name}' removed company '${company.name}', ${removed.applications.length} application(s) ` +
      `and ${removed.assessments.length} assessment(s)`,
  );
  return context.reply.redirect("/companies", 303);
}

async function addApplication(context: RouteContext): Promise<unknown> {
  const company = await loadCompany(context);
  const name = formFields(context).name ?? "";
  const invalid = (message: string) => companyPage(context, company, { form: "add-application", message, value: name });
  const problem = checkModelName("application", name);
  if (problem !== undefined) {
    return invalid(problem);
  }

  const event = { action: "application.add", objects: { application: name, company: company.name } };
  let key: number;
  try {
    const added = await auditedModelChange(context, event, async () => {
      const result = await modelOf(context).applications.add(company.key, name, rowChange(context));
      if (result === "duplicate") {
        throw new FormValueError(
          "name",
          `application '${name}' already exists (application names are unique across companies); choose another name`,
        );
      }
      return { result, details: { new: { name, company: company.name } } };
    });
    key = added.key;
  } catch (error) {
    if (error instanceof FormValueError) {
      return invalid(error.message);
    }
    throw error;
  }
  context.services.log.info(`'${context.user.name}' added application '${name}' to company '${company.name}'`);
  return context.reply.redirect(applicationUrl({ key }), 303);
}

/**
 * Returns the error for a removal that stopped: the row was gone, or one
 * of its assessments is still running.
 */
export function removalStopped(
  result: { readonly reason: "not-found" } | { readonly reason: "running"; readonly assessmentId: string },
  what: string,
): HttpError {
  if (result.reason === "running") {
    return new HttpError(
      409,
      `Cannot remove ${what}: assessment ${result.assessmentId} is still running. Wait for it to finish ` +
        "(or cancel it) and remove again; the assessments removed so far stay removed.",
    );
  }
  return new HttpError(404, `Cannot remove ${what}: it was removed meanwhile.`);
}

/** Drops removed assessments from the console's cache, so that no page shows them. */
export function forgetAssessments(context: RouteContext, ids: readonly string[]): void {
  for (const id of ids) {
    context.services.assessments.invalidate(id);
  }
  context.services.assessments.invalidateListing();
}

async function listPage(context: RouteContext, error?: { message: string; value: string }): Promise<SafeHtml> {
  const model = modelOf(context);
  const companies = await model.companies.list();
  const applications = await model.applications.list();
  const rows = companies.map((company) => ({
    company,
    applications: applications.filter((a) => a.companyKey === company.key).length,
  }));
  if (error !== undefined) {
    context.reply.code(422);
  }
  return context.page({
    title: "Companies",
    main: companyListMain({
      csrfToken: context.csrfToken,
      rights: rightsOf(context),
      companies: rows,
      ...(error === undefined ? {} : { error }),
    }),
  });
}

async function companyPage(context: RouteContext, company: Company, error?: CompanyPage["error"]): Promise<SafeHtml> {
  const model = modelOf(context);
  const applications = [];
  for (const application of await model.applications.list(company.key)) {
    applications.push({ application, assessments: (await model.applications.assessments(application.key)).length });
  }
  if (error !== undefined) {
    context.reply.code(422);
  }
  return context.page({
    title: `Company ${company.name}`,
    main: companyMain({
      csrfToken: context.csrfToken,
      rights: rightsOf(context),
      company,
      applications,
      ...(error === undefined ? {} : { error }),
    }),
  });
}
