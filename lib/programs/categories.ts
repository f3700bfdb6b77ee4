import type { BeneficiaryKind, NeedUnit, ProgramCategory } from "@/lib/generated/prisma/enums.ts";

export interface CategoryInfo {
  /** Planned categories are shown but take no needs yet. */
  active: boolean;
  units: readonly NeedUnit[];
  beneficiaryKinds: readonly BeneficiaryKind[];
}

// The KSBB categories in the order the city presents them. Names and descriptions
// live in messages/*.json under "category.<KEY>".
export const CATEGORIES: Readonly<Record<ProgramCategory, CategoryInfo>> = {
  PANGAN: { active: true, units: ["FOOD_PACKAGE"], beneficiaryKinds: ["HOUSEHOLD"] },
  UMKM: { active: true, units: ["BUSINESS_PACKAGE", "WORKING_CAPITAL_GRANT"], beneficiaryKinds: ["BUSINESS"] },
  PENDIDIKAN: { active: true, units: ["DEVICE", "DATA_PACKAGE"], beneficiaryKinds: ["STUDENT", "TEACHER"] },
  PERMUKIMAN: {
    active: true,
    units: ["HOUSE_REPAIR", "SANITATION_UNIT", "PATH_METRE"],
    beneficiaryKinds: ["HOUSEHOLD", "RESIDENT"],
  },
  PERSAMPAHAN: { active: false, units: [], beneficiaryKinds: [] },
  TENAGA_KERJA: { active: false, units: [], beneficiaryKinds: [] },
};

export const CATEGORY_KEYS = Object.keys(CATEGORIES) as ProgramCategory[];
export const ACTIVE_CATEGORIES = CATEGORY_KEYS.filter((key) => CATEGORIES[key].active);
