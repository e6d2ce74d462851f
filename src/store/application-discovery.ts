/**
 * The discovery data of applications, from migration 9: the questionnaire
 * (`application_questionnaires`) and the environment metrics
 * (`application_metrics`). A metric entered by hand is never replaced by
 * one read from an inventory; clearing it lets the inventory fill it again.
 */

import type { SqlSession } from "./connection.js";
import {
  METRICS,
  type Metric,
  type MetricName,
  type MetricOrigin,
  type Questionnaire,
  type QuestionnaireAnswers,
  type RowChange,
} from "./application-model.js";
import { queryRows, textListOf } from "./model-query.js";

type QuestionnaireRow = {
  readonly third_party: boolean | null;
  readonly code_changeable: boolean | null;
  readonly notes: string | null;
  readonly updated_by: string;
  readonly updated_at: Date | string;
};

type MetricRow = {
  readonly metric: MetricName;
  readonly value: number | string;
  readonly origin: MetricOrigin;
  readonly assessments: unknown;
  readonly updated_by: string;
  readonly updated_at: Date | string;
};

export class QuestionnaireTable {
  readonly #session: SqlSession;

  constructor(session: SqlSession) {
    this.#session = session;
  }

  /** Returns the answers of an application, or undefined when none were given. */
  async get(applicationKey: number): Promise<Questionnaire | undefined> {
    const rows = await queryRows<QuestionnaireRow>(
      this.#session,
      `read the questionnaire of application ${applicationKey}`,
      "select third_party, code_changeable, notes, updated_by, updated_at " +
        "from application_questionnaires where application_key = $1",
      [applicationKey],
    );
    const row = rows[0];
    if (row === undefined) {
      return undefined;
    }
    return {
      thirdParty: row.third_party ?? undefined,
      codeChangeable: row.code_changeable ?? undefined,
      notes: row.notes ?? undefined,
      updatedBy: row.updated_by,
      updatedAt: new Date(row.updated_at),
    };
  }

  /** Replaces every answer of an application; an undefined answer is stored as not given. */
  async set(applicationKey: number, answers: QuestionnaireAnswers, change: RowChange): Promise<void> {
    await queryRows(
      this.#session,
      `save the questionnaire of application ${applicationKey}`,
      "insert into application_questionnaires " +
        "(application_key, third_party, code_changeable, notes, updated_by, updated_at) " +
        "values ($1, $2, $3, $4, $5, $6) on conflict (application_key) do update set " +
        "third_party = excluded.third_party, code_changeable = excluded.code_changeable, " +
        "notes = excluded.notes, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
      [
        applicationKey,
        answers.thirdParty ?? null,
        answers.codeChangeable ?? null,
        answers.notes ?? null,
        change.actor,
        change.at.toISOString(),
      ],
    );
  }
}

export class MetricTable {
  readonly #session: SqlSession;

  constructor(session: SqlSession) {
    this.#session = session;
  }

  /** Returns the metrics of an application in the order of METRICS; absent ones are left out. */
  async list(applicationKey: number): Promise<Metric[]> {
    const rows = await queryRows<MetricRow>(
      this.#session,
      `read the metrics of application ${applicationKey}`,
      "select metric, value, origin, assessments, updated_by, updated_at " +
        "from application_metrics where application_key = $1",
      [applicationKey],
    );
    const metrics = rows.map(metricOf);
    return metrics.sort((a, b) => METRICS.indexOf(a.name) - METRICS.indexOf(b.name));
  }

  /** Sets a metric by hand, replacing any value, read or entered. */
  async setManual(applicationKey: number, name: MetricName, value: number, change: RowChange): Promise<void> {
    await queryRows(
      this.#session,
      `set metric ${name} of application ${applicationKey}`,
      "insert into application_metrics " +
        "(application_key, metric, value, origin, assessments, updated_by, updated_at) " +
        "values ($1, $2, $3, 'manual', '[]'::jsonb, $4, $5) on conflict (application_key, metric) do update set " +
        "value = excluded.value, origin = 'manual', assessments = '[]'::jsonb, " +
        "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
      [applicationKey, name, value, change.actor, change.at.toISOString()],
    );
  }

  /**
   * Sets a metric read from the inventory of `assessments`, unless a value
   * entered by hand exists. Returns false, changing nothing, in that case.
   */
  async setFromInventory(
    applicationKey: number,
    name: MetricName,
    value: number,
    assessments: readonly string[],
    change: RowChange,
  ): Promise<boolean> {
    const rows = await queryRows(
      this.#session,
      `set metric ${name} of application ${applicationKey}`,
      "insert into application_metrics " +
        "(application_key, metric, value, origin, assessments, updated_by, updated_at) " +
        "values ($1, $2, $3, 'inventory', $4::jsonb, $5, $6) on conflict (application_key, metric) do update set " +
        "value = excluded.value, origin = 'inventory', assessments = excluded.assessments, " +
        "updated_by = excluded.updated_by, updated_at = excluded.updated_at " +
        "where application_metrics.origin = 'inventory' returning metric",
      [applicationKey, name, value, JSON.stringify(assessments), change.actor, change.at.toISOString()],
    );
    return rows.length > 0;
  }

  /** Removes a metric, read or entered; false when it had none. */
  async clear(applicationKey: number, name: MetricName): Promise<boolean> {
    const rows = await queryRows(
      this.#session,
      `clear metric ${name} of application ${applicationKey}`,
      "delete from application_metrics where application_key = $1 and metric = $2 returning metric",
      [applicationKey, name],
    );
    return rows.length > 0;
  }
}

function metricOf(row: MetricRow): Metric {
  return {
    name: row.metric,
    value: Number(row.value),
    origin: row.origin,
    assessments: textListOf(row.assessments),
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at),
  };
}
