import { BlockList, isIP } from 'node:net';

/** Matches IPv4/IPv6 addresses against a list of IPs and CIDRs (node:net BlockList). */
export class IpMatcher {
  private readonly list = new BlockList();
  readonly size: number;

  /** Throws on an entry that is neither an IP nor a CIDR, naming it. */
  constructor(entries: string[]) {
    const cleaned = entries.map((e) => e.trim()).filter(Boolean);
    for (const entry of cleaned) {
      const [addr, bits] = entry.split('/');
      const family = isIP(addr);
      if (family === 0) throw new Error(`not an IP address or CIDR: ${entry}`);
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (bits === undefined) this.list.addAddress(addr, type);
      else {
        const prefix = Number(bits);
        if (!/^\d{1,3}$/.test(bits) || prefix > (family === 4 ? 32 : 128)) {
          throw new Error(`bad CIDR prefix: ${entry}`);
        }
        this.list.addSubnet(addr, prefix, type);
      }
    }
    this.size = cleaned.length;
  }

  matches(ip: string | undefined): boolean {
    if (!ip) return false;
    const addr = unmapIpv4(ip);
    const family = isIP(addr);
    if (family === 0) return false;
    return this.list.check(addr, family === 4 ? 'ipv4' : 'ipv6');
  }
}

/** '::ffff:1.2.3.4' (an IPv4 client on a dual-stack socket) -> '1.2.3.4'. */
function unmapIpv4(ip: string): string {
  const m = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return m ? m[1] : ip;
}
