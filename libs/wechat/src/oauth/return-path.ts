/**
 * A redirect target from `state` must stay on our origin: a single leading '/', no '//' or '/\'
 * (protocol-relative), no backslashes or control characters, and it must resolve to the same
 * origin. Returns the normalised path, or null.
 */
export function safeReturnPath(state: string): string | null {
  const control = [...state].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
  if (!state.startsWith('/') || state.startsWith('//') || state.includes('\\') || control) {
    return null;
  }
  try {
    const base = 'http://same.origin';
    const url = new URL(state, base);
    if (url.origin !== base) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** `state` that looks like a location (and so would be a redirect) rather than an opaque value. */
export function looksLikeLocation(state: string): boolean {
  return /^[/\\]/.test(state) || /^[a-z][a-z0-9+.-]*:/i.test(state);
}
