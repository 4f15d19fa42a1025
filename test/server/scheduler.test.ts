import * as assert from 'node:assert/strict';
import { Scheduler } from '../../server/src/lsp/scheduler';

describe('language server: scheduler', () => {
  const failures: unknown[] = [];
  const scheduler = () => new Scheduler(20, (_uri, error) => failures.push(error));

  it('whenIdle waits for editor jobs, pending and running, but not for background ones', async () => {
    const s = scheduler();
    const events: string[] = [];
    let finish!: () => void;
    s.schedule('\0workspace:/folder', () => new Promise(() => undefined), 1000);
    s.schedule('file:///a.yaml', async () => {
      events.push('job started');
      await new Promise<void>((resolve) => (finish = resolve));
      events.push('job done');
    });
    const idle = s.whenIdle().then(() => events.push('idle'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(events, ['job started'], 'a running editor job keeps the bulk work waiting');
    finish();
    await idle;
    assert.deepEqual(events, ['job started', 'job done', 'idle']);
    s.dispose();
  });

  it('whenIdle resolves at once with nothing pending, and when a pending job is cancelled', async () => {
    const s = scheduler();
    await s.whenIdle();
    s.schedule('file:///b.yaml', async () => undefined, 10_000);
    let idle = false;
    const waiting = s.whenIdle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(idle, false);
    s.cancel('file:///b.yaml');
    await waiting;
    assert.equal(idle, true);
    assert.deepEqual(failures, []);
  });
});
