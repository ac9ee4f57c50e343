import { TZDate } from "@date-fns/tz";

// Assignment dates are instants stored in UTC. Instructors type a wall-clock time in a named zone
// ("17:00 in Asia/Tokyo"); everyone reads them in their own zone. Zone arithmetic (offsets, summer
// time) is @date-fns/tz's job; formatting is Intl's.

export const DEFAULT_TIME_ZONE = "UTC";

/** True for a zone name this runtime knows (IANA, e.g. "Asia/Tokyo", or "UTC"). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every zone the runtime lists, for the instructor's menu. */
export function timeZoneNames(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * "2026-12-01T17:00" (what <input type="datetime-local"> sends) read in `zone` → the instant.
 * A time skipped by a summer-time change moves forward, as clocks do. Null when malformed.
 */
export function parseLocalDateTime(value: string, zone: string): Date | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match || !isTimeZone(zone)) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const date = TZDate.tz(zone, year, month - 1, day, hour, minute);
  // Reject 31 February and the like instead of rolling over into March.
  if (date.getDate() !== day || date.getMonth() !== month - 1) return null;
  return new Date(date.getTime());
}

const pad = (value: number) => String(value).padStart(2, "0");

/** The instant as "YYYY-MM-DDTHH:mm" on the wall clock of `zone` (to fill a datetime-local input). */
export function toLocalInput(instant: Date, zone: string): string {
  const date = new TZDate(instant.getTime(), zone);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** "Tue 1 Dec 2026, 17:00 GMT+9" in the reader's zone. */
export function formatInZone(instant: Date, zone: string): string {
  const timeZone = isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
    timeZoneName: "short",
  }).format(instant);
}

/** "in 3 days", "2 hours ago": a rough distance for lists, next to the exact date. */
export function relativeTo(instant: Date, now: Date): string {
  const seconds = Math.round((instant.getTime() - now.getTime()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds / 60), "minute");
}
