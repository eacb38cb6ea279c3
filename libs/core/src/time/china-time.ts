/**
 * China time, the one module for it. China has one zone, UTC+8, and no daylight saving: a fixed
 * offset is exact (and cheaper than Intl on the /wx path). Times are stored in UTC; these read
 * them as a follower or a till in China does.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;

function inChina(d: Date): Date {
  return new Date(d.getTime() + CHINA_OFFSET_MS);
}

/** YYYY-MM-DD in China time: the day a daily claim cap counts in. */
export function chinaDay(d: Date): string {
  return inChina(d).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) and "HH:mm" in China time: what usage windows are written in. */
export function chinaClock(d: Date): { weekday: number; hhmm: string } {
  const china = inChina(d);
  return { weekday: china.getUTCDay() || 7, hhmm: china.toISOString().slice(11, 16) };
}

/** "YYYY-MM-DD HH:mm" in China time: how followers read dates, whatever the server's zone. */
export function formatChinaTime(d: Date): string {
  const iso = inChina(d).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
