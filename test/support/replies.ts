/** The coupon code in a follower's reply text ("券码：XXXXXXXXXXXXXXXX"), or undefined. */
export function codeIn(text: string): string | undefined {
  return /券码：([0-9A-Z]{16})/.exec(text)?.[1];
}
