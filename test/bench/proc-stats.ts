/**
 * Linux /proc readings for the bench: which processes serve a port, their CPU time and RSS.
 * Everything here is a plain file read; nothing needs the processes' cooperation.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Kernel clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
export const CLK_TCK = ((): number => {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isInteger(n) && n > 0 ? n : 100;
  } catch {
    return 100;
  }
})();

interface StatLine {
  ppid: number;
  /** utime + stime, clock ticks */
  ticks: number;
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
}

function readStat(pid: number): StatLine | undefined {
  let raw: string;
  try {
    raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // gone
  }
  // comm (field 2) may contain spaces and parentheses: split after the last ')'.
  const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  // f[0] = state (field 3), f[1] = ppid (4), f[11] = utime (14), f[12] = stime (15)
  return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
}

/** Inodes of sockets in LISTEN state on `port` (IPv4 and IPv6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const c = line.trim().split(/\s+/);
      // c[1] = local address ADDR:PORT, c[3] = state (0A = LISTEN), c[9] = inode
      if (c.length > 9 && c[3] === '0A' && c[1].endsWith(`:${hexPort}`)) inodes.add(c[9]);
    }
  }
  return inodes;
}

/** Processes holding a LISTEN socket on `port` (needs read access to their /proc/<pid>/fd). */
export function pidsListeningOn(port: number): number[] {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return [];
  const wanted = new Set([...inodes].map((i) => `socket:[${i}]`));
  const found: number[] = [];
  for (const pid of allPids()) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // not ours to read, or gone
    }
    for (const fd of fds) {
      try {
        if (wanted.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) {
          found.push(pid);
          break;
        }
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return found;
}

/** Processes whose comm is one of `names` (and whose command line contains `argHint`, if given). */
export function pidsByName(names: string[], argHint?: string): number[] {
  return allPids().filter((pid) => {
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (!names.includes(comm)) return false;
      if (argHint === undefined) return true;
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(argHint);
    } catch {
      return false;
    }
  });
}

/**
 * A set of root processes plus, at every reading, all their live descendants (node:cluster
 * workers are children of the primary that owns the listening socket).
 */
export class ProcessGroup {
  constructor(
    readonly label: string,
    readonly roots: number[],
  ) {}

  get found(): boolean {
    return this.roots.length > 0;
  }

  /** pid -> utime+stime ticks for the roots and their descendants alive now. */
  cpuTicks(): Map<number, number> {
    const stats = new Map<number, StatLine>();
    for (const pid of allPids()) {
      const s = readStat(pid);
      if (s) stats.set(pid, s);
    }
    const members = new Set(this.roots.filter((p) => stats.has(p)));
    // Walk children until no new member appears (process trees are shallow).
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, s] of stats) {
        if (!members.has(pid) && members.has(s.ppid)) {
          members.add(pid);
          grew = true;
        }
      }
    }
    return new Map([...members].map((pid) => [pid, stats.get(pid)?.ticks ?? 0]));
  }

  /** Sum of VmRSS over the group's processes, in bytes. */
  rssBytes(): number {
    let kb = 0;
    for (const pid of this.cpuTicks().keys()) {
      try {
        const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (m) kb += Number(m[1]);
      } catch {
        // gone
      }
    }
    return kb * 1024;
  }

  describe(): string {
    if (!this.found) return `${this.label}: not found (no CPU figures)`;
    const members = [...this.cpuTicks().keys()];
    const extra = members.length - this.roots.length;
    return `${this.label}: pid ${this.roots.join(',')}${extra > 0 ? ` + ${extra} descendant(s)` : ''}`;
  }
}

/** CPU seconds a group used between two cpuTicks() readings (processes born meanwhile count from 0). */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks / CLK_TCK;
}
