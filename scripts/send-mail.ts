// npm run mail:send: sends the e-mail outbox through SMTP_URL (run it from cron as a
// safety net; the portal also sends right after each change when SMTP is set).
import { dbHandle } from "@/lib/db/index.ts";
import { readEnv } from "@/lib/env.ts";
import { sendOutbox } from "@/lib/notifications/mailer.ts";

if (!readEnv().SMTP_URL) console.log("[ksbb] SMTP_URL is not set: e-mails stay in the outbox table");
else console.log(`[ksbb] ${await sendOutbox(1000)} e-mail(s) sent`);
await dbHandle().close();
