/**
 * Change data capture, change tracking and replication already on a
 * database. AWS DMS uses MS-Replication for tables with a primary key and
 * MS-CDC for the others, leaves its publication behind when a task is
 * removed, and with its default safeguard policy expects to coexist with
 * Microsoft replication (AWS DMS User Guide, SQL Server as a source,
 * "Capturing data changes" and "Limitations", 2023). Change tracking has
 * no equivalent on the target.
 */

import type { ReadinessItem } from "../model.js";
import { readinessItem, type ReadinessRule } from "../rule.js";

export const changeCaptureRule: ReadinessRule = {
  id: "readiness.database.change-capture",
  title: "CDC, change tracking or replication already on",

  check(context) {
    return context.databases.flatMap((d): ReadinessItem[] => {
      const place = { database: d.name, object: null, objectType: "database" as const };
      const items: ReadinessItem[] = [];
      if (d.isCdcEnabled) {
        items.push(
          readinessItem(
            `${this.id}.cdc`,
            "info",
            place,
            "change data capture is enabled",
            `AWS DMS can use the existing MS-CDC capture for tables without a primary key; check that ` +
              `the capture job's retention covers the replication lag, and move the consumers of the ` +
              `cdc.* change tables to the target's logical replication or to the tool's change stream.`,
          ),
        );
      }
      if (d.changeTracking) {
        items.push(
          readinessItem(
            `${this.id}.change-tracking`,
            "info",
            place,
            "change tracking is enabled",
            `Change tracking is not migrated and has no equivalent on the target: rewrite the code ` +
              `that calls CHANGETABLE and CHANGE_TRACKING_CURRENT_VERSION (triggers, or logical decoding).`,
          ),
        );
      }
      if (d.isPublished || d.isMergePublished) {
        items.push(
          readinessItem(
            `${this.id}.replication`,
            "warning",
            place,
            `published for ${d.isMergePublished ? "merge" : "transactional or snapshot"} replication`,
            `Keep the existing publications and let AWS DMS add its own with the default safeguard ` +
              `policy (RELY_ON_SQL_SERVER_REPLICATION_AGENT); plan how the subscribers are fed after ` +
              `the cut-over, and remove the tool's publication when the task is removed.`,
          ),
        );
      }
      return items;
    });
  },
};
