import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietTask } from './quiet-task.js';

// Node has no requestIdleCallback: the idle wait is a task of its own (as in Safari).
describe('QuietTask', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, after the quiet, in a task of its own', () => {
    const task = vi.fn();
    const q = new QuietTask(task, { busy: () => false, quiet: 200 });
    q.start();
    vi.advanceTimersByTime(199);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    expect(q.pending).toBe(false);
    q.poke();
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('starts the quiet over on every poke (a scroll), so a person scrolling never waits for it', () => {
    const task = vi.fn();
    const q = new QuietTask(task, { busy: () => false, quiet: 200 });
    q.start();
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(150);
      q.poke();
    }
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(201);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('waits again while the host is busy (a page request in flight), then runs', () => {
    const task = vi.fn();
    let busy = true;
    const q = new QuietTask(task, { busy: () => busy, quiet: 200 });
    q.start();
    vi.advanceTimersByTime(2000);
    expect(task).not.toHaveBeenCalled();
    expect(q.pending).toBe(true);
    busy = false;
    vi.advanceTimersByTime(201);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('does nothing once cancelled (the table left the page)', () => {
    const task = vi.fn();
    const q = new QuietTask(task, { busy: () => false });
    q.start();
    q.cancel();
    q.poke();
    vi.advanceTimersByTime(5000);
    expect(task).not.toHaveBeenCalled();
  });
});
