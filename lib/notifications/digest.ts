import "server-only";
import { dateOnly, jakartaToday } from "@/lib/dates.ts";
import { db } from "@/lib/db/index.ts";
import { htmlMail, portalLink, translator, type RenderedMail } from "./mail.ts";

// The staff daily digest: one mail per staff member per Jakarta day, with what waits for
// them: pledges to review and deliveries to confirm in their office's programs, and
// organisations waiting for verification (a city-wide queue). Staff who chose a mail per
// notice do not get it; nor does anyone with nothing waiting. The staff_digest table's
// key (user, day) makes the mail once-only: a second run, on this instance or another,
// inserts nothing and so mails nothing.

export interface DigestCounts {
  review: number;
  confirm: number;
  organisations: number;
}

export function digestMail(locale: string, day: string, counts: DigestCounts): RenderedMail {
  const lang = locale === "en" ? "en" : "id";
  const tMail = translator(lang, "mail");
  const t = (key: string, values?: Record<string, string | number>) => tMail(`digest.${key}` as never, values as never);
  const date = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "id-ID", { dateStyle: "long", timeZone: "UTC" }).format(dateOnly(day));
  const total = counts.review + counts.confirm + counts.organisations;
  const subject = `[KSBB] ${t("subject", { date, total })}`;
  const lines = [
    t("review", { count: counts.review }),
    t("confirm", { count: counts.confirm }),
    t("organisations", { count: counts.organisations }),
  ];
  const link = portalLink("/staf");
  const footer = t("footer", { link: portalLink("/akun") });
  const paragraphs = [t("greeting"), t("lead", { date }), lines.map((line) => `• ${line}`).join("\n")];
  return {
    subject,
    text: [...paragraphs, `${t("open")}\n${link}`, `-- \n${footer}`].join("\n\n"),
    html: htmlMail(lang, subject, [...paragraphs, footer], { label: t("open"), href: link }),
  };
}

interface OfficeCounts {
  office: string;
  review: number;
  confirm: number;
}

/** Queues today's digest for every staff member who takes it and has something waiting. */
export async function queueStaffDigests(now = new Date()): Promise<{ queued: number }> {
  const day = jakartaToday(now);
  const [staff, perOffice, organisations] = await Promise.all([
    db.user.findMany({
      where: { role: { in: ["CITY_STAFF", "ADMIN"] }, active: true, staffMail: "DAILY_DIGEST" },
      select: { id: true, email: true, locale: true, organisationId: true },
    }),
    db.$queryRaw<OfficeCounts[]>`
      SELECT p.owner_organisation_id AS office,
             count(*) FILTER (WHERE pl.status = 'SUBMITTED')::int AS review,
             count(*) FILTER (WHERE pl.status = 'DELIVERED')::int AS confirm
        FROM pledge pl JOIN need n ON n.id = pl.need_id JOIN program p ON p.id = n.program_id
       WHERE pl.status IN ('SUBMITTED', 'DELIVERED')
       GROUP BY p.owner_organisation_id`,
    db.organisation.count({ where: { verificationStatus: "PENDING", kind: { not: "CITY_OFFICE" } } }),
  ]);
  const byOffice = new Map(perOffice.map((row) => [row.office, row]));
  let queued = 0;
  for (const person of staff) {
    const office = byOffice.get(person.organisationId);
    const counts: DigestCounts = { review: office?.review ?? 0, confirm: office?.confirm ?? 0, organisations };
    if (counts.review + counts.confirm + counts.organisations === 0) continue;
    const mail = digestMail(person.locale, day, counts);
    const sent = await db.$transaction(async (tx) => {
      const claimed = await tx.$executeRaw`
        INSERT INTO staff_digest (user_id, day) VALUES (${person.id}, ${dateOnly(day)}::date) ON CONFLICT DO NOTHING`;
      if (claimed === 0) return false;
      await tx.emailOutbox.create({ data: { toAddress: person.email, subject: mail.subject, body: mail.text, html: mail.html } });
      return true;
    });
    if (sent) queued += 1;
  }
  return { queued };
}
