// npm run mail:send: sends what the e-mail outbox holds that is due, through SMTP_URL.
// The running portal does this itself (a job every minute, and right after each change);
// this is for operators, e.g. after fixing the mail server. Same handler as the job.
import { dbHandle } from "@/lib/db/index.ts";
import { readEnv } from "@/lib/env.ts";
import { sendMailJob } from "@/lib/jobs/handlers.ts";

if (!readEnv().SMTP_URL) console.log("[ksbb] SMTP_URL is not set: e-mails stay in the outbox table");
else console.log(`[ksbb] ${(await sendMailJob()).sent} e-mail(s) sent`);
await dbHandle().close();
