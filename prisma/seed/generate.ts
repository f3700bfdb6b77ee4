import type { DeliveryMode, NeedPriority, NeedStatus, PledgeStatus, Prisma } from "@/lib/generated/prisma/client.ts";
import { pledgeReference } from "@/lib/pledges/reference.ts";
import { NEED_TEMPLATES, ORGANISATIONS, USERS, type SeedUser } from "./catalogue.ts";
import { createRandom } from "./random.ts";

/** How often each priority and pledge status occurs in generated data (demo and scale seeds). */
export const PRIORITY_WEIGHTS: readonly (readonly [NeedPriority, number])[] = [
  ["URGENT", 1],
  ["HIGH", 3],
  ["MEDIUM", 4],
  ["LOW", 2],
];
export const PLEDGE_STATUS_WEIGHTS: readonly (readonly [PledgeStatus, number])[] = [
  ["SUBMITTED", 18],
  ["APPROVED", 14],
  ["SCHEDULED", 10],
  ["IN_DELIVERY", 6],
  ["DELIVERED", 14],
  ["CONFIRMED", 22],
  ["REJECTED", 5],
  ["CANCELLED", 6],
  ["EXPIRED", 5],
];

// The demo data as plain rows, computed without a database: seedDemo writes them, and
// the privacy crawl (tests/e2e/privacy-crawl.spec.ts) regenerates them to know which
// personal values must never reach a public page. The order of random calls is pinned
// by the seed fingerprint test; values that do not come from `random` (contacts, notes)
// are derived from the row's index so they leave that order alone.

const DAY = 24 * 60 * 60 * 1000;
// Fixed dates keep the demo data identical on every run.
const ANCHOR = Date.UTC(2026, 10, 2);
const date = (offsetDays: number) => new Date(ANCHOR + offsetDays * DAY);
const id = (prefix: string, n: number) => `${prefix}_${String(n).padStart(5, "0")}`;

export const PROGRAMS = [
  {
    slug: "ksbb-pangan-2026",
    category: "PANGAN",
    owner: "dinsos",
    status: "OPEN",
    nameId: "KSBB Pangan 2026",
    nameEn: "KSBB Food 2026",
    descriptionId: "Paket pangan untuk rumah tangga miskin dan rentan di seluruh kelurahan.",
    descriptionEn: "Food packages for poor and vulnerable households in every kelurahan.",
  },
  {
    slug: "ksbb-umkm-2026",
    category: "UMKM",
    owner: "ppkukm",
    status: "OPEN",
    nameId: "KSBB UMKM 2026",
    nameEn: "KSBB Small Business 2026",
    descriptionId: "Paket dukungan untuk usaha mikro dan kecil yang kehilangan pendapatan.",
    descriptionEn: "Support packages for micro and small businesses that lost income.",
  },
  {
    slug: "ksbb-pendidikan-2026",
    category: "PENDIDIKAN",
    owner: "disdik",
    status: "OPEN",
    nameId: "KSBB Pendidikan 2026",
    nameEn: "KSBB Education 2026",
    descriptionId: "Gawai dan kuota untuk siswa dan guru yang belum bisa belajar jarak jauh.",
    descriptionEn: "Devices and data for students and teachers who cannot yet learn remotely.",
  },
  {
    slug: "ksbb-permukiman-2026",
    category: "PERMUKIMAN",
    owner: "dprkp",
    status: "OPEN",
    nameId: "KSBB Permukiman 2026",
    nameEn: "KSBB Housing 2026",
    descriptionId: "Penataan kampung kumuh: rumah, sanitasi dan jalan lingkungan.",
    descriptionEn: "Upgrading slum kampung: houses, sanitation and neighbourhood paths.",
  },
  {
    slug: "ksbb-persampahan-2027",
    category: "PERSAMPAHAN",
    owner: "dlh",
    status: "PLANNED",
    nameId: "KSBB Persampahan",
    nameEn: "KSBB Waste",
    descriptionId: "Pengelolaan sampah berbasis warga. Segera dibuka.",
    descriptionEn: "Community waste management. Opening soon.",
  },
  {
    slug: "ksbb-tenaga-kerja-2027",
    category: "TENAGA_KERJA",
    owner: "nakertrans",
    status: "PLANNED",
    nameId: "KSBB Tenaga Kerja",
    nameEn: "KSBB Labour",
    descriptionId: "Pelatihan dan penempatan kerja bagi warga terdampak. Segera dibuka.",
    descriptionEn: "Training and job placement for affected residents. Opening soon.",
  },
] as const;

