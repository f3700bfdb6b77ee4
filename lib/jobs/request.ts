import "server-only";
import { readEnv } from "@/lib/env.ts";
import { sendOutbox } from "@/lib/notifications/mailer.ts";
import { installedJobs } from "./registry.ts";

/**
 * After a change committed: have its e-mails sent soon. With pg-boss this queues one
 * mail job (a burst of changes makes one job: the queue keeps at most one waiting); on
 * the embedded database it wakes the in-process runner. Either way the mail is already
 * in the outbox, so a lost request only delays it until the every-minute run.
 */
export function requestMailSoon(): void {
  if (!readEnv().SMTP_URL) return;
  const runtime = installedJobs();
  if (runtime) {
    runtime
      .requestMail()
      .catch((error: unknown) => console.error("[jobs] could not queue a mail run; the every-minute run will send it", error));
    return;
  }
  // No runtime in this process (next dev, a script): send from here, in the background.
  setTimeout(
    () => void sendOutbox().catch((error: unknown) => console.error("[mail] sending failed; the mails stay in the outbox", error)),
    0,
  );
}
