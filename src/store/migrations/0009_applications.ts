import type { Migration } from "./migration.js";

/**
 * Companies, their applications and the servers each application runs on,
 * as migration teams plan: a company owns applications, an application has
 * production and non-production servers, and its assessments belong to it.
 *
 * Names are unique regardless of case: a company name among companies, an
 * application name among all applications (so that `--app NAME` needs no
 * company), and a server name within its application.
 *
 * A server is either `live`, a SQL Server read with the connection options
 * of `infio assess --server` kept in `connection` (never a password), or
 * `scripts`, a folder of T-SQL scripts. `secret` says where a live server's
 * password comes from when it is assessed: an environment variable, an
 * owner-only file, a prompt, an AWS Secrets Manager ARN, or a saved
 * connection of the console, whose password is sealed (migration 6). The
 * database lists are JSON arrays of names; an empty `databases` means every
 * user database.
 *
 * `application_metrics` keeps one value per metric, marked as read from a
 * live inventory or entered by hand; a hand-entered value is never replaced
 * by an inventory reading. Deleting an application deletes its servers,
 * answers and metrics; its assessments are deleted first by the store code,
 * which shreds their data keys, so the foreign key from `assessments`
 * rejects a delete that would leave them behind.
 *
 * NOTE: unlike assessment rows, these tables are not sealed: names,
 * connection options, answers and notes are stored in plain text.
 */
export const applicationsMigration: Migration = {
  version: 9,
  name: "applications",
  sql: `
create table companies (
  company_key bigint generated always as identity primary key,
  name text not null,
  created_by text not null,
  created_at timestamptz not null,
  updated_by text not null,
  updated_at timestamptz not null
);

create unique index companies_name on companies (lower(name));

create table applications (
  application_key bigint generated always as identity primary key,
  company_key bigint not null references companies (company_key),
  name text not null,
  created_by text not null,
  created_at timestamptz not null,
  updated_by text not null,
  updated_at timestamptz not null
);

create unique index applications_name on applications (lower(name));
create index applications_company on applications (company_key);

create table application_servers (
  server_key bigint generated always as identity primary key,
  application_key bigint not null
    references applications (application_key) on delete cascade,
  name text not null,
  environment text not null
    check (environment in ('production', 'non-production')),
  kind text not null check (kind in ('live', 'scripts')),
  connection jsonb check (jsonb_typeof(connection) = 'object'),
  secret jsonb check (jsonb_typeof(secret) = 'object'),
  scripts_path text,
  databases jsonb not null default '[]'::jsonb
    check (jsonb_typeof(databases) = 'array'),
  excluded_databases jsonb not null default '[]'::jsonb
    check (jsonb_typeof(excluded_databases) = 'array'),
  include_system_databases boolean not null default false,
  created_by text not null,
  created_at timestamptz not null,
  updated_by text not null,
  updated_at timestamptz not null,
  constraint application_servers_source check (
    (kind = 'live' and connection is not null and secret is not null
      and scripts_path is null)
    or (kind = 'scripts' and scripts_path is not null and connection is null
      and secret is null))
);

create unique index application_servers_name
  on application_servers (application_key, lower(name));

create table application_questionnaires (
  application_key bigint primary key
    references applications (application_key) on delete cascade,
  third_party boolean,
  code_changeable boolean,
  notes text,
  updated_by text not null,
  updated_at timestamptz not null
);

create table application_metrics (
  application_key bigint not null
    references applications (application_key) on delete cascade,
  metric text not null check (metric in ('production-instances',
    'non-production-instances', 'cpu-cores', 'memory-mb', 'storage-mb',
    'primary-replicas', 'secondary-replicas')),
  value double precision not null check (value >= 0),
  origin text not null check (origin in ('inventory', 'manual')),
  assessments jsonb not null default '[]'::jsonb
    check (jsonb_typeof(assessments) = 'array'),
  updated_by text not null,
  updated_at timestamptz not null,
  primary key (application_key, metric)
);

alter table assessments add column application_key bigint
  references applications (application_key);
alter table assessments add column application_server_key bigint
  references application_servers (server_key) on delete set null;
create index assessments_application on assessments (application_key);
`,
};
