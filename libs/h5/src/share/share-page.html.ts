import { formatChinaTime } from '@app/core';
import { type CouponTemplate, DiscountType } from '@app/coupon';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
*{box-sizing:border-box;margin:0;padding:0}
body{font-family:-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif;
background:linear-gradient(180deg,#ff5a3c 0,#ff8a50 260px,#fff4ec 260px);min-height:100vh;color:#333;padding:24px 16px}
.head{color:#fff;text-align:center;margin:8px 0 20px}.head h1{font-size:22px}.head p{opacity:.9;font-size:14px;margin-top:6px}
.card{background:#fff;border-radius:16px;box-shadow:0 6px 24px rgba(255,90,60,.18);padding:24px 20px;text-align:center}
.value{color:#ff3d1f;font-size:44px;font-weight:700;margin:4px 0}.value small{font-size:20px}
.name{font-size:18px;font-weight:600}.desc,.meta{color:#888;font-size:13px;margin-top:8px;line-height:1.5}
button{margin-top:22px;width:100%;border:0;border-radius:24px;padding:14px;font-size:18px;font-weight:600;color:#fff;
background:linear-gradient(90deg,#ff3d1f,#ff7a3d)}button:disabled{opacity:.55}
.result{margin-top:18px;font-size:15px;line-height:1.6}.code{display:inline-block;margin-top:8px;padding:8px 14px;
border:1px dashed #ff3d1f;border-radius:8px;font:700 20px/1.2 Menlo,Consolas,monospace;letter-spacing:2px;color:#ff3d1f}
.foot{color:#aa8877;font-size:12px;text-align:center;margin-top:18px}`;

function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">
<title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}${script}</body></html>`;
}

function valueOf(t: CouponTemplate): string {
  if (t.discountType === DiscountType.AMOUNT) {
    return `<small>¥</small>${((t.amountCents ?? 0) / 100).toFixed(2).replace(/\.00$/, '')}`;
  }
  return `${((100 - (t.percentOff ?? 0)) / 10).toFixed(1).replace(/\.0$/, '')}<small>折</small>`;
}

function validity(t: CouponTemplate): string {
  if (t.validDays) return `领取后 ${t.validDays} 天内有效`;
  if (t.validTo) return `有效期至 ${formatChinaTime(new Date(t.validTo)).slice(0, 10)}`;
  return '';
}

/** The share page: the coupon and a 领取 button that POSTs the claim API (same origin). */
export function sharePage(
  campaignName: string,
  t: CouponTemplate,
  claimPath: string,
  closedText: string | null,
): string {
  const threshold = t.thresholdCents > 0 ? `满 ${t.thresholdCents / 100} 元可用 · ` : '';
  const body = `<div class="head"><h1>好友送你一张优惠券</h1><p>${esc(campaignName)}</p></div>
<main class="card"><div class="value">${valueOf(t)}</div><div class="name">${esc(t.name)}</div>
${t.description ? `<p class="desc">${esc(t.description)}</p>` : ''}
<p class="meta">${threshold}${validity(t)}</p>
<button id="claim" data-url="${esc(claimPath)}"${closedText ? ' disabled' : ''}>${closedText ? esc(closedText) : '立即领取'}</button>
<div id="result" class="result" role="status"></div></main>
<p class="foot">领取后可在公众号发送“我的优惠券”查看</p>`;
  const script = `<script>
(function(){var b=document.getElementById('claim'),r=document.getElementById('result');
var T=${JSON.stringify(OUTCOME_TEXT)};
b.addEventListener('click',function(){b.disabled=true;b.textContent='领取中…';
fetch(b.getAttribute('data-url'),{method:'POST',credentials:'same-origin',headers:{'X-Requested-With':'XMLHttpRequest'}})
.then(function(res){return res.json().then(function(j){return{s:res.status,j:j}})})
.then(function(x){var o=x.j&&x.j.outcome;r.textContent=T[o]||(x.j&&x.j.message)||'领取失败，请稍后再试';
if(x.j&&x.j.coupon){var c=document.createElement('div');c.className='code';c.id='code';c.textContent=x.j.coupon.code;r.appendChild(document.createElement('br'));r.appendChild(c);b.textContent='已领取';}
else{b.textContent=o==='ERROR'||o==='RATE_LIMITED'?'再试一次':'立即领取';b.disabled=!(o==='ERROR'||o==='RATE_LIMITED');}})
.catch(function(){r.textContent='网络不太好，请再试一次';b.disabled=false;b.textContent='再试一次';});});})();
</script>`;
  return page('好友送你一张优惠券', body, script);
}

/** A friendly page for a link that cannot be used (forged, expired, unknown). */
export function errorPage(title: string, detail: string): string {
  return page(
    title,
    `<div class="head"><h1>${esc(title)}</h1></div><main class="card"><p class="desc">${esc(detail)}</p></main>`,
  );
}

export const OUTCOME_TEXT: Record<string, string> = {
  GRANTED: '领取成功！到店出示券码即可使用：',
  SOLD_OUT: '来晚了，券已经被抢光了',
  LIMIT_REACHED: '你已经领过这张券了，发送“我的优惠券”查看',
  DAILY_LIMIT_REACHED: '今天的券已发完，明天再来吧',
  NOT_STARTED: '活动还没开始，敬请期待',
  ENDED: '活动已结束，感谢关注',
  PAUSED: '活动暂停中，请稍后再来',
  NOT_FOUND: '这张券不存在',
  RATE_LIMITED: '操作太频繁了，请稍后再试',
  ERROR: '系统繁忙，请再试一次',
};
