// A mail catcher for the browser tests: accepts SMTP on 127.0.0.1:<SMTP port> and serves
// what it received as JSON on 127.0.0.1:<HTTP port>. The e2e server's database lives inside
// its own process, so tests read the portal's e-mails here instead of in the outbox table.
//   GET /messages?to=address → [{ to, subject, text }], newest first
//   tsx tests/e2e/support/mail-catcher.ts <smtpPort> <httpPort>
import http from "node:http";
import { startSmtpCatcher } from "../../helpers/smtp-catcher.ts";

export type { CaughtMail } from "../../helpers/smtp-catcher.ts";

const [smtpPort, httpPort] = process.argv.slice(2).map(Number);
if (!smtpPort || !httpPort) throw new Error("usage: mail-catcher.ts <smtpPort> <httpPort>");

const { inbox } = await startSmtpCatcher({ port: smtpPort });

http
  .createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname !== "/messages") {
      response.writeHead(url.pathname === "/" ? 200 : 404).end();
      return;
    }
    const to = url.searchParams.get("to")?.toLowerCase();
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(to ? inbox.filter((mail) => mail.to.includes(to)) : inbox));
  })
  .listen(httpPort, "127.0.0.1");
