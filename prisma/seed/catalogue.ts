import type { BeneficiaryKind, NeedUnit, OrganisationKind, ProgramCategory } from "@/lib/generated/prisma/enums.ts";

// Fictional organisations and people for the demo data. City offices carry the
// names of the real Jakarta agencies that own each program.

export interface SeedOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  verified: boolean;
  showPublicly: boolean;
  /** Aggregators: the kota they serve (every kelurahan in them). */
  kotaServed?: string[];
  capacity?: number;
  /** Its public profile on /kolaborator (fictional: websites use the reserved .example domain). */
  description?: string;
  website?: string;
}

export const ORGANISATIONS: SeedOrganisation[] = [
  { key: "dinsos", name: "Dinas Sosial Provinsi DKI Jakarta", kind: "CITY_OFFICE", verified: true, showPublicly: true },
  { key: "ppkukm", name: "Dinas PPKUKM Provinsi DKI Jakarta", kind: "CITY_OFFICE", verified: true, showPublicly: true },
  { key: "disdik", name: "Dinas Pendidikan Provinsi DKI Jakarta", kind: "CITY_OFFICE", verified: true, showPublicly: true },
  { key: "dprkp", name: "Dinas Perumahan Rakyat dan Kawasan Permukiman", kind: "CITY_OFFICE", verified: true, showPublicly: true },
  { key: "dlh", name: "Dinas Lingkungan Hidup Provinsi DKI Jakarta", kind: "CITY_OFFICE", verified: true, showPublicly: true },
  { key: "nakertrans", name: "Dinas Tenaga Kerja, Transmigrasi dan Energi", kind: "CITY_OFFICE", verified: true, showPublicly: true },
  {
    key: "agg-amal",
    name: "Yayasan Amal Bersama Ibukota",
    kind: "AGGREGATOR",
    verified: true,
    showPublicly: true,
    kotaServed: ["31.71", "31.73"],
    capacity: 4000,
    description:
      "Yayasan yang mengantar bantuan pangan dan perlengkapan sekolah ke warga Jakarta Pusat dan Jakarta Selatan sejak 2012, bersama relawan RW.",
    website: "https://amalbersama.example",
  },
  {
    key: "agg-kasih",
    name: "Palang Kasih Nusantara",
    kind: "AGGREGATOR",
    verified: true,
    showPublicly: true,
    kotaServed: ["31.72", "31.75"],
    capacity: 6000,
  },
  {
    key: "agg-dompet",
    name: "Dompet Peduli Kampung",
    kind: "AGGREGATOR",
    verified: true,
    showPublicly: true,
    kotaServed: ["31.74", "31.71", "31.01"],
    capacity: 3000,
  },
  {
    key: "agg-lumbung",
    name: "Lumbung Berbagi Jakarta",
    kind: "AGGREGATOR",
    verified: true,
    showPublicly: false,
    kotaServed: ["31.73", "31.75", "31.74"],
    capacity: 2500,
  },
  {
    key: "agg-relawan",
    name: "Koperasi Relawan Betawi",
    kind: "AGGREGATOR",
    verified: false,
    showPublicly: false,
    kotaServed: ["31.72"],
    capacity: 800,
  },
  {
    key: "pt-cahaya",
    name: "PT Cahaya Timur Makmur",
    kind: "COMPANY",
    verified: true,
    showPublicly: true,
    description: "Distributor bahan pokok di Jakarta Timur. Program tanggung jawab sosial kami menyalurkan paket sembako setiap bulan.",
    website: "https://cahayatimur.example",
  },
  { key: "pt-bumi", name: "PT Bumi Karya Digital", kind: "COMPANY", verified: true, showPublicly: true },
  { key: "pt-samudra", name: "PT Samudra Pangan Lestari", kind: "COMPANY", verified: true, showPublicly: false },
  { key: "cv-mitra", name: "CV Mitra Teknik Mandiri", kind: "COMPANY", verified: false, showPublicly: false },
  {
    key: "yay-pelita",
    name: "Yayasan Pelita Anak Negeri",
    kind: "FOUNDATION",
    verified: true,
    showPublicly: true,
    description: "Beasiswa, buku dan seragam untuk anak-anak di kampung padat Jakarta.",
    website: "https://pelitaanak.example/tentang",
  },
  { key: "yay-rumah", name: "Yayasan Rumah Harapan Kita", kind: "FOUNDATION", verified: true, showPublicly: true },
  { key: "yay-cendekia", name: "Yayasan Cendekia Muda", kind: "FOUNDATION", verified: false, showPublicly: false },
  {
    key: "kom-gowes",
    name: "Komunitas Gowes Peduli Sesama",
    kind: "COMMUNITY_GROUP",
    verified: true,
    showPublicly: true,
    description: "Pesepeda akhir pekan yang mengumpulkan dan mengantar bantuan ke kelurahan yang membutuhkan.",
  },
  { key: "kom-dapur", name: "Relawan Dapur Umum Kemayoran", kind: "COMMUNITY_GROUP", verified: true, showPublicly: true },
  { key: "kom-taruna", name: "Karang Taruna Tunas Bangsa", kind: "COMMUNITY_GROUP", verified: false, showPublicly: false },
  { key: "ind-rina", name: "Rina Kusumawati", kind: "INDIVIDUAL", verified: true, showPublicly: false },
  { key: "ind-yusuf", name: "Yusuf Hidayatullah", kind: "INDIVIDUAL", verified: true, showPublicly: false },
  { key: "ind-maya", name: "Maya Anggraini Putri", kind: "INDIVIDUAL", verified: false, showPublicly: false },
];

