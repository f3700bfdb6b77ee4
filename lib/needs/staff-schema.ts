import { z } from "zod";
import { BeneficiaryKind, NeedPriority, NeedUnit } from "@/lib/generated/prisma/enums.ts";
import { calendarDate, EARLIEST_DATE, optionalWholeNumber, shownText, version, wholeNumber, yearsAhead } from "@/lib/input/schema.ts";
import { pageParam } from "@/lib/pagination.ts";
import { recordId } from "@/lib/programs/schema.ts";
import { DESCRIPTION_MAX, ITEM_MAX, MAX_QUANTITY } from "./limits.ts";

// Inputs of the staff need pages: the need form (create and update from one base),
// closing and reopening, the CSV import and the list's URL parameters. Messages are
// keys under "validation", or full paths into "needAdmin" / "needImport".

export const NEED_STATUSES = ["DRAFT", "OPEN", "FULFILLED", "CLOSED"] as const;
/** What staff choose for a new need (and for a draft, or an open need nobody pledged to yet). */
export const CHOSEN_NEED_STATUSES = ["DRAFT", "OPEN"] as const;
export { DESCRIPTION_MAX, ITEM_MAX, MAX_QUANTITY };

export const kelurahanCode = z
  .string("required")
  .trim()
  .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "unknownKelurahan");
const quantity = wholeNumber({ max: MAX_QUANTITY });
const rwInvalid = "needAdmin.errors.rwInvalid";
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const needFields = z.object({
  programId: recordId,
  kelurahanCode,
  rw: optionalWholeNumber({ max: 99, invalid: rwInvalid, tooSmall: rwInvalid, tooBig: rwInvalid }),
  item: shownText(z.string("required").trim().min(2, "tooSmall").max(ITEM_MAX, "tooBig")),
  description: z.preprocess(blankToUndefined, shownText(z.string().trim().max(DESCRIPTION_MAX, "tooBig")).optional()),
  unit: z.enum(NeedUnit, "required"),
  targetQuantity: quantity,
  beneficiaryCount: quantity,
  beneficiaryKind: z.enum(BeneficiaryKind, "required"),
  // The service keeps new deadlines between today and the program's end; an unchanged past one may stay.
  deadline: calendarDate({ from: EARLIEST_DATE, to: yearsAhead(5), outOfRange: "needAdmin.errors.deadlineOutOfRange" }),
  priority: z.enum(NeedPriority, "required"),
});

export const createNeedSchema = needFields.extend({ status: z.enum(CHOSEN_NEED_STATUSES, "required") });

export const updateNeedSchema = needFields.extend({
  id: recordId,
  version,
  /** Sent only while the status is still the person's choice (a draft, or open with no pledges). */
  status: z.preprocess(blankToUndefined, z.enum(CHOSEN_NEED_STATUSES, "required").optional()),
});

export type NeedInput = z.infer<typeof needFields>;
export type CreateNeedInput = z.infer<typeof createNeedSchema>;
export type UpdateNeedInput = z.infer<typeof updateNeedSchema>;

export const closeNeedSchema = z
  .object({
    id: recordId,
    version,
    /** What happens to pledges still on their way; asked only when there are some. */
    pledges: z.preprocess(blankToUndefined, z.enum(["keep", "cancel"], "needAdmin.errors.choosePledges").optional()),
    reason: z.preprocess(blankToUndefined, shownText(z.string().trim().min(5, "reasonTooShort").max(1000, "tooBig")).optional()),
  })
  .superRefine((value, ctx) => {
    if (value.pledges === "cancel" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
  });

export const reopenNeedSchema = z.object({ id: recordId, version });

export type CloseNeedInput = z.infer<typeof closeNeedSchema>;

export const importNeedsSchema = z.object({
  programId: recordId,
  status: z.enum(CHOSEN_NEED_STATUSES, "required"),
  file: z
    .instanceof(File, { message: "needImport.errors.fileRequired" })
    .refine((file) => file.name !== "" || file.size > 0, "needImport.errors.fileRequired"),
});

export const needListParams = z.object({
  program: recordId.optional().catch(undefined),
  kota: z
    .string()
    .regex(/^\d{2}\.\d{2}$/)
    .optional()
    .catch(undefined),
  status: z.enum(NEED_STATUSES).optional().catch(undefined),
  q: z.string().trim().min(1).max(100).optional().catch(undefined),
  page: pageParam,
});

export type NeedListFilters = z.infer<typeof needListParams>;
