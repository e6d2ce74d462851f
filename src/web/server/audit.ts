/**
 * The console's side of the audit log: the same hash-chained log as the
 * CLI's (an AuditTrail), with a console user as the actor of each entry.
 */

import type { AuditRecord, AuditTrail } from "../../cli/audit-trail.js";
import type { AuditActor } from "../../security/audit/entry.js";

/** An event to record; the actor is added by {@link ActorAudit}. */
export type ConsoleAuditRecord = Omit<AuditRecord, "actor">;

/** Audit records of one actor. */
export interface ActorAudit {
  readonly actor: AuditActor;
  /**
   * Records an event before the action; throws when it cannot, so that the
   * action is not done unrecorded.
   */
  before(record: ConsoleAuditRecord): Promise<void>;
  /** Records the outcome of an action; throws when it cannot. */
  after(record: ConsoleAuditRecord): Promise<void>;
}

export class ConsoleAudit {
  readonly #trail: AuditTrail;

  constructor(trail: AuditTrail) {
    this.#trail = trail;
  }

  /** The audit log file, or undefined when the trail writes none. */
  get path(): string | undefined {
    return this.#trail.path;
  }

  /** Returns the records of the console user `name`. */
  forUser(name: string): ActorAudit {
    return this.forActor({ kind: "console-user", name });
  }

  forActor(actor: AuditActor): ActorAudit {
    return {
      actor,
      before: (record) => this.#trail.before({ ...record, actor }),
      after: (record) => this.#trail.after({ ...record, actor }),
    };
  }
}
