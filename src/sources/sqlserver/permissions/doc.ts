/**
 * Renders docs/permissions.md from the catalog queries: each permission
 * infio declares, what it reads with it, grouped by part, and which parts
 * are incomplete without it. The introduction is written here by hand;
 * the rest follows the queries, so a test can tell when the page is stale.
 */

import { fileURLToPath } from "node:url";

import type { CatalogQuery } from "../catalog-query.js";
import type { QueryGroup } from "../collector-queries.js";
import {
  describePermission,
  FIXED_ROLE_DENIALS,
  FIXED_ROLE_PERMISSIONS,
  parsePermission,
  type PermissionSpec,
} from "./vocabulary.js";

/** docs/permissions.md of the repository, from dist/src/sources/sqlserver/permissions/. */
export const PERMISSIONS_DOC_PATH = fileURLToPath(new URL("../../../../../docs/permissions.md", import.meta.url));

const INTRODUCTION = `# Permissions

infio reads a SQL Server with a login that can only look. This page lists
every permission infio uses, what it reads with each one, and what is
missing from the assessment without it. It is generated from the catalog
queries in \`src/sources/sqlserver/\`; run \`npm run docs:permissions\` after
changing a query.

## Read-only by design

- infio sends only \`SELECT\` statements on catalog views, dynamic
  management views, metadata functions and the msdb tables of SQL Agent and
  Database Mail. It creates, changes and deletes nothing, not even a
  temporary table.
- Every statement starts with a comment \`/* infio:<query id> */\`, so a DBA
  who traces the server sees which query is running. The ids are the ones
  listed below.
- Connections ask for read-only application intent
  (\`ApplicationIntent=ReadOnly\`), so an availability group listener may
  route them to a readable secondary replica.
- Values are sent as typed parameters and names are quoted, never spliced
  into the text.

## Least privilege

Before it collects anything, infio checks the login's effective
permissions (\`sys.fn_my_permissions\`, \`IS_SRVROLEMEMBER\`,
\`IS_ROLEMEMBER\`). The assessment then records:

- for each permission below that the login lacks, a \`permission-missing\`
  problem naming the parts it leaves incomplete. SQL Server hides catalog
  rows a login may not see instead of failing, so without this check a
  part could look complete and be empty;
- an \`over-privileged\` warning when the login is a member of sysadmin, or
  has a role or permission that can change the server or a database
  (\`CONTROL SERVER\`, \`ALTER ANY LOGIN\`, \`db_owner\`, \`db_datawriter\`,
  \`db_ddladmin\`, ...). infio works with such a login, but it does not
  need one;
- a \`permissions\` inventory item for the server and for each database,
  with the effective permissions, the roles, what is missing and what can
  write.

\`infio grant-script --login NAME\` prints the T-SQL that creates a login
with exactly the permissions below, and with \`--drop\` the T-SQL that
removes it. With \`--database\` it creates a user in each named database
instead of granting \`CONNECT ANY DATABASE\`. The script never contains a
password: a SQL login gets a placeholder that the DBA replaces, and the
script stops while the placeholder is there.
`;

interface PermissionUse {
  readonly spec: PermissionSpec | undefined;
  readonly declared: string;
  /** Queries by part, in group order. */
  readonly parts: Map<string, { readonly title: string; readonly queries: CatalogQuery[] }>;
}

const KIND_ORDER = { server: 0, database: 1, role: 2 } as const;
const KIND_NAMES = { server: "server permission", database: "database permission", role: "database role" } as const;

export function renderPermissionsDoc(groups: readonly QueryGroup[]): string {
  const uses = permissionUses(groups);
  const sections = [INTRODUCTION.trimEnd(), summaryTable(uses), ...uses.map(permissionSection)];
  return `${sections.join("\n\n")}\n`;
}

