/**
 * Describes a SQL Server Agent schedule in words from the columns of
 * msdb.dbo.sysschedules, the way SSMS summarises it: "every day every 15
 * minutes between 00:00:00 and 23:59:59", "every week on Sunday at
 * 01:00:00". The codes follow dbo.sysschedules on Microsoft Learn.
 */

export interface ScheduleColumns {
  readonly freqType: number;
  readonly freqInterval: number;
  readonly freqSubdayType: number;
  readonly freqSubdayInterval: number;
  readonly freqRelativeInterval: number;
  readonly freqRecurrenceFactor: number;
  /** YYYYMMDD. */
  readonly activeStartDate: number;
  /** HHMMSS on a 24-hour clock. */
  readonly activeStartTime: number;
  readonly activeEndTime: number;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** freq_interval of a monthly relative schedule (freq_type 32). */
const RELATIVE_DAYS: Readonly<Record<number, string>> = {
  1: "Sunday",
  2: "Monday",
  3: "Tuesday",
  4: "Wednesday",
  5: "Thursday",
  6: "Friday",
  7: "Saturday",
  8: "day",
  9: "weekday",
  10: "weekend day",
};

const RELATIVE_WEEKS: Readonly<Record<number, string>> = {
  1: "first",
  2: "second",
  4: "third",
  8: "fourth",
  16: "last",
};

const SUBDAY_UNITS: Readonly<Record<number, string>> = { 2: "second", 4: "minute", 8: "hour" };

/** Returns the schedule in words; unknown codes are named with their value. */
export function describeSchedule(s: ScheduleColumns): string {
  switch (s.freqType) {
    case 1:
      return `once on ${formatDate(s.activeStartDate)} at ${formatTime(s.activeStartTime)}`;
    case 4:
      return `${every(s.freqInterval, "day")} ${timeOfDay(s)}`;
    case 8:
      return `${every(s.freqRecurrenceFactor, "week")} on ${weekdays(s.freqInterval)} ${timeOfDay(s)}`;
    case 16:
      return `${every(s.freqRecurrenceFactor, "month")} on day ${s.freqInterval} ${timeOfDay(s)}`;
    case 32: {
      const week = RELATIVE_WEEKS[s.freqRelativeInterval] ?? `relative interval ${s.freqRelativeInterval}`;
      const day = RELATIVE_DAYS[s.freqInterval] ?? `day code ${s.freqInterval}`;
      return `${every(s.freqRecurrenceFactor, "month")} on the ${week} ${day} ${timeOfDay(s)}`;
    }
    case 64:
      return "when SQL Server Agent starts";
    case 128:
      return "when the computer is idle";
    default:
      return `unknown frequency type ${s.freqType}`;
  }
}

/** Writes "every day" or "every 2 weeks". A count of 0 (unused) counts as 1. */
function every(count: number, unit: string): string {
  return count <= 1 ? `every ${unit}` : `every ${count} ${unit}s`;
}

function timeOfDay(s: ScheduleColumns): string {
  const unit = SUBDAY_UNITS[s.freqSubdayType];
  if (unit === undefined) {
    return `at ${formatTime(s.activeStartTime)}`;
  }

  const start = formatTime(s.activeStartTime);
  const end = formatTime(s.activeEndTime);
  return `${every(s.freqSubdayInterval, unit)} between ${start} and ${end}`;
}

/** freq_interval of a weekly schedule is a bit mask, 1 for Sunday to 64 for Saturday. */
function weekdays(mask: number): string {
  const days = WEEKDAYS.filter((_, index) => (mask & (1 << index)) !== 0);
  return days.length === 0 ? `day mask ${mask}` : days.join(", ");
}

function formatTime(hhmmss: number): string {
  const text = String(hhmmss).padStart(6, "0");
  return `${text.slice(0, 2)}:${text.slice(2, 4)}:${text.slice(4, 6)}`;
}

function formatDate(yyyymmdd: number): string {
  const text = String(yyyymmdd).padStart(8, "0");
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}
