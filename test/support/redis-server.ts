import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Every process we started, so a crashed test run still kills them when jest exits. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const p of live) p.kill('SIGKILL');
});

/**
 * A throwaway redis-server on a loopback port (7100-7199 are ours), no persistence, in its own
 * temp dir. Never the shared instance on 6379: these get killed, paused and flushed.
 */
export class RedisServerProcess {
  private proc?: ChildProcess;
  private readonly dir: string;

  private constructor(
    readonly port: number,
    private readonly extraArgs: string[],
  ) {
    this.dir = mkdtempSync(join(tmpdir(), `wxc-redis-${port}-`));
  }

  static async start(port: number, extraArgs: string[] = []): Promise<RedisServerProcess> {
    if (port < 7100 || port > 7199) throw new Error(`port ${port} is outside 7100-7199`);
    const server = new RedisServerProcess(port, extraArgs);
    await server.boot();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  get running(): boolean {
    return this.proc !== undefined;
  }

  /** Starts it again on the same port, empty (nothing is saved). */
  async boot(): Promise<void> {
    if (this.proc) return;
    if (await answersPing(this.port)) {
      this.shutdownOrphan();
      for (let i = 0; i < 100 && (await answersPing(this.port)); i++) await sleep(20);
    }
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      this.dir,
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
      ...this.extraArgs,
    ];
    const proc = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    live.add(proc);
    proc.once('exit', () => live.delete(proc));
    this.proc = proc;
    const until = Date.now() + 5000;
    while (!(await answersPing(this.port))) {
      if (proc.exitCode !== null || Date.now() > until) {
        await this.stop();
        throw new Error(`redis-server on ${this.port} did not start`);
      }
      await sleep(20);
    }
  }

  /** A server of ours left behind by a killed test run (its dir is one of our temp dirs) is shut
   * down; anything else on the port is somebody else's: refuse to touch it. */
  private shutdownOrphan(): void {
    const dir = this.cli('config', 'get', 'dir').split('\n')[1] ?? '';
    if (!dir.startsWith(join(tmpdir(), 'wxc-redis-'))) {
      throw new Error(`something else already listens on 127.0.0.1:${this.port}`);
    }
    this.cli('shutdown', 'nosave');
  }

  /** Hard kill (SIGKILL): the data is gone, clients see the connection drop. */
  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    this.proc = undefined;
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGCONT');
      proc.kill('SIGKILL');
      await exited;
    }
  }

  /** Stops the process and removes its temp dir. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** redis-cli against this server (e.g. SCRIPT FLUSH, CLUSTER INFO). */
  cli(...args: string[]): string {
    return execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', String(this.port), ...args], {
      encoding: 'utf8',
      timeout: 10_000,
    });
  }
}

/** True when a Redis answers PING on the port within 300 ms. */
export function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(300, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
  });
}
