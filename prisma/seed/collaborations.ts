import type { PrismaClient } from "@/lib/generated/prisma/client.ts";
import type { CollaborationStatus, JdcnTopic } from "@/lib/generated/prisma/enums.ts";
import { ORGANISATIONS } from "./catalogue.ts";

// Demo JDCN collaborations (issue 16), after the kinds JDCN names in its own articles: a
// cycling network, community action planning for a kampung, an online bazaar for UMKM.
// Each walks the workflow step by step, as the database's trigger requires, with the
// audit events the pages read its steps from.

const DAY = 24 * 60 * 60 * 1000;
const ANCHOR = Date.UTC(2026, 10, 2);
const day = (offset: number) => new Date(ANCHOR + offset * DAY);

interface DemoCollaboration {
  partner: string;
  office: string;
  title: string;
  topic: JdcnTopic;
  regionCode: string | null;
  offer: string;
  askOfCity: string;
  startsOn: number;
  endsOn: number;
  /** Steps after "received", with their reasons. */
  path: CollaborationStatus[];
  mou?: string;
}

export const COLLABORATIONS: DemoCollaboration[] = [
  {
    partner: "kom-gowes",
    office: "dprkp",
    title: "Jaringan jalur sepeda terpadu Jakarta Pusat",
    topic: "INFRASTRUCTURE",
    regionCode: "31.71",
    offer: "Kajian rute, desain jalur dan relawan pemetaan dari komunitas pesepeda, serta kampanye keselamatan di sekolah.",
    askOfCity: "Data lalu lintas, izin uji coba jalur pada ruas terpilih dan pendampingan teknis.",
    startsOn: -120,
    endsOn: 240,
    path: ["IN_DISCUSSION", "AGREED", "RUNNING"],
    mou: "PKS-JDCN/014/2026",
  },
  {
    partner: "yay-rumah",
    office: "dprkp",
    title: "Perencanaan aksi komunitas Kampung Akuarium",
    topic: "HOUSING",
    regionCode: "31.72.01.1001",
    offer: "Fasilitator perencanaan partisipatif, arsitek komunitas dan lokakarya warga selama enam bulan.",
    askOfCity: "Data tata ruang, kehadiran perangkat daerah dalam lokakarya dan tindak lanjut rencana.",
    startsOn: -300,
    endsOn: -60,
    path: ["IN_DISCUSSION", "AGREED", "RUNNING", "COMPLETED"],
    mou: "PKS-JDCN/007/2026",
  },
  {
    partner: "pt-bumi",
    office: "ppkukm",
    title: "Bazar daring Jakpreneur untuk UMKM binaan",
    topic: "UMKM",
    regionCode: null,
    offer: "Etalase daring tanpa biaya, pelatihan foto produk dan potongan ongkos kirim untuk 500 UMKM binaan.",
    askOfCity: "Kurasi UMKM peserta dari program Jakpreneur dan promosi bersama.",
    startsOn: -30,
    endsOn: 150,
    path: ["IN_DISCUSSION", "AGREED"],
    mou: "PKS-JDCN/021/2026",
  },
  {
    partner: "pt-samudra",
    office: "dinsos",
    title: "Dapur sehat untuk lansia di rusunawa",
    topic: "POVERTY_REDUCTION",
    regionCode: "31.75",
    offer: "Bahan pangan dan juru masak untuk dapur bersama di tiga rusunawa, dua kali seminggu.",
    askOfCity: "Ruang dapur bersama di rusunawa dan data jumlah lansia penghuni.",
    startsOn: -45,
    endsOn: 320,
    path: ["IN_DISCUSSION", "AGREED", "RUNNING"],
    mou: "PKS-JDCN/019/2026",
  },
  {
    partner: "yay-pelita",
    office: "disdik",
    title: "Pelatihan siaga banjir di sekolah dasar",
    topic: "DISASTER_RESILIENCE",
    regionCode: "31.72",
    offer: "Modul dan pelatih kesiapsiagaan banjir untuk guru dan siswa di 20 sekolah dasar.",
    askOfCity: "Izin masuk sekolah dan jadwal bersama dinas pendidikan.",
    startsOn: 10,
    endsOn: 200,
    path: ["IN_DISCUSSION"],
  },
  {
    partner: "kom-dapur",
    office: "dinsos",
    title: "Sanggar seni anak di kampung padat",
    topic: "ARTS_CULTURE",
    regionCode: null,
    offer: "Pengajar tari dan musik sukarela setiap akhir pekan.",
    askOfCity: "Ruang serbaguna kelurahan pada akhir pekan.",
    startsOn: 20,
    endsOn: 380,
    path: [],
  },
];

export const REASON: Record<string, string> = {
  IN_DISCUSSION: "Sejalan dengan rencana kerja dinas; dibahas bersama mitra.",
  AGREED: "Disepakati dalam rapat koordinasi dan nota kesepahaman ditandatangani.",
  RUNNING: "Kegiatan dimulai sesuai jadwal.",
  COMPLETED: "Seluruh kegiatan selesai dan laporan akhir diterima.",
};

const orgId = (key: string) => `org_${String(ORGANISATIONS.findIndex((org) => org.key === key) + 1).padStart(5, "0")}`;

export async function seedCollaborations(prisma: PrismaClient, staffUserId: string) {
  for (const [index, spec] of COLLABORATIONS.entries()) {
    const partnerId = orgId(spec.partner);
    const proposer = await prisma.user.findFirstOrThrow({
      where: { organisationId: partnerId },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const createdAt = day(spec.startsOn - 60);
    const collaboration = await prisma.collaboration.create({
      data: {
        partnerOrganisationId: partnerId,
        proposedById: proposer.id,
        title: spec.title,
        topic: spec.topic,
        regionCode: spec.regionCode,
        offer: spec.offer,
        askOfCity: spec.askOfCity,
        startsOn: day(spec.startsOn),
        endsOn: day(spec.endsOn),
        createdAt,
      },
      select: { id: true },
    });
    const events: {
      actorUserId: string;
      actorOrganisationId: string;
      action: string;
      fromStatus: string | null;
      toStatus: string;
      reason: string | null;
    }[] = [
      {
        actorUserId: proposer.id,
        actorOrganisationId: partnerId,
        action: "collaboration.proposed",
        toStatus: "RECEIVED",
        reason: null,
        fromStatus: null,
      },
    ];
    const officeUser = await prisma.user.findFirst({
      where: { organisationId: orgId(spec.office) },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    let from: CollaborationStatus = "RECEIVED";
    for (const [step, to] of spec.path.entries()) {
      await prisma.collaboration.update({
        where: { id: collaboration.id },
        data: {
          status: to,
          statusReason: REASON[to]!,
          officeId: orgId(spec.office),
          ...(to === "AGREED" && { mouReference: spec.mou!, mouSignedOn: day(spec.startsOn - 10 + index) }),
          updatedAt: day(spec.startsOn - 40 + step * 15),
        },
      });
      events.push({
        actorUserId: officeUser?.id ?? staffUserId,
        actorOrganisationId: orgId(spec.office),
        action: "collaboration.status_changed",
        fromStatus: from,
        toStatus: to,
        reason: REASON[to]!,
      });
      from = to;
    }
    await prisma.auditEvent.createMany({
      data: events.map((event, step) => ({
        ...event,
        entityType: "collaboration",
        entityId: collaboration.id,
        createdAt: new Date(createdAt.getTime() + step * 7 * DAY),
      })),
    });
  }
}
