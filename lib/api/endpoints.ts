import type { ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { PUBLIC_NEED_STATUSES, SEARCH_MAX_LENGTH } from "@/lib/needs/schema.ts";
import { JDCN_TOPICS, PUBLIC_COLLABORATION_STATUSES } from "@/lib/collaborations/constants.ts";
import { CATEGORY_KEYS } from "@/lib/programs/categories.ts";
import { codeParam, cursorParam, enumParam, integerParam, slugParam, textParam, type ParamSpecs } from "./params.ts";

// Every endpoint of /api/v1 and the parameters it accepts. The route handlers parse
// with these specs and the index (/api/v1) lists them, so the documentation a client
// reads is the validation the server applies.

export const LIMIT_DEFAULT = 100;
const limit = integerParam(1, 500, LIMIT_DEFAULT);
const categories = CATEGORY_KEYS as [ProgramCategory, ...ProgramCategory[]];

export const NEED_ID_PATTERN = /^[a-z0-9_]{1,64}$/i;
const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

export const ENDPOINT_PARAMS = {
  needs: {
    category: enumParam(categories),
    program: slugParam(SLUG_PATTERN),
    kota: codeParam("kota"),
    kecamatan: codeParam("kecamatan"),
    kelurahan: codeParam("kelurahan"),
    status: enumParam(PUBLIC_NEED_STATUSES),
    q: textParam(SEARCH_MAX_LENGTH),
    limit,
    cursor: cursorParam("needs", NEED_ID_PATTERN),
  },
  programs: {
    category: enumParam(categories),
    status: enumParam(["PLANNED", "OPEN", "CLOSED"]),
    limit,
    cursor: cursorParam("programs", SLUG_PATTERN),
  },
  regions: {
    level: enumParam(["PROVINCE", "KOTA", "KECAMATAN", "KELURAHAN"]),
    parent: codeParam("province", "kota", "kecamatan"),
    limit,
    cursor: cursorParam("regions", /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/),
  },
  coverage: {
    level: enumParam(["KOTA", "KECAMATAN", "KELURAHAN"]),
    category: enumParam(categories),
    program: slugParam(SLUG_PATTERN),
    within: codeParam("kota", "kecamatan"),
    limit,
    cursor: cursorParam("coverage", /^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/),
  },
  collaborations: {
    topic: enumParam(JDCN_TOPICS),
    status: enumParam(PUBLIC_COLLABORATION_STATUSES),
    limit,
    cursor: cursorParam("collaborations", /^KL-[2-9A-Z]{4}-[2-9A-Z]{4}$/),
  },
} as const satisfies Record<string, ParamSpecs>;

export type EndpointName = keyof typeof ENDPOINT_PARAMS;
export const ENDPOINT_NAMES = Object.keys(ENDPOINT_PARAMS) as EndpointName[];
