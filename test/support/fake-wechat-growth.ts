import type { SimulatedRequest, WechatSimulator } from './wechat-simulator';

type Json = Record<string, unknown>;

/** The platform's documented errors for user tags and mass sends (HTTP 200 + errcode). */
export const GROWTH_ERR = {
  tagNameDuplicate: { errcode: 45157, errmsg: 'invalid tag name rid: fake' },
  tagNameTooLong: { errcode: 45158, errmsg: 'tag name too long rid: fake' },
  tooManyTags: { errcode: 45056, errmsg: 'too many tag now, no need to add new rid: fake' },
  invalidTagId: { errcode: 45159, errmsg: 'invalid tag id rid: fake' },
  openidListTooLong: { errcode: 40032, errmsg: 'invalid openid list size, at most 50 rid: fake' },
  invalidOpenid: { errcode: 40003, errmsg: 'invalid openid rid: fake' },
  quota: { errcode: 45009, errmsg: 'reach max api daily quota limit rid: fake' },
  outOfTime: {
    errcode: 45015,
    errmsg: 'response out of time limit or subscription is canceled rid: fake',
  },
};
const OK = { errcode: 0, errmsg: 'ok' };
/** WeChat allows 100 tags per account (the system tag 2 "星标组" included here). */
const MAX_TAGS = 100;

/**
 * The growth side of the fake platform (issue #12): user tags (tags/get, tags/create,
 * user/tag/get paged by next_openid, tags/members/batchtagging ≤ 50 openids), mass send to a
 * tag and preview (msg_id), and 45015 for followers outside the 48-hour window on custom/send.
 * FakeWechatPlatform asks it about every path it does not serve itself.
 */
export class FakeGrowthPlatform {
  readonly tags = new Map<number, { name: string; openids: string[] }>([
    [2, { name: '星标组', openids: [] }],
  ]);
  /** Followers per user/tag/get page (WeChat: 10,000). */
  pageSize = 10_000;
  /** Every batchtagging call that was accepted: its tag and openids. */
  readonly taggingCalls: { tagId: number; openids: string[] }[] = [];
  /** The next_openid of every user/tag/get call, in order ('' = from the start). */
  readonly tagPageCursors: string[] = [];
  /** Every mass send / preview accepted. */
  readonly massSends: { msgId: number; body: Json }[] = [];
  /** Followers custom/send answers 45015 for (no interaction within 48 h). */
  readonly unreachable = new Set<string>();
  /** Paths answering 45009 (daily quota reached). */
  readonly quotaExceeded = new Set<string>();
  private nextTagId = 100;
  private nextMsgId = 1000;

  /** Puts followers under a tag (as if the account had tagged them). */
  tagFollowers(tagId: number, openids: string[]): void {
    const tag = this.tags.get(tagId);
    if (!tag) throw new Error(`no tag ${tagId}`);
    for (const o of openids) if (!tag.openids.includes(o)) tag.openids.push(o);
  }

  addTag(name: string): number {
    const id = this.nextTagId++;
    this.tags.set(id, { name, openids: [] });
    return id;
  }

  /** The answer for `METHOD path`, or null when it is not a growth API. */
  answer(route: string, body: Json): Json | null {
    const path = route.split(' ')[1];
    if (this.quotaExceeded.has(path)) return GROWTH_ERR.quota;
    switch (route) {
      case 'GET cgi-bin/tags/get':
        return {
          tags: [...this.tags].map(([id, t]) => ({ id, name: t.name, count: t.openids.length })),
        };
      case 'POST cgi-bin/tags/create':
        return this.createTag(body);
      case 'POST cgi-bin/user/tag/get':
        return this.tagMembers(body);
      case 'POST cgi-bin/tags/members/batchtagging':
        return this.batchTagging(body);
      case 'POST cgi-bin/message/mass/sendall': {
        const filter = body.filter as { tag_id?: number } | undefined;
        if (!filter || !this.tags.has(Number(filter.tag_id))) return GROWTH_ERR.invalidTagId;
        return this.mass(body, 'send job submission success');
      }
      case 'POST cgi-bin/message/mass/preview':
        return this.mass(body, 'preview success');
      default:
        return null;
    }
  }

  /** custom/send: 45015 for a follower outside the 48-hour window, else null (accepted). */
  customSendRefusal(body: Json): Json | null {
    return this.unreachable.has(String(body.touser)) ? GROWTH_ERR.outOfTime : null;
  }

  private createTag(body: Json): Json {
    const raw = (body.tag as { name?: unknown } | undefined)?.name;
    const name = typeof raw === 'string' ? raw : '';
    if (Buffer.byteLength(name) > 30) return GROWTH_ERR.tagNameTooLong;
    if ([...this.tags.values()].some((t) => t.name === name)) return GROWTH_ERR.tagNameDuplicate;
    if (this.tags.size >= MAX_TAGS) return GROWTH_ERR.tooManyTags;
    return { tag: { id: this.addTag(name), name } };
  }

  private tagMembers(body: Json): Json {
    const tag = this.tags.get(Number(body.tagid));
    if (!tag) return GROWTH_ERR.invalidTagId;
    const after = typeof body.next_openid === 'string' ? body.next_openid : '';
    this.tagPageCursors.push(after);
    const start = after === '' ? 0 : tag.openids.indexOf(after) + 1;
    if (after !== '' && start === 0) return GROWTH_ERR.invalidOpenid;
    const page = tag.openids.slice(start, start + this.pageSize);
    if (page.length === 0) return { count: 0, next_openid: '' };
    return { count: page.length, data: { openid: page }, next_openid: page[page.length - 1] };
  }

  private batchTagging(body: Json): Json {
    const list = body.openid_list;
    if (!Array.isArray(list) || list.length === 0) return GROWTH_ERR.invalidOpenid;
    if (list.length > 50) return GROWTH_ERR.openidListTooLong;
    const tagId = Number(body.tagid);
    if (!this.tags.has(tagId)) return GROWTH_ERR.invalidTagId;
    const openids = list.map(String);
    this.tagFollowers(tagId, openids);
    this.taggingCalls.push({ tagId, openids });
    return OK;
  }

  private mass(body: Json, errmsg: string): Json {
    const msgId = this.nextMsgId++;
    this.massSends.push({ msgId, body });
    return { errcode: 0, errmsg, msg_id: msgId, msg_data_id: 2_000_000 + msgId };
  }
}

/** What WeChat posts to /wx when a mass send finished (event MASSSENDJOBFINISH). */
export function massSendJobFinish(
  sim: WechatSimulator,
  accountOpenid: string,
  msgId: number | string,
  counts: { total: number; filter: number; sent: number; error: number },
  createTime?: number,
): SimulatedRequest {
  return sim.event(
    accountOpenid,
    'MASSSENDJOBFINISH',
    {
      MsgID: String(msgId),
      Status: 'send success',
      TotalCount: String(counts.total),
      FilterCount: String(counts.filter),
      SentCount: String(counts.sent),
      ErrorCount: String(counts.error),
    },
    createTime,
  );
}