export interface SeedUser {
  email: string;
  name: string;
  role: "DONOR" | "AGGREGATOR" | "CITY_STAFF" | "ADMIN";
  organisation: string;
  /** Only demo accounts can sign in; the others are members without a password yet. */
  demo?: boolean;
}

export const DEMO_PASSWORD = "KsbbDemo#2026";

export const USERS: SeedUser[] = [
  { email: "donor@ksbb.test", name: "Bagus Wicaksono", role: "DONOR", organisation: "pt-cahaya", demo: true },
  { email: "agregator@ksbb.test", name: "Nurul Fadhilah", role: "AGGREGATOR", organisation: "agg-amal", demo: true },
  { email: "staf@ksbb.test", name: "Hendra Saputra", role: "CITY_STAFF", organisation: "dinsos", demo: true },
  { email: "admin@ksbb.test", name: "Larasati Wibowo", role: "ADMIN", organisation: "dinsos", demo: true },
];

export interface NeedTemplate {
  item: string;
  unit: NeedUnit;
  beneficiaryKind: BeneficiaryKind;
  target: readonly [number, number];
  /** Beneficiaries per unit of the target (a package feeds one household; a toilet block serves 40). */
  beneficiariesPerUnit: number;
}

export const NEED_TEMPLATES: Record<Exclude<ProgramCategory, "PERSAMPAHAN" | "TENAGA_KERJA">, NeedTemplate[]> = {
  PANGAN: [
    {
      item: "Paket sembako (beras 10 kg, minyak goreng 2 L, gula 1 kg, telur 1 kg)",
      unit: "FOOD_PACKAGE",
      beneficiaryKind: "HOUSEHOLD",
      target: [80, 600],
      beneficiariesPerUnit: 1,
    },
    {
      item: "Paket makanan bergizi untuk keluarga dengan balita",
      unit: "FOOD_PACKAGE",
      beneficiaryKind: "HOUSEHOLD",
      target: [40, 250],
      beneficiariesPerUnit: 1,
    },
    {
      item: "Paket lauk siap masak untuk lansia",
      unit: "FOOD_PACKAGE",
      beneficiaryKind: "HOUSEHOLD",
      target: [30, 150],
      beneficiariesPerUnit: 1,
    },
  ],
  UMKM: [
    {
      item: "Bantuan modal kerja warung kelontong",
      unit: "WORKING_CAPITAL_GRANT",
      beneficiaryKind: "BUSINESS",
      target: [10, 80],
      beneficiariesPerUnit: 1,
    },
    {
      item: "Paket peralatan usaha kuliner rumahan",
      unit: "BUSINESS_PACKAGE",
      beneficiaryKind: "BUSINESS",
      target: [10, 60],
      beneficiariesPerUnit: 1,
    },
    {
      item: "Paket pemasaran daring (ponsel, kuota, pelatihan)",
      unit: "BUSINESS_PACKAGE",
      beneficiaryKind: "BUSINESS",
      target: [10, 50],
      beneficiariesPerUnit: 1,
    },
  ],
  PENDIDIKAN: [
    { item: "Tablet untuk belajar jarak jauh", unit: "DEVICE", beneficiaryKind: "STUDENT", target: [20, 300], beneficiariesPerUnit: 1 },
    { item: "Laptop untuk guru", unit: "DEVICE", beneficiaryKind: "TEACHER", target: [5, 40], beneficiariesPerUnit: 1 },
    {
      item: "Paket kuota internet belajar 3 bulan",
      unit: "DATA_PACKAGE",
      beneficiaryKind: "STUDENT",
      target: [50, 500],
      beneficiariesPerUnit: 1,
    },
  ],
  PERMUKIMAN: [
    {
      item: "Perbaikan rumah tidak layak huni",
      unit: "HOUSE_REPAIR",
      beneficiaryKind: "HOUSEHOLD",
      target: [5, 40],
      beneficiariesPerUnit: 1,
    },
    { item: "Pembangunan MCK komunal", unit: "SANITATION_UNIT", beneficiaryKind: "HOUSEHOLD", target: [1, 6], beneficiariesPerUnit: 40 },
    {
      item: "Perbaikan jalan lingkungan (gang) dan saluran air",
      unit: "PATH_METRE",
      beneficiaryKind: "RESIDENT",
      target: [50, 600],
      beneficiariesPerUnit: 3,
    },
  ],
};
