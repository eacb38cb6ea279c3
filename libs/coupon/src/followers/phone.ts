/** Mainland China mobile numbers: 11 digits starting 13-19. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export function isMainlandMobile(phone: string): boolean {
  return MAINLAND_MOBILE.test(phone);
}

/** 13800138000 -> 138****8000 (what staff without the ADMIN role and followers see). */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
