import type { PhoneBindingResult } from '../followers/follower.service';
import { maskPhone } from '../followers/phone';

/**
 * `绑定手机 13800138000`: the command, then an ASCII space, a full-width space (U+3000) or
 * nothing, then the number. Returns the argument (possibly empty) or null when not the command.
 */
export function phoneBindingArgument(content: string): string | null {
  const m = /^绑定手机[\s\u3000]*(.*)$/su.exec(content.trim());
  return m ? m[1].trim() : null;
}

export function phoneBindingReply(r: PhoneBindingResult): string {
  const masked = r.phone ? maskPhone(r.phone) : '';
  switch (r.status) {
    case 'BOUND':
      return `✅ 手机号绑定成功：${masked}\n我们会妥善加密保管您的手机号。`;
    case 'REPLACED':
      return `✅ 已将绑定的手机号更换为：${masked}\n原手机号已解除绑定。`;
    case 'UNCHANGED':
      return `您已绑定手机号 ${masked}，无需重复绑定～`;
    case 'INVALID':
      return '手机号格式不正确，请发送「绑定手机 + 11位手机号」，例如：绑定手机 13800138000';
  }
}
