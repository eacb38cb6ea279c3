const BASE = 'http://same.origin';

/** True when the string holds a control character (CR/LF/TAB smuggling, NUL). */
const hasControl = (s: string): boolean =>
  [...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/** A path a browser reads as same-origin: one leading '/', then neither '/' nor '\'. */
const isPlainPath = (s: string): boolean =>
  s.startsWith('/') && !s.startsWith('//') && !s.startsWith('/\\') && !s.includes('\\');

/**
 * A redirect target from `state` must stay on our origin. The value is normalised the way a
 * browser would (dot segments, percent-encoded dots) and the checks run on the FINAL value, the
 * one that goes into Location: `/.//evil.com` normalises to `//evil.com` and is refused. The
 * result must also be a fixpoint (normalising it again changes nothing), so no second decoding
 * by a proxy or browser can turn it into something else. Returns the normalised path, or null.
 */
export function safeReturnPath(state: string): string | null {
  if (!isPlainPath(state) || hasControl(state)) return null;
  const normalise = (s: string): string | null => {
    try {
      const url = new URL(s, BASE);
      return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : null;
    } catch {
      return null;
    }
  };
  const out = normalise(state);
  if (out === null || !isPlainPath(out) || hasControl(out)) return null;
  return normalise(out) === out ? out : null;
}

/** `state` that looks like a location (and so would be a redirect) rather than an opaque value. */
export function looksLikeLocation(state: string): boolean {
  return /^[/\\]/.test(state) || /^[a-z][a-z0-9+.-]*:/i.test(state);
}
