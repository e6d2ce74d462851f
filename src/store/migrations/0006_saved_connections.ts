import type { Migration } from "./migration.js";

/**
 * Saved connections of the web console: the live SQL Servers that
 * assessors run assessments against.
 *
 * `id` is the public id and also names the connection's data key, which
 * is kept outside the database like the data keys of assessments.
 * `secret` is the login's password sealed with that key (AES-256-GCM),
 * bound to the server, login and TLS settings it was saved with, so a
 * row edited in the database cannot send the password to another server.
 * Deleting the data key shreds the password.
 *
 * A name is unique regardless of case. `server_port` is null for a named
 * instance whose port the SQL Server Browser service reports. `databases`
 * is a JSON array of database names; an empty array means every user
 * database. Users are named by text rather than by key, so that deleting
 * a console user keeps the connections it saved.
 */
export const savedConnectionsMigration: Migration = {
  version: 6,
  name: "saved connections",
  sql: `
create table saved_connections (
  connection_key bigint generated always as identity primary key,
  id text not null unique,
  name text not null,
  server_host text not null,
  server_port integer check (server_port between 1 and 65535),
  server_instance text,
  databases jsonb not null default '[]'::jsonb
    check (jsonb_typeof(databases) = 'array'),
  login text not null,
  tls_mode text not null check (tls_mode in ('on', 'strict')),
  tls_ca_file text,
  tls_server_name text,
  trust_server_certificate boolean not null default false,
  secret bytea not null,
  created_by text not null,
  created_at timestamptz not null,
  updated_by text not null,
  updated_at timestamptz not null,
  constraint saved_connections_port_or_instance
    check (server_port is not null or server_instance is not null),
  constraint saved_connections_trust_without_ca
    check (not (trust_server_certificate and tls_ca_file is not null))
);

create unique index saved_connections_name on saved_connections (lower(name));
`,
};
