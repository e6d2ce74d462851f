import assert from "node:assert/strict";
import { test } from "node:test";

import { describeSchedule, type ScheduleColumns } from "../../../../src/sources/sqlserver/inventory/agent-schedules.js";

const BASE: ScheduleColumns = {
  freqType: 4,
  freqInterval: 1,
  freqSubdayType: 1,
  freqSubdayInterval: 0,
  freqRelativeInterval: 0,
  freqRecurrenceFactor: 0,
  activeStartDate: 20240101,
  activeStartTime: 0,
  activeEndTime: 235959,
};

const CASES: readonly (readonly [string, Partial<ScheduleColumns>, string])[] = [
  ["once", { freqType: 1, activeStartDate: 20250315, activeStartTime: 183000 }, "once on 2025-03-15 at 18:30:00"],
  ["daily at a time", { activeStartTime: 23000 }, "every day at 02:30:00"],
  ["every 3 days", { freqInterval: 3, activeStartTime: 40000 }, "every 3 days at 04:00:00"],
  [
    "every 15 minutes",
    { freqSubdayType: 4, freqSubdayInterval: 15 },
    "every day every 15 minutes between 00:00:00 and 23:59:59",
  ],
  [
    "every 2 hours in a window",
    { freqSubdayType: 8, freqSubdayInterval: 2, activeStartTime: 60000, activeEndTime: 220000 },
    "every day every 2 hours between 06:00:00 and 22:00:00",
  ],
  ["every 30 seconds", { freqSubdayType: 2, freqSubdayInterval: 30 }, "every day every 30 seconds between 00:00:00 and 23:59:59"],
  ["weekly on Sunday", { freqType: 8, freqRecurrenceFactor: 1, activeStartTime: 10000 }, "every week on Sunday at 01:00:00"],
  [
    "every 2 weeks on weekdays",
    { freqType: 8, freqInterval: 62, freqRecurrenceFactor: 2, activeStartTime: 70000 },
    "every 2 weeks on Monday, Tuesday, Wednesday, Thursday, Friday at 07:00:00",
  ],
  ["monthly on day 1", { freqType: 16, freqRecurrenceFactor: 1, activeStartTime: 40000 }, "every month on day 1 at 04:00:00"],
  [
    "last weekday of every quarter",
    { freqType: 32, freqInterval: 9, freqRelativeInterval: 16, freqRecurrenceFactor: 3, activeStartTime: 230000 },
    "every 3 months on the last weekday at 23:00:00",
  ],
  ["when Agent starts", { freqType: 64 }, "when SQL Server Agent starts"],
  ["when idle", { freqType: 128 }, "when the computer is idle"],
  ["unknown type", { freqType: 3 }, "unknown frequency type 3"],
];

for (const [name, columns, expected] of CASES) {
  test(`describeSchedule: ${name}`, () => {
    assert.equal(describeSchedule({ ...BASE, ...columns }), expected);
  });
}
