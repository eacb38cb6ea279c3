/** China has one zone, UTC+8, and no daylight saving: a fixed offset is exact. */
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

/** "YYYY-MM-DD HH:mm" in China time, as followers read dates (cheaper than Intl on the hot path). */
export function chinaDateTime(d: Date): string {
  return inChina(d).toISOString().slice(0, 16).replace('T', ' ');
}
