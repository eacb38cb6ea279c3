import { formatChinaTime } from '@app/core';
import { BUSY_TEXT } from '@app/wechat';
import type { HeldCoupon } from '../coupons/coupon-query.service';
import { ClaimOutcome, type ClaimResult } from '../issuance/claim-result';

export const HELP_TEXT =
  '您好！发送活动关键词或点击菜单即可领取优惠券。如有疑问，请留言，我们会尽快回复。';
export const WELCOME_TEXT = '感谢关注！🎉 发送活动关键词或点击下方菜单，即可领取专属优惠券。';
export const RATE_LIMITED_TEXT = '操作太频繁，请稍后再试～';
export const NOT_IN_AUDIENCE_TEXT = '该活动仅限特定用户参与';

/** The one place a claim outcome becomes words a follower reads. */
export function claimReplyText(r: ClaimResult): string {
  const name = r.templateName ? `「${r.templateName}」` : '该优惠券';
  switch (r.outcome) {
    case ClaimOutcome.GRANTED: {
      const c = r.coupon;
      if (!c) return BUSY_TEXT;
      return (
        `🎉 领取成功！您已获得${name}\n` +
        `券码：${c.code}\n` +
        `有效期：${formatChinaTime(c.validFrom)} 至 ${formatChinaTime(c.validTo)}\n` +
        '请在有效期内使用，到店出示券码即可核销。'
      );
    }
    case ClaimOutcome.SOLD_OUT:
      return `很抱歉，${name}已经被领完啦，请关注后续活动～`;
    case ClaimOutcome.LIMIT_REACHED:
      return `您已经领取过${name}，每人限领数量已达上限，快去使用吧～`;
    case ClaimOutcome.DAILY_LIMIT_REACHED:
      return `${name}今日的发放名额已领完，明天再来试试吧～`;
    case ClaimOutcome.NOT_STARTED:
      return `${name}的领取活动还没开始，请稍后再来～`;
    case ClaimOutcome.ENDED:
      return `${name}的领取活动已经结束，感谢您的关注！`;
    case ClaimOutcome.PAUSED:
      return `${name}的领取活动暂停中，请稍后再试～`;
    case ClaimOutcome.NOT_FOUND:
      return HELP_TEXT;
    case ClaimOutcome.RATE_LIMITED:
      return RATE_LIMITED_TEXT;
    case ClaimOutcome.NOT_IN_AUDIENCE:
      return NOT_IN_AUDIENCE_TEXT;
    case ClaimOutcome.ERROR:
      return BUSY_TEXT;
  }
}

/** The follower's usable coupons (我的优惠券), soonest to expire first. */
export function myCouponsText(held: { coupons: HeldCoupon[]; total: number }): string {
  if (held.coupons.length === 0) {
    return '您当前没有可用的优惠券～发送活动关键词或点击菜单即可领取。';
  }
  const lines = held.coupons.map(
    (c, i) =>
      `${i + 1}. 「${c.templateName}」\n券码：${c.code}\n有效期：${formatChinaTime(c.validFrom)} 至 ${formatChinaTime(c.validTo)}`,
  );
  const more =
    held.total > held.coupons.length ? `\n……另有${held.total - held.coupons.length}张` : '';
  return `您有${held.total}张可用优惠券：\n${lines.join('\n')}${more}\n到店出示券码即可核销。`;
}
