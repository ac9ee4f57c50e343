/** The cookie in which the browser reports its time zone (components/TimeZoneCookie.tsx). */
export const TIME_ZONE_COOKIE = "memcon_tz";
