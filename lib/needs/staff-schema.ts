import { z } from "zod";
import { BeneficiaryKind, NeedPriority, NeedUnit } from "@/lib/generated/prisma/enums.ts";
import { pageParam } from "@/lib/pagination.ts";
import { calendarDate, recordId } from "@/lib/programs/schema.ts";
import { DESCRIPTION_MAX, ITEM_MAX, MAX_QUANTITY } from "./limits.ts";

// Inputs of the staff need pages: the need form (create and update from one base),
// closing and reopening, the CSV import and the list's URL parameters. Messages are
// keys under "validation", or full paths into "needAdmin" / "needImport".

export const NEED_STATUSES = ["DRAFT", "OPEN", "FULFILLED", "CLOSED"] as const;
/** What staff choose for a new need (and for a draft, or an open need nobody pledged to yet). */
export const CHOSEN_NEED_STATUSES = ["DRAFT", "OPEN"] as const;
export { DESCRIPTION_MAX, ITEM_MAX, MAX_QUANTITY };

export const kelurahanCode = z.string("required").trim().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "unknownKelurahan");
const noMarkup = (value: string) => !/[<>]/.test(value);
const wholeNumber = z.coerce.number("numberInvalid").int("numberInvalid").min(1, "tooSmall").max(MAX_QUANTITY, "tooBig");
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const needFields = z.object({
  programId: recordId,
  kelurahanCode,
  rw: z.preprocess(blankToUndefined, z.coerce.number("needAdmin.errors.rwInvalid").int("needAdmin.errors.rwInvalid").min(1, "needAdmin.errors.rwInvalid").max(99, "needAdmin.errors.rwInvalid").optional()),
  item: z.string("required").trim().min(2, "tooSmall").max(ITEM_MAX, "tooBig").refine(noMarkup, "noMarkup"),
  description: z.preprocess(blankToUndefined, z.string().trim().max(DESCRIPTION_MAX, "tooBig").refine(noMarkup, "noMarkup").optional()),
  unit: z.enum(NeedUnit, "required"),
  targetQuantity: wholeNumber,
  beneficiaryCount: wholeNumber,
  beneficiaryKind: z.enum(BeneficiaryKind, "required"),
  deadline: calendarDate,
  priority: z.enum(NeedPriority, "required"),
});

export const createNeedSchema = needFields.extend({ status: z.enum(CHOSEN_NEED_STATUSES, "required") });

export const updateNeedSchema = needFields.extend({
  id: recordId,
  version: z.coerce.number().int().min(0),
  /** Sent only while the status is still the person's choice (a draft, or open with no pledges). */
  status: z.preprocess(blankToUndefined, z.enum(CHOSEN_NEED_STATUSES, "required").optional()),
});

export type NeedInput = z.infer<typeof needFields>;
export type CreateNeedInput = z.infer<typeof createNeedSchema>;
export type UpdateNeedInput = z.infer<typeof updateNeedSchema>;

export const closeNeedSchema = z
  .object({
    id: recordId,
    version: z.coerce.number().int().min(0),
    /** What happens to pledges still on their way; asked only when there are some. */
    pledges: z.preprocess(blankToUndefined, z.enum(["keep", "cancel"], "needAdmin.errors.choosePledges").optional()),
    reason: z.preprocess(blankToUndefined, z.string().trim().min(5, "reasonTooShort").max(1000, "tooBig").refine(noMarkup, "noMarkup").optional()),
  })
  .superRefine((value, ctx) => {
    if (value.pledges === "cancel" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
  });

export const reopenNeedSchema = z.object({ id: recordId, version: z.coerce.number().int().min(0) });

export type CloseNeedInput = z.infer<typeof closeNeedSchema>;

export const importNeedsSchema = z.object({
  programId: recordId,
  status: z.enum(CHOSEN_NEED_STATUSES, "required"),
  file: z.instanceof(File, { message: "needImport.errors.fileRequired" }).refine((file) => file.name !== "" || file.size > 0, "needImport.errors.fileRequired"),
});

export const needListParams = z.object({
  program: recordId.optional().catch(undefined),
  kota: z.string().regex(/^\d{2}\.\d{2}$/).optional().catch(undefined),
  status: z.enum(NEED_STATUSES).optional().catch(undefined),
  q: z.string().trim().min(1).max(100).optional().catch(undefined),
  page: pageParam,
});

export type NeedListFilters = z.infer<typeof needListParams>;
