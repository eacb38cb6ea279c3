import { currentSession } from './api/client';

/** Downloads an authenticated file (a plain link cannot carry the bearer token). */
export async function download(path: string, filename: string): Promise<void> {
  const res = await fetch(path, {
    headers: { authorization: `Bearer ${currentSession()?.token ?? ''}` },
  });
  if (!res.ok) throw new Error(`下载失败（HTTP ${res.status}）`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
