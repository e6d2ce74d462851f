import type { Migration } from "./migration.js";

/**
 * Users and sessions of the web console.
 *
 * A user name is unique regardless of case, so that `Alice` and `alice`
 * cannot be two accounts. `password_hash` is an argon2id hash in the PHC
 * string format. `failed_sign_ins` counts wrong passwords since the last
 * successful sign-in, and `locked_until` is set when it reaches the limit.
 *
 * A session row is keyed by the SHA-256 of the session id, so that someone
 * who reads the table cannot take over a session. `last_seen_at` drives the
 * idle timeout and `expires_at` is the absolute one. Deleting a user deletes
 * its sessions.
 */
export const consoleUsersSessionsMigration: Migration = {
  version: 5,
  name: "console users and sessions",
  sql: `
create table console_users (
  user_key bigint generated always as identity primary key,
  name text not null,
  role text not null check (role in ('viewer', 'assessor', 'admin')),
  password_hash text not null,
  created_at timestamptz not null,
  password_changed_at timestamptz not null,
  disabled boolean not null default false,
  failed_sign_ins integer not null default 0 check (failed_sign_ins >= 0),
  locked_until timestamptz,
  last_sign_in_at timestamptz
);

create unique index console_users_name on console_users (lower(name));

create table console_sessions (
  id_hash bytea primary key check (length(id_hash) = 32),
  user_key bigint not null
    references console_users (user_key) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null
);

create index console_sessions_user on console_sessions (user_key);
create index console_sessions_expires_at on console_sessions (expires_at);
`,
};
