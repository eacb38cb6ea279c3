import { Injectable } from '@nestjs/common';
import { WechatApiClient } from '../api/wechat-api.client';

export interface WechatTag {
  id: number;
  name: string;
  /** Followers carrying the tag. */
  count: number;
}

export interface TagMembersPage {
  openids: string[];
  /** Where the next page starts; '' (or an openid already seen) when this was the last page. */
  nextOpenid: string;
}

/** WeChat's limits: 50 openids per batchtagging call, 10,000 per user/tag/get page. */
export const BATCH_TAGGING_MAX = 50;

/**
 * User tags and mass sends (protocol only; growth decides what to do with them). Reads are
 * retried on busy; writes that change state (create, tagging, sends) are not: the caller decides.
 */
@Injectable()
export class WechatTagsClient {
  constructor(private readonly api: WechatApiClient) {}

  /** `cgi-bin/tags/get`: every tag with its follower count. */
  async list(): Promise<WechatTag[]> {
    const r = await this.api.call<{ tags?: WechatTag[] }>(
      { method: 'GET', path: 'cgi-bin/tags/get' },
      { idempotent: true },
    );
    return (r.tags ?? []).map((t) => ({ id: t.id, name: t.name, count: t.count ?? 0 }));
  }

  /** `cgi-bin/tags/create` (45157 duplicate name, 45158 name too long, 45056 too many tags). */
  async create(name: string): Promise<{ id: number; name: string }> {
    const r = await this.api.call<{ tag: { id: number; name: string } }>(
      { method: 'POST', path: 'cgi-bin/tags/create', body: { tag: { name } } },
      { idempotent: false },
    );
    return r.tag;
  }

  /** `cgi-bin/user/tag/get`: one page (≤ 10,000) of a tag's followers from `nextOpenid`. */
  async membersPage(tagId: number, nextOpenid: string): Promise<TagMembersPage> {
    const r = await this.api.call<{
      count?: number;
      data?: { openid?: string[] };
      next_openid?: string;
    }>(
      {
        method: 'POST',
        path: 'cgi-bin/user/tag/get',
        body: { tagid: tagId, next_openid: nextOpenid },
      },
      { idempotent: true },
    );
    return { openids: r.data?.openid ?? [], nextOpenid: r.next_openid ?? '' };
  }

  /** `cgi-bin/tags/members/batchtagging`: at most BATCH_TAGGING_MAX openids per call. Tagging
   * twice is harmless, yet busy (-1) is left to the caller (a job backs off its own way). */
  async batchTag(tagId: number, openids: string[]): Promise<void> {
    if (openids.length > BATCH_TAGGING_MAX) {
      throw new RangeError(`batchtagging takes at most ${BATCH_TAGGING_MAX} openids`);
    }
    await this.api.call(
      {
        method: 'POST',
        path: 'cgi-bin/tags/members/batchtagging',
        body: { openid_list: openids, tagid: tagId },
      },
      { idempotent: false },
    );
  }

  /** `cgi-bin/message/mass/sendall` to one tag; returns the platform's msg_id. */
  async massSendToTag(tagId: number, text: string): Promise<{ msgId: string }> {
    const r = await this.api.call<{ msg_id: number | string }>(
      {
        method: 'POST',
        path: 'cgi-bin/message/mass/sendall',
        body: {
          filter: { is_to_all: false, tag_id: tagId },
          text: { content: text },
          msgtype: 'text',
        },
      },
      { idempotent: false },
    );
    return { msgId: String(r.msg_id) };
  }

  /** `cgi-bin/message/mass/preview`: the mass message to one follower first. */
  async massPreview(openid: string, text: string): Promise<{ msgId: string | null }> {
    const r = await this.api.call<{ msg_id?: number | string }>(
      {
        method: 'POST',
        path: 'cgi-bin/message/mass/preview',
        body: { touser: openid, text: { content: text }, msgtype: 'text' },
      },
      { idempotent: false },
    );
    return { msgId: r.msg_id === undefined ? null : String(r.msg_id) };
  }
}
