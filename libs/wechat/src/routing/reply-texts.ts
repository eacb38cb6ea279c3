/** What the protocol layer says when a handler fails or is late (features own every other text). */
export const BUSY_TEXT = '当前领券人数较多，请稍后再试一次哦～';
/** Passive reply when the answer misses the deadline; the result follows as a message. */
export const PENDING_TEXT = '正在为您处理，结果稍后会通过消息发送给您，请留意～';
