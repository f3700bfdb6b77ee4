// The process's running jobs runtime, shared on globalThis: server.ts starts it (loaded
// by Node through tsx), and the server actions (bundled by Next.js, a separate copy of
// every module) reach the same one here. No pg-boss import: the bundle never loads it.

export interface JobsRuntime {
  engine: "pg-boss" | "local";
  /** Asks for a mail run soon; a burst of requests makes one run. */
  requestMail(): Promise<void>;
  stop(): Promise<void>;
}

declare global {
  var __ksbbJobs: JobsRuntime | undefined;
}

export function installedJobs(): JobsRuntime | undefined {
  return globalThis.__ksbbJobs;
}

export function installJobs(runtime: JobsRuntime | undefined) {
  globalThis.__ksbbJobs = runtime;
}
