/** One Server-Sent Event as a browser's EventSource would see it. */
export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

/** A minimal EventSource over fetch (Node has none), for reading a stream in a test. */
export async function openSse(
  url: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  next(match?: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const parsed: SseEvent[] = [];

  const parse = () => {
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const e: SseEvent = { data: '' };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const i = line.indexOf(':');
        const field = i < 0 ? line : line.slice(0, i);
        const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
        if (field === 'data') data.push(value);
        else if (field === 'id') e.id = value;
        else if (field === 'event') e.event = value;
      }
      if (data.length > 0) parsed.push({ ...e, data: data.join('\n') });
    }
  };

  return {
    status: res.status,
    async next(match = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = parsed.findIndex(match);
        if (i >= 0) return parsed.splice(0, i + 1)[i];
        parsed.length = 0;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no matching event in time');
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((r) => setTimeout(() => r(null), left)),
        ]);
        if (chunk === null) continue;
        if (chunk.done) throw new Error('stream ended');
        buffer += decoder.decode(chunk.value, { stream: true });
        parse();
      }
    },
    close: () => abort.abort(),
  };
}
