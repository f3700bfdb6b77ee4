// The embedded database (PGlite) is one connection in one process, so pg-boss does not
// run there: this runner calls the same handlers on timers in that one process. There
// is no second process to coordinate with, so a timer is enough; it never runs a job
// while the previous run of that job is still going.

export interface LocalTask {
  name: string;
  everyMs: number;
  /** First run this long after start. */
  firstAfterMs: number;
  run: () => Promise<unknown>;
}

export interface LocalRunner {
  /** Runs the task soon (coalesced: a burst of requests makes one run, plus one after it if it was busy). */
  trigger(name: string): void;
  /** Resolves when nothing is running. */
  stop(): Promise<void>;
}

export function startLocalRunner(tasks: LocalTask[]): LocalRunner {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  const run = (task: LocalTask) => {
    if (stopped) return;
    if (running.has(task.name)) {
      again.add(task.name);
      return;
    }
    const done = task
      .run()
      .then(
        () => undefined,
        (error: unknown) => console.error(`[jobs] ${task.name} failed`, error),
      )
      .finally(() => {
        running.delete(task.name);
        if (again.delete(task.name)) setImmediate(() => run(task));
      });
    running.set(task.name, done);
  };

  for (const task of tasks) {
    const first = setTimeout(() => run(task), task.firstAfterMs);
    const every = setInterval(() => run(task), task.everyMs);
    first.unref();
    every.unref();
    timers.push(first, every);
  }

  return {
    trigger(name) {
      const task = tasks.find((candidate) => candidate.name === name);
      if (task) setImmediate(() => run(task));
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(running.values());
    },
  };
}
