// "2 hours ago" for a card, with the full date for its title. Intl does the wording; this only
// picks the unit (the largest one that fits, so "45 seconds" becomes "just now").

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** How long ago `date` was, in words ("just now", "5 minutes ago", "yesterday", "3 weeks ago"). */
export function relativeTime(date: Date, now: Date = new Date(), locale = "en"): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return "just now";
}

/** The full date and time, for a title or a screen reader ("2 December 2026, 10:40"). */
export function fullDateTime(date: Date, locale = "en-GB", timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone,
  }).format(date);
}