/** The path each pledge status took; the seeds write one audit event per step. */
export const PATHS: Record<PledgeStatus, PledgeStatus[]> = {
  SUBMITTED: [],
  APPROVED: ["APPROVED"],
  REJECTED: ["REJECTED"],
  SCHEDULED: ["APPROVED", "SCHEDULED"],
  IN_DELIVERY: ["APPROVED", "SCHEDULED", "IN_DELIVERY"],
  DELIVERED: ["APPROVED", "SCHEDULED", "IN_DELIVERY", "DELIVERED"],
  CONFIRMED: ["APPROVED", "SCHEDULED", "IN_DELIVERY", "DELIVERED", "CONFIRMED"],
  CANCELLED: ["CANCELLED"],
  EXPIRED: ["APPROVED", "SCHEDULED", "EXPIRED"],
};
const RELEASED: ReadonlySet<PledgeStatus> = new Set(["REJECTED", "CANCELLED", "EXPIRED"]);
const OPEN_STATUSES: ReadonlySet<PledgeStatus> = new Set(["SUBMITTED", "APPROVED", "SCHEDULED", "IN_DELIVERY"]);

export interface SeedKelurahan {
  code: string;
  parentCode: string | null;
}

export type DemoUser = SeedUser & { id: string; organisationId: string; createdAt: Date; hasPassword: boolean };

export interface DemoData {
  organisations: Prisma.OrganisationCreateManyInput[];
  areas: Prisma.AggregatorAreaCreateManyInput[];
  users: DemoUser[];
  programs: Prisma.ProgramCreateManyInput[];
  needs: (Prisma.NeedCreateManyInput & { id: string; pledgedQuantity: number; deliveredQuantity: number })[];
  pledges: Prisma.PledgeCreateManyInput[];
  deliveries: Prisma.DeliveryUpdateCreateManyInput[];
  events: Prisma.AuditEventCreateManyInput[];
  /** Public reports (issue 16), with reporters' contacts that no public page may show. */
  reports: Prisma.PublicReportCreateManyInput[];
}

