/**
 * Applications, in the `applications` table of migration 9, and the link
 * from an assessment to its application and server. Names are unique among
 * all applications regardless of case, so `infio assess --app NAME` needs no
 * company. Deleting an application with its assessments is
 * applications-store.ts's work; this table deletes only the row.
 */

import type { SqlSession } from "./connection.js";
import type { Application, RowChange } from "./application-model.js";
import { queryRows, queryUnique, stampsOf, type StampColumns } from "./model-query.js";
import { escapeText, unescapeText } from "./text-escape.js";

type ApplicationRow = StampColumns & {
  readonly application_key: string | number;
  readonly company_key: string | number;
  readonly name: string;
  readonly company_name: string;
};

/** An assessment linked to an application. */
export interface AssessmentLink {
  readonly assessmentId: string;
  /** The server it assessed; undefined once that server was removed. */
  readonly serverKey: number | undefined;
  readonly status: "running" | "complete" | "failed";
  readonly startedAt: Date;
}

const SELECT =
  "select a.application_key, a.company_key, a.name, c.name as company_name, " +
  "a.created_by, a.created_at, a.updated_by, a.updated_at " +
  "from applications a join companies c on c.company_key = a.company_key";

export class ApplicationTable {
  readonly #session: SqlSession;

  constructor(session: SqlSession) {
    this.#session = session;
  }

  /** Adds an application to a company; `duplicate` when its name is taken. */
  async add(companyKey: number, name: string, change: RowChange): Promise<Application | "duplicate"> {
    const rows = await queryUnique<{ application_key: string | number }>(
      this.#session,
      `add application '${name}'`,
      "insert into applications (company_key, name, created_by, created_at, updated_by, updated_at) " +
        "values ($1, $2, $3, $4, $3, $4) returning application_key",
      [companyKey, name, change.actor, change.at.toISOString()],
    );
    if (rows === "duplicate") {
      return rows;
    }
    return (await this.get(Number(rows[0]!.application_key)))!;
  }

  /** Lists applications by company and name; only one company's with `companyKey`. */
  async list(companyKey?: number): Promise<Application[]> {
    const where = companyKey === undefined ? "" : " where a.company_key = $1";
    const rows = await queryRows<ApplicationRow>(
      this.#session,
      "list applications",
      `${SELECT}${where} order by lower(c.name), lower(a.name), a.application_key`,
      companyKey === undefined ? [] : [companyKey],
    );
    return rows.map(applicationOf);
  }

  /** Returns the application of this name, regardless of case, or undefined. */
  async find(name: string): Promise<Application | undefined> {
    const rows = await queryRows<ApplicationRow>(
      this.#session,
      `read application '${name}'`,
      `${SELECT} where lower(a.name) = lower($1)`,
      [name],
    );
    return rows[0] === undefined ? undefined : applicationOf(rows[0]);
  }

  /** Returns the application with this key, or undefined. */
  async get(key: number): Promise<Application | undefined> {
    const rows = await queryRows<ApplicationRow>(
      this.#session,
      `read application ${key}`,
      `${SELECT} where a.application_key = $1`,
      [key],
    );
    return rows[0] === undefined ? undefined : applicationOf(rows[0]);
  }

  /** Renames an application; `not-found` or `duplicate` instead of throwing. */
  async rename(key: number, name: string, change: RowChange): Promise<Application | "not-found" | "duplicate"> {
    const rows = await queryUnique(
      this.#session,
      `rename application to '${name}'`,
      "update applications set name = $2, updated_by = $3, updated_at = $4 " +
        "where application_key = $1 returning application_key",
      [key, name, change.actor, change.at.toISOString()],
    );
    if (rows === "duplicate") {
      return rows;
    }
    return rows.length === 0 ? "not-found" : (await this.get(key))!;
  }

  /** Moves an application to another company; `not-found` when there is no such application. */
  async move(key: number, companyKey: number, change: RowChange): Promise<Application | "not-found"> {
    const rows = await queryRows(
      this.#session,
      `move application ${key}`,
      "update applications set company_key = $2, updated_by = $3, updated_at = $4 " +
        "where application_key = $1 returning application_key",
      [key, companyKey, change.actor, change.at.toISOString()],
    );
    return rows.length === 0 ? "not-found" : (await this.get(key))!;
  }

  /**
   * Deletes an application with its servers, answers and metrics; false
   * when there was none. The foreign key from `assessments` rejects the
   * delete while assessments are linked to it.
   */
  async delete(key: number): Promise<boolean> {
    const rows = await queryRows(
      this.#session,
      `delete application ${key}`,
      "delete from applications where application_key = $1 returning application_key",
      [key],
    );
    return rows.length > 0;
  }

  /**
   * Links a stored assessment to an application and, unless undefined, to
   * one of its servers. Returns false when there is no such assessment.
   */
  async linkAssessment(assessmentId: string, applicationKey: number, serverKey: number | undefined): Promise<boolean> {
    const rows = await queryRows(
      this.#session,
      `link assessment '${assessmentId}' to application ${applicationKey}`,
      "update assessments set application_key = $2, application_server_key = $3 where id = $1 returning id",
      [escapeText(assessmentId), applicationKey, serverKey ?? null],
    );
    return rows.length > 0;
  }

  /** Lists the assessments of an application, newest first. */
  async assessments(applicationKey: number): Promise<AssessmentLink[]> {
    const rows = await queryRows<{
      id: string;
      application_server_key: string | number | null;
      status: AssessmentLink["status"];
      started_at: Date | string;
    }>(
      this.#session,
      `list the assessments of application ${applicationKey}`,
      "select id, application_server_key, status, started_at from assessments " +
        "where application_key = $1 order by started_at desc, assessment_key desc",
      [applicationKey],
    );
    return rows.map((row) => ({
      assessmentId: unescapeText(row.id),
      serverKey: row.application_server_key === null ? undefined : Number(row.application_server_key),
      status: row.status,
      startedAt: new Date(row.started_at),
    }));
  }
}

function applicationOf(row: ApplicationRow): Application {
  return {
    key: Number(row.application_key),
    name: row.name,
    companyKey: Number(row.company_key),
    companyName: row.company_name,
    ...stampsOf(row),
  };
}
