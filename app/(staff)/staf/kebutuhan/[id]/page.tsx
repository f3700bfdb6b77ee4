import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Badge } from "@/components/badge.tsx";
import { GuardError, STAFF_ROLES } from "@/lib/auth/guards.ts";
import { requirePageUser } from "@/lib/auth/page-guards.ts";
import { isoDate, jakartaToday } from "@/lib/dates.ts";
import { needForEdit } from "@/lib/needs/staff-queries.ts";
import { recordId } from "@/lib/programs/schema.ts";
import { CloseNeedForm, ReopenNeedForm } from "../_components/close-forms.tsx";
import { NeedForm } from "../_components/need-form.tsx";
import { needFormOptions } from "../_components/need-form-data.ts";
import { NEED_STATUS_TONE } from "../_components/status-tone.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("needAdmin"))("editHeading"), robots: { index: false } };
}

const flags = z.object({
  berubah: z.enum(["created", "updated", "closed", "reopened"]).optional().catch(undefined),
  batal: z.coerce.number().int().min(0).max(100_000).catch(0),
});

export default async function EditNeedPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  const caller = await requirePageUser(`/staf/kebutuhan/${id}`, STAFF_ROLES);
  if (!recordId.safeParse(id).success) notFound();
  const { need, openPledges } = await needForEdit(caller, id).catch((error: unknown) => {
    if (error instanceof GuardError) notFound();
    throw error;
  });
  const { berubah, batal } = flags.parse(await searchParams);
  const locale = await getLocale();
  const [{ programs, regions }, t, tStatus, tPledgeStatus, tUnit, format] = await Promise.all([
    needFormOptions(caller, locale, need.program),
    getTranslations("needAdmin"),
    getTranslations("needStatus"),
    getTranslations("pledgeStatus"),
    getTranslations("unit"),
    getFormatter(),
  ]);
  const hasPledges = need._count.pledges > 0;
  const openCount = Object.values(openPledges).reduce((sum, count) => sum + count, 0);
  const programName = locale === "en" ? need.program.nameEn : need.program.nameId;
  const place = `${need.kelurahan.name}, ${need.kecamatan.name}, ${need.kota.name}`;
  const quantity = (value: number) => `${format.number(value)} ${tUnit(need.unit, { count: value })}`;
  const section = "space-y-4 card p-5 ";
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staf/kebutuhan" className="text-sm font-medium text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </p>
      {berubah && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {berubah === "closed" && batal > 0 ? t("changed.closedCancelled", { count: batal }) : t(`changed.${berubah}`)}
        </p>
      )}
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-ink sm:text-3xl">{need.item}</h1>
        <p className="text-slate-700">
          {place}
          {need.rw ? ` · RW ${String(need.rw).padStart(2, "0")}` : ""} · {programName}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={NEED_STATUS_TONE[need.status]}>{tStatus(need.status)}</Badge>
          {need.status !== "DRAFT" && (
            <Link href={`/kebutuhan/${need.id}`} className="text-sm font-medium text-brand-700 hover:underline">
              {t("publicLink")}
            </Link>
          )}
        </div>
      </header>
      <section aria-labelledby="coverage-heading" className={section}>
        <h2 id="coverage-heading" className="text-lg font-semibold text-ink">
          {t("coverageTitle")}
        </h2>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">{t("fields.targetQuantity")}</dt>
            <dd className="font-semibold">{quantity(need.targetQuantity)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("pledged")}</dt>
            <dd className="font-semibold">{quantity(need.pledgedQuantity)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("delivered")}</dt>
            <dd className="font-semibold">{quantity(need.deliveredQuantity)}</dd>
          </div>
        </dl>
        <p className="text-sm text-slate-700">
          {t("openPledges", { count: openCount })}
          {openCount > 0 &&
            `: ${Object.entries(openPledges)
              .map(([status, count]) => `${tPledgeStatus(status as "SUBMITTED")} ${count}`)
              .join(" · ")}.`}
        </p>
      </section>
      <section aria-labelledby="edit-heading" className={section}>
        <h2 id="edit-heading" className="text-lg font-semibold text-ink">
          {t("editHeading")}
        </h2>
        <NeedForm
          programs={programs}
          regions={regions}
          today={jakartaToday()}
          pledged={need.pledgedQuantity}
          statusEditable={need.status === "DRAFT" || (need.status === "OPEN" && !hasPledges)}
          locked={
            hasPledges
              ? {
                  program: programName,
                  kelurahan: `${need.kelurahan.name} (${need.kelurahanCode})`,
                  unit: `${tUnit(need.unit, { count: 2 })} (${need.unit})`,
                }
              : undefined
          }
          initial={{
            id: need.id,
            version: need.version,
            programId: need.programId,
            kelurahanCode: need.kelurahanCode,
            rw: need.rw,
            item: need.item,
            description: need.description,
            unit: need.unit,
            targetQuantity: need.targetQuantity,
            beneficiaryCount: need.beneficiaryCount,
            beneficiaryKind: need.beneficiaryKind,
            deadline: isoDate(need.deadline),
            priority: need.priority,
            status: need.status,
          }}
        />
      </section>
      {need.status === "CLOSED" ? (
        <section aria-labelledby="reopen-heading" className={section}>
          <h2 id="reopen-heading" className="text-lg font-semibold text-ink">
            {t("reopenTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("reopenLead")}</p>
          <ReopenNeedForm id={need.id} version={need.version} />
        </section>
      ) : (
        <section aria-labelledby="close-heading" className={section}>
          <h2 id="close-heading" className="text-lg font-semibold text-ink">
            {t("closeTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("closeLead")}</p>
          <CloseNeedForm id={need.id} version={need.version} openPledges={openPledges} />
        </section>
      )}
    </div>
  );
}