function permissionUses(groups: readonly QueryGroup[]): PermissionUse[] {
  const byPermission = new Map<string, PermissionUse>();
  for (const group of groups) {
    for (const query of group.queries) {
      let use = byPermission.get(query.permission);
      if (use === undefined) {
        use = { spec: parsePermission(query.permission), declared: query.permission, parts: new Map() };
        byPermission.set(query.permission, use);
      }
      let part = use.parts.get(group.name);
      if (part === undefined) {
        part = { title: group.title, queries: [] };
        use.parts.set(group.name, part);
      }
      part.queries.push(query);
    }
  }

  const order = (use: PermissionUse) => (use.spec === undefined ? 3 : KIND_ORDER[use.spec.kind]);
  return [...byPermission.values()].sort((a, b) => order(a) - order(b));
}

function summaryTable(uses: readonly PermissionUse[]): string {
  const rows = uses.map((use) => {
    const kind = use.spec === undefined ? "unknown" : KIND_NAMES[use.spec.kind];
    const granted = use.spec?.grantable === false ? "no" : "yes";
    const parts = [...use.parts.keys()].map((name) => `\`${name}\``).join(", ");
    return `| [${use.declared}](#${anchorOf(use.declared)}) | ${kind} | ${granted} | ${parts} |`;
  });
  return [
    "## Summary",
    "",
    "| Permission | Kind | Granted by `infio grant-script` | Parts that need it |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

function permissionSection(use: PermissionUse): string {
  const lines = [`## ${use.declared}`, ""];
  const description = use.spec === undefined ? "" : describePermission(use.spec);
  if (description !== "") {
    lines.push(description, "");
  }
  if (use.spec?.coveredBy.length) {
    lines.push(`Covered by ${use.spec.coveredBy.map((name) => `\`${name}\``).join(" or ")} on the server, and by \`CONTROL SERVER\`.`, "");
  }
  const roles = use.spec === undefined ? "" : roleCoverage(use.spec);
  if (roles !== "") {
    lines.push(roles, "");
  }

  lines.push("What infio reads with it:", "", "| Part | Query | Scope | Reads |", "| --- | --- | --- | --- |");
  for (const [name, part] of use.parts) {
    for (const query of part.queries) {
      const reads = query.reads.map((view) => `\`${view}\``).join(", ");
      lines.push(`| \`${name}\` | \`${query.id}\` | ${query.scope} | ${reads} |`);
    }
  }

  const titles = [...use.parts.entries()].map(([name, part]) => `- \`${name}\`: ${part.title}`);
  lines.push("", "Without it, these parts are incomplete or empty:", "", ...titles);
  return lines.join("\n");
}

/**
 * Says which fixed database roles give or deny a database permission, or
 * which permissions stand in for a fixed role, as the permission check
 * counts them (FIXED_ROLE_PERMISSIONS and FIXED_ROLE_DENIALS).
 */
function roleCoverage(spec: PermissionSpec): string {
  const where = spec.database === undefined ? "the database" : spec.database;
  const quoted = (names: readonly string[]) => names.map((name) => `\`${name}\``);
  const denying = (permissions: readonly string[]) =>
    Object.entries(FIXED_ROLE_DENIALS)
      .filter(([, denied]) => permissions.some((name) => denied.includes(name)))
      .map(([role]) => role);

  if (spec.kind === "database" && spec.name !== "CONTROL") {
    const giving = Object.entries(FIXED_ROLE_PERMISSIONS)
      .filter(([, permissions]) => permissions.includes(spec.name) || permissions.includes("CONTROL"))
      .map(([role]) => role);
    const deniers = denying([spec.name]);
    const unless = deniers.length === 0 ? "" : `, unless ${quoted(deniers).join(" or ")} takes it away`;
    return giving.length === 0 ? "" : `Membership of ${quoted(giving).join(" or ")} in ${where} gives it too${unless}.`;
  }

  const permissions = spec.kind === "role" ? FIXED_ROLE_PERMISSIONS[spec.name] : undefined;
  if (permissions === undefined) {
    return "";
  }
  const names = quoted(permissions).join(" and ");
  const deniers = denying(permissions);
  const denial = deniers.length === 0 ? "" : ` Membership of ${quoted(deniers).join(" or ")} takes ${names} away.`;
  return `Holding ${names} in ${where} some other way (a GRANT, or \`db_owner\`) counts as membership.${denial}`;
}

/** Returns the anchor GitHub gives a heading: lower case, spaces to dashes, other punctuation dropped. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, "")
    .replace(/ /g, "-");
}
