/**
 * Companies, in the `companies` table of migration 9. Names match
 * regardless of case. Removing a company with its applications and their
 * assessments is applications-store.ts's work; this table only deletes a
 * company that owns no application.
 */

import type { SqlSession } from "./connection.js";
import type { Company, RowChange } from "./application-model.js";
import { queryRows, queryUnique, STAMP_COLUMNS, stampsOf, type StampColumns } from "./model-query.js";

type CompanyRow = StampColumns & {
  readonly company_key: string | number;
  readonly name: string;
};

const COLUMNS = `company_key, name, ${STAMP_COLUMNS}`;

export class CompanyTable {
  readonly #session: SqlSession;

  constructor(session: SqlSession) {
    this.#session = session;
  }

  /** Adds a company; `duplicate` when another has its name, regardless of case. */
  async add(name: string, change: RowChange): Promise<Company | "duplicate"> {
    const rows = await queryUnique<CompanyRow>(
      this.#session,
      `add company '${name}'`,
      `insert into companies (name, ${STAMP_COLUMNS}) values ($1, $2, $3, $2, $3) returning ${COLUMNS}`,
      [name, change.actor, change.at.toISOString()],
    );
    return rows === "duplicate" ? rows : companyOf(rows[0]!);
  }

  /** Lists every company by name. */
  async list(): Promise<Company[]> {
    const rows = await queryRows<CompanyRow>(
      this.#session,
      "list companies",
      `select ${COLUMNS} from companies order by lower(name), company_key`,
    );
    return rows.map(companyOf);
  }

  /** Returns the company of this name, regardless of case, or undefined. */
  async find(name: string): Promise<Company | undefined> {
    const rows = await queryRows<CompanyRow>(
      this.#session,
      `read company '${name}'`,
      `select ${COLUMNS} from companies where lower(name) = lower($1)`,
      [name],
    );
    return rows[0] === undefined ? undefined : companyOf(rows[0]);
  }

  /** Renames a company; `not-found` or `duplicate` instead of throwing. */
  async rename(key: number, name: string, change: RowChange): Promise<Company | "not-found" | "duplicate"> {
    const rows = await queryUnique<CompanyRow>(
      this.#session,
      `rename company to '${name}'`,
      `update companies set name = $2, updated_by = $3, updated_at = $4 where company_key = $1 returning ${COLUMNS}`,
      [key, name, change.actor, change.at.toISOString()],
    );
    if (rows === "duplicate") {
      return rows;
    }
    return rows[0] === undefined ? "not-found" : companyOf(rows[0]);
  }

  /**
   * Deletes a company that owns no application; false when there was no
   * such company. The foreign key rejects a company with applications.
   */
  async delete(key: number): Promise<boolean> {
    const rows = await queryRows(
      this.#session,
      `delete company ${key}`,
      "delete from companies where company_key = $1 returning company_key",
      [key],
    );
    return rows.length > 0;
  }
}

function companyOf(row: CompanyRow): Company {
  return { key: Number(row.company_key), name: row.name, ...stampsOf(row) };
}