/** Every demo row, from the kelurahan list in code order (as the region table returns it). */
export function generateDemo(kelurahan: readonly SeedKelurahan[], options: { needs?: number; pledges?: number } = {}): DemoData {
  const random = createRandom(2020_07_17);
  const needTarget = options.needs ?? 420;
  const pledgeTarget = options.pledges ?? 900;
  if (kelurahan.length === 0) throw new Error("load the regions before the demo data");

  // Organisations, their service areas and users.
  const orgIds = new Map(ORGANISATIONS.map((org, index) => [org.key, id("org", index + 1)]));
  const orgId = (key: string) => orgIds.get(key) ?? fail(`unknown organisation ${key}`);
  const organisations = ORGANISATIONS.map((org, index): Prisma.OrganisationCreateManyInput => ({
    id: orgId(org.key),
    name: org.name,
    kind: org.kind,
    verificationStatus: org.verified ? "VERIFIED" : "PENDING",
    verifiedAt: org.verified ? date(-60) : null,
    showPublicly: org.showPublicly,
    contactEmail: `kontak.${org.key}@mitra.ksbb.test`,
    contactPhone: `+62 21 5550 ${String(1001 + index)}`,
    deliveryCapacity: org.capacity ?? null,
    publicDescription: org.description ?? null,
    website: org.website ?? null,
    createdAt: date(-90),
  }));
  const servedBy = new Map<string, string[]>();
  const areas: Prisma.AggregatorAreaCreateManyInput[] = [];
  for (const org of ORGANISATIONS) {
    for (const kota of org.kotaServed ?? []) {
      for (const kel of kelurahan.filter((k) => k.code.startsWith(`${kota}.`))) {
        areas.push({ organisationId: orgId(org.key), regionCode: kel.code });
        if (org.verified) servedBy.set(kel.code, [...(servedBy.get(kel.code) ?? []), orgId(org.key)]);
      }
    }
  }

  const members = ORGANISATIONS.filter((org) => !USERS.some((user) => user.organisation === org.key));
  const users: DemoUser[] = [
    ...USERS.map((user) => ({ ...user, hasPassword: true })),
    ...members.map((org, index) => ({
      email: `anggota${index + 1}@ksbb.test`,
      name: org.kind === "INDIVIDUAL" ? org.name : `Kontak ${org.name}`,
      role: org.kind === "AGGREGATOR" ? ("AGGREGATOR" as const) : org.kind === "CITY_OFFICE" ? ("CITY_STAFF" as const) : ("DONOR" as const),
      organisation: org.key,
      hasPassword: false,
    })),
  ].map((user, index) => ({ ...user, id: id("usr", index + 1), organisationId: orgId(user.organisation), createdAt: date(-90) }));

  // Programs and needs: every kelurahan gets at least one need.
  const programIds = new Map(PROGRAMS.map((program, index) => [program.category, id("prg", index + 1)]));
  const programs = PROGRAMS.map((program): Prisma.ProgramCreateManyInput => ({
    id: programIds.get(program.category)!,
    slug: program.slug,
    category: program.category,
    nameId: program.nameId,
    nameEn: program.nameEn,
    descriptionId: program.descriptionId,
    descriptionEn: program.descriptionEn,
    startsOn: program.status === "OPEN" ? date(-60) : date(150),
    endsOn: program.status === "OPEN" ? date(240) : date(515),
    status: program.status,
    ownerOrganisationId: orgId(program.owner),
  }));

  const categories = Object.keys(NEED_TEMPLATES) as (keyof typeof NEED_TEMPLATES)[];
  const needs: DemoData["needs"] = [];
  for (let n = 0; n < needTarget; n++) {
    const kel = n < kelurahan.length ? kelurahan[n]! : random.pick(kelurahan);
    const category = random.pick(categories);
    const template = random.pick(NEED_TEMPLATES[category]);
    const target = random.int(...template.target);
    const kecamatanCode = kel.parentCode!;
    needs.push({
      id: id("need", n + 1),
      programId: programIds.get(category)!,
      kotaCode: kecamatanCode.slice(0, 5),
      kecamatanCode,
      kelurahanCode: kel.code,
      rw: random.next() < 0.5 ? random.int(1, 15) : null,
      item: template.item,
      unit: template.unit,
      targetQuantity: target,
      pledgedQuantity: 0,
      deliveredQuantity: 0,
      beneficiaryCount: target * template.beneficiariesPerUnit,
      beneficiaryKind: template.beneficiaryKind,
      priority: random.weighted(PRIORITY_WEIGHTS),
      deadline: date(random.int(30, 200)),
      status: random.next() < 0.02 ? "DRAFT" : "OPEN",
      createdAt: date(-random.int(10, 60)),
    });
  }

  // Pledges in every state, never above what a need still lacks.
  const donors = ORGANISATIONS.filter((org) => ["COMPANY", "FOUNDATION", "COMMUNITY_GROUP", "INDIVIDUAL"].includes(org.kind));
  const donorUser = new Map(users.map((user) => [user.organisationId, user.id]));
  const staffUser = donorUser.get(orgId("dinsos"))!;
  const pledges: Prisma.PledgeCreateManyInput[] = [];
  const deliveries: Prisma.DeliveryUpdateCreateManyInput[] = [];
  const events: Prisma.AuditEventCreateManyInput[] = [];
  const pledgeable = needs.filter((need) => need.status === "OPEN");
  for (let n = 0; n < pledgeTarget; n++) {
    const need = random.pick(pledgeable);
    const remaining = need.targetQuantity - need.pledgedQuantity;
    if (remaining <= 0) continue;
    const quantity = Math.min(remaining, Math.max(1, Math.round((need.targetQuantity * random.int(5, 45)) / 100)));
    const status = random.weighted(PLEDGE_STATUS_WEIGHTS);
    const aggregators = servedBy.get(need.kelurahanCode) ?? [];
    const mode: DeliveryMode = aggregators.length > 0 && random.next() < 0.65 ? "AGGREGATOR" : "DIRECT";
    const donor = orgId(random.pick(donors).key);
    const pledgeId = id("plg", n + 1);
    const createdAt = date(-random.int(1, 40));
    const delivered = status === "DELIVERED" || status === "CONFIRMED" ? quantity : status === "IN_DELIVERY" ? Math.floor(quantity / 2) : 0;
    pledges.push({
      id: pledgeId,
      reference: pledgeReference(random.next),
      needId: need.id,
      donorOrganisationId: donor,
      createdById: donorUser.get(donor) ?? null,
      quantity,
      deliveredQuantity: delivered,
      deliveryMode: mode,
      aggregatorOrganisationId: mode === "AGGREGATOR" ? random.pick(aggregators) : null,
      // Open pledges plan delivery by the need's deadline, so the demo does not start out overdue.
      plannedDeliveryOn: ((leadDays: number) =>
        OPEN_STATUSES.has(status)
          ? (need.deadline as Date)
          : new Date(Math.min(createdAt.getTime() + leadDays * DAY, (need.deadline as Date).getTime())))(random.int(7, 30)),
      // Notes are free text for the city only; some pledges carry one so privacy tests have something to look for.
      note: n % 4 === 0 ? `Catatan donatur ${pledgeId}: mohon kabari pengurus sebelum barang dikirim.` : null,
      status,
      statusReason:
        status === "REJECTED"
          ? "Jumlah melebihi kapasitas gudang kelurahan."
          : status === "CANCELLED"
            ? "Donatur membatalkan janji."
            : null,
      version: PATHS[status].length,
      createdAt,
      // Last changed by its last step (one a day, as the audit events below): the time it entered its status.
      updatedAt: new Date(createdAt.getTime() + PATHS[status].length * DAY),
    });
    if (!RELEASED.has(status)) {
      need.pledgedQuantity += quantity;
      need.deliveredQuantity += delivered;
    }
    events.push({
      actorUserId: donorUser.get(donor) ?? null,
      actorOrganisationId: donor,
      entityType: "pledge",
      entityId: pledgeId,
      action: "pledge.created",
      toStatus: "SUBMITTED",
      createdAt,
    });
    let from: PledgeStatus = "SUBMITTED";
    PATHS[status].forEach((to, step) => {
      events.push({
        actorUserId: staffUser,
        actorOrganisationId: orgId("dinsos"),
        entityType: "pledge",
        entityId: pledgeId,
        action: "pledge.status_changed",
        fromStatus: from,
        toStatus: to,
        createdAt: new Date(createdAt.getTime() + (step + 1) * DAY),
      });
      from = to;
    });
    if (delivered > 0) {
      deliveries.push({
        pledgeId,
        recordedById: staffUser,
        deliveredOn: new Date(createdAt.getTime() + 5 * DAY),
        quantity: delivered,
        recipientGroup: `Posko warga RW ${String(need.rw ?? random.int(1, 12)).padStart(2, "0")}`,
        recipientCount: Math.max(1, delivered),
        notes: deliveries.length % 3 === 0 ? `Diterima pengurus posko, catatan penyaluran ${pledgeId}.` : null,
      });
    }
  }
  for (const need of needs)
    if (need.status === "OPEN" && need.pledgedQuantity === need.targetQuantity) need.status = "FULFILLED" as NeedStatus;

  return { organisations, areas, users, programs, needs, pledges, deliveries, events, reports: demoReports(needs, staffUser) };
}

