import { createTranslator } from "next-intl";
import { readEnv } from "@/lib/env.ts";
import en from "@/lib/i18n/messages/en.json";
import id from "@/lib/i18n/messages/id.json";

// The e-mails a notice becomes, in the recipient's language, from the message files:
// each kind has its own subject (the notice's sentence) and body (the sentence, what it
// means for the reader, a link into the portal). Every link is absolute, from
// PUBLIC_URL. Each mail has a plain-text part and an HTML part; the HTML is built here
// with every value escaped, so a need's item or a staff member's reason stays text.

export type MailLocale = "id" | "en";

export interface NoticeMailInput {
  /** Key under "notifications" in the message files, e.g. "pledge.APPROVED". */
  kind: string;
  params: Record<string, string | number>;
  locale: string;
  /** Where "open in the portal" leads (a path). */
  path: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

// Made once per language: every mail of a notice, the digest and the account mails use these.
const TRANSLATORS = {
  id: {
    notifications: createTranslator({ locale: "id", messages: id, namespace: "notifications" }),
    mail: createTranslator({ locale: "id", messages: id, namespace: "mail" }),
  },
  en: {
    notifications: createTranslator({ locale: "en", messages: en, namespace: "notifications" }),
    mail: createTranslator({ locale: "en", messages: en, namespace: "mail" }),
  },
};

/** The message files' translator for a recipient's language (anything but "en" reads Indonesian). */
export function translator<N extends "notifications" | "mail">(locale: string, namespace: N): (typeof TRANSLATORS)["id"][N] {
  return TRANSLATORS[locale === "en" ? "en" : "id"][namespace];
}

/** An absolute link into the portal, from PUBLIC_URL. */
export function portalLink(path: string): string {
  return readEnv().PUBLIC_URL.replace(/\/+$/, "") + path;
}

/** Where a notice leads in the portal: its pledge, or the account page for organisation news. */
export function noticePath(kind: string, pledgeId: string | null | undefined): string {
  if (pledgeId) return `/janji/${pledgeId}`;
  if (kind === "collaboration.ASSIGNED") return "/staf/kolaborasi";
  if (kind.startsWith("collaboration.")) return "/akun/kolaborasi";
  return kind.startsWith("organisation.") ? "/akun" : "/pemberitahuan";
}

const NOTICE_PARAMS = ["reference", "item", "organisation", "reason"] as const;

/** The notice's sentence in the given language; undefined for a kind the message files do not know. */
export function noticeSentence(locale: string, kind: string, params: Record<string, unknown>): string | undefined {
  const t = translator(locale, "notifications");
  if (!t.has(kind as never)) return undefined;
  const values = Object.fromEntries(NOTICE_PARAMS.map((key) => [key, String(params[key] ?? "")]));
  return t(kind as never, values as never);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Plain text to HTML paragraphs, every part escaped; each http(s) address becomes a link. */
function paragraphsHtml(paragraphs: string[]): string {
  const linked = (line: string) =>
    line
      .split(/(https?:\/\/[^\s<>"']+)/)
      .map((part, i) => (i % 2 === 1 ? `<a href="${escapeHtml(part)}" style="color:#0f5c4d">${escapeHtml(part)}</a>` : escapeHtml(part)))
      .join("");
  return paragraphs.map((paragraph) => `<p style="margin:0 0 16px">${paragraph.split("\n").map(linked).join("<br>")}</p>`).join("\n");
}

/** Wraps paragraphs and one button link into a small HTML mail in the recipient's language. */
export function htmlMail(lang: string, title: string, paragraphs: string[], button?: { label: string; href: string }): string {
  const action = button
    ? `<p style="margin:24px 0"><a href="${escapeHtml(button.href)}" style="background:#0f5c4d;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(button.label)}</a></p>`
    : "";
  return [
    `<!doctype html><html lang="${lang === "en" ? "en" : "id"}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    `<body style="margin:0;padding:24px;background:#f8fafc;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#0f172a">`,
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">`,
    `<p style="margin:0 0 16px;font-weight:700;color:#0f5c4d">KSBB Jakarta</p>`,
    paragraphsHtml(paragraphs),
    action,
    `</div></body></html>`,
  ].join("\n");
}

/** The mail for one notice to one person, in their language. */
export function noticeMail(input: NoticeMailInput): RenderedMail {
  const lang: MailLocale = input.locale === "en" ? "en" : "id";
  const t = translator(lang, "mail");
  const sentence = noticeSentence(lang, input.kind, input.params) ?? t("notice.fallback");
  const link = portalLink(input.path);
  const nextKey = `notice.next.${input.kind}`;
  const paragraphs = [
    t("notice.greeting"),
    sentence,
    ...(input.params.item ? [t("notice.item", { item: String(input.params.item) })] : []),
    ...(input.params.reason ? [t("notice.reason", { reason: String(input.params.reason) })] : []),
    ...(t.has(nextKey as never) ? [t(nextKey as never)] : []),
  ];
  const footer = t("notice.footer", { link: portalLink("/akun") });
  const subject = `[KSBB] ${sentence.replace(/\.$/, "")}`;
  const text = [...paragraphs, `${t("notice.open")}\n${link}`, `-- \n${footer}`].join("\n\n");
  const html = htmlMail(lang, subject, [...paragraphs, footer], { label: t("notice.open"), href: link });
  return { subject, text, html };
}
