/**
 * The console's page groups. Each module declares its routes and their
 * permissions (registry.ts); add a new module to this list to serve it.
 * Sign-in and the static assets are added by the app itself, because they
 * are built from its options.
 */

import { APPLICATION_REPORT_ROUTES } from "./application-reports.js";
import { APPLICATION_SERVER_ROUTES } from "./application-servers.js";
import { APPLICATION_ROUTES } from "./applications.js";
import { assessmentRoutes } from "./assessment.js";
import { COMPANY_ROUTES } from "./companies.js";
import { CONNECTION_ROUTES } from "./connections.js";
import { assessmentListRoutes } from "./assessments.js";
import { AUDIT_ROUTES } from "./audit.js";
import { diffRoutes } from "./diff.js";
import { findingsApiRoutes } from "./findings-api.js";
import { PURGE_ROUTES } from "./purge.js";
import type { RouteModule } from "./registry.js";
import { RUN_API_ROUTES } from "./runs-api.js";
import { RUN_ROUTES } from "./runs.js";
import { USER_ROUTES } from "./users.js";

export const PAGE_MODULES: readonly RouteModule[] = [
  assessmentListRoutes,
  assessmentRoutes,
  findingsApiRoutes,
  diffRoutes,
  RUN_ROUTES,
  RUN_API_ROUTES,
  CONNECTION_ROUTES,
  COMPANY_ROUTES,
  APPLICATION_ROUTES,
  APPLICATION_SERVER_ROUTES,
  APPLICATION_REPORT_ROUTES,
  USER_ROUTES,
  AUDIT_ROUTES,
  PURGE_ROUTES,
];