const REPORT_TEXTS = [
  ["WRONG_INFORMATION", "Jumlah keluarga di RW kami sudah berkurang, datanya perlu diperbarui."],
  ["NOT_DELIVERED", "Paket yang tercatat tersalurkan belum sampai ke posko kami."],
  ["MISUSE_OF_NAME", "Ada pihak yang menarik sumbangan atas nama KSBB di pasar."],
  ["OTHER", "Lokasi pembagian terlalu jauh bagi warga lanjut usia."],
] as const;

/** A dozen reports on needs, with their own random stream so the rest of the seed stays as it was. */
function demoReports(needs: readonly Prisma.NeedCreateManyInput[], staffUser: string): Prisma.PublicReportCreateManyInput[] {
  const random = createRandom(2026_12_03);
  const reportable = needs.filter((need) => need.status !== "DRAFT");
  return Array.from({ length: 12 }, (_, n) => {
    const [category, text] = REPORT_TEXTS[n % REPORT_TEXTS.length]!;
    const need = random.pick(reportable);
    const createdAt = date(-random.int(1, 60));
    const closed = n % 3 === 0;
    return {
      subjectKind: "NEED" as const,
      subjectId: need.id!,
      category,
      description: `${text} (laporan warga ${n + 1})`,
      // Half by e-mail, half by phone; none may ever appear on a public page.
      contact: n % 2 === 0 ? `pelapor.${n + 1}@warga.test` : `+62812700${String(1000 + n)}`,
      status: closed ? ("RESOLVED" as const) : n % 3 === 1 ? ("IN_REVIEW" as const) : ("NEW" as const),
      reply: closed ? "Sudah ditindaklanjuti bersama kelurahan." : null,
      handledById: n % 3 === 2 ? null : staffUser,
      createdAt,
      updatedAt: createdAt,
      closedAt: closed ? new Date(createdAt.getTime() + 2 * DAY) : null,
    };
  });
}

function fail(message: string): never {
  throw new Error(message);
}
