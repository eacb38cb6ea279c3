/** Amounts are integer cents in the API; people read and type yuan. */
export const yuan = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '-' : `¥${(cents / 100).toFixed(2)}`;

export const toCents = (yuanValue: number | null | undefined): number | undefined =>
  yuanValue === null || yuanValue === undefined ? undefined : Math.round(yuanValue * 100);

export const toYuan = (cents: number | null | undefined): number | undefined =>
  cents === null || cents === undefined ? undefined : cents / 100;

/** China time (UTC+8), as everyone in the shop reads it. */
export const chinaTime = (iso: string | null | undefined): string =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '-';

export const STATUS_LABEL: Record<string, { text: string; color: string }> = {
  DRAFT: { text: '草稿', color: 'default' },
  ACTIVE: { text: '进行中', color: 'green' },
  PAUSED: { text: '已暂停', color: 'orange' },
  ENDED: { text: '已结束', color: 'red' },
  AVAILABLE: { text: '可使用', color: 'green' },
  USED: { text: '已核销', color: 'blue' },
  EXPIRED: { text: '已过期', color: 'default' },
  REVOKED: { text: '已作废', color: 'red' },
};

export const OUTCOME_LABEL: Record<string, string> = {
  GRANTED: '领取成功',
  SOLD_OUT: '已抢光',
  LIMIT_REACHED: '超出限领',
  DAILY_LIMIT_REACHED: '今日已领完',
  NOT_FOUND: '无此活动',
  NOT_STARTED: '未开始',
  ENDED: '已结束',
  PAUSED: '已暂停',
  RATE_LIMITED: '操作过快',
  ERROR: '出错',
};
