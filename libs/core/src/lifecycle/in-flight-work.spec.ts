import { InFlightWork, ShuttingDownError } from './in-flight-work';

describe('InFlightWork', () => {
  it('waits for running work on shutdown and refuses new work', async () => {
    const w = new InFlightWork();
    let release!: () => void;
    const running = w.run(() => new Promise<string>((r) => (release = () => r('done'))));
    let drained = false;
    const drain = w.beforeApplicationShutdown().then(() => (drained = true));
    await new Promise((r) => setImmediate(r));
    expect(drained).toBe(false);
    await expect(w.run(() => Promise.resolve(1))).rejects.toBeInstanceOf(ShuttingDownError);
    release();
    await expect(running).resolves.toBe('done');
    await drain;
    expect(drained).toBe(true);
    expect(w.size).toBe(0);
  });

  it('drains at once when idle', async () => {
    await expect(new InFlightWork().beforeApplicationShutdown()).resolves.toBeUndefined();
  });
});
