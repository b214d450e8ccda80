import { describe, expect, test } from 'vitest';
import { QueryCancelled } from '../../src/db/errors.ts';
import { Latest } from '../../src/state/latest.svelte.ts';

const later = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
};

describe('Latest<T>()', () => {
  test('the newest run wins whatever order the answers come in', async () => {
    const l = new Latest<string>();
    const a = later<string>();
    const b = later<string>();
    const ra = l.run(() => a.promise);
    const rb = l.run(() => b.promise);
    expect(l.running).toBe(true);
    b.resolve('new');
    expect(await rb).toEqual({ status: 'done', value: 'new' });
    expect(l.running).toBe(false);
    a.resolve('old');
    expect(await ra).toEqual({ status: 'superseded' });
    expect(l.value).toBe('new');
  });

  test('an error replaces the error, not the value; a new run clears the error', async () => {
    const l = new Latest<number>();
    await l.run(async () => 1);
    await l.run(async () => {
      throw new Error('boom');
    });
    expect([l.value, l.error?.message]).toEqual([1, 'boom']);
    const p = l.run(() => new Promise(() => {}));
    expect(l.error).toBeNull();
    l.cancel();
    await Promise.race([p, Promise.resolve()]);
    expect([l.running, l.cancelled]).toEqual([false, true]);
  });

  test('QueryCancelled from the latest run marks it cancelled, not failed; cancel() aborts its signal', async () => {
    const l = new Latest<number>();
    expect(await l.run(async () => Promise.reject(new QueryCancelled()))).toEqual({ status: 'cancelled' });
    expect([l.error, l.cancelled]).toEqual([null, true]);
    let signal: AbortSignal | null = null;
    void l.run((run) => {
      signal = run.signal;
      return new Promise(() => {});
    });
    l.cancel();
    expect(signal!.aborted).toBe(true);
  });

  test('current() joins the run in progress and is superseded by the next one', () => {
    const l = new Latest<number>();
    void l.run(() => new Promise(() => {}));
    const joined = l.current();
    expect(joined.superseded()).toBe(false);
    void l.run(() => new Promise(() => {}));
    expect(joined.superseded()).toBe(true);
  });
});
