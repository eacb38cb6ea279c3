import { useSyncExternalStore } from 'react';

/** A tiny history router: the console's few pages need no more. Paths are under /console. */
const BASE = '/console';

function subscribe(fn: () => void): () => void {
  window.addEventListener('popstate', fn);
  return () => window.removeEventListener('popstate', fn);
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => {
    const p = window.location.pathname.slice(BASE.length) || '/';
    return p === '' ? '/' : p;
  });
}

export function navigate(path: string): void {
  window.history.pushState(null, '', BASE + path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useQuery(): URLSearchParams {
  usePath();
  return new URLSearchParams(window.location.search);
}
