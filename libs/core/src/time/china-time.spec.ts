import { chinaClock, chinaDay, formatChinaTime } from './china-time';

describe('China time (UTC+8, no daylight saving)', () => {
  it('a UTC instant after 16:00 is already the next day in China', () => {
    expect(chinaDay(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(chinaDay(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('weekday is ISO (Sunday = 7) and the clock HH:mm', () => {
    expect(chinaClock(new Date('2026-03-01T03:30:00Z'))).toEqual({ weekday: 7, hhmm: '11:30' });
    expect(chinaClock(new Date('2026-03-01T16:05:00Z'))).toEqual({ weekday: 1, hhmm: '00:05' });
  });

  it('formats as followers read it, the same as Intl in Asia/Shanghai', () => {
    const intl = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const iso of ['2026-03-01T16:00:00Z', '2026-12-31T15:59:00Z', '2026-06-15T04:07:00Z']) {
      const d = new Date(iso);
      expect(formatChinaTime(d)).toBe(intl.format(d).replace(/\//g, '-'));
    }
    expect(formatChinaTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00');
  });
});
