import { z } from "zod";

const id = z.string().regex(/^[a-z0-9_]{1,64}$/i, "notFound");
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid").refine((value) => !Number.isNaN(Date.parse(value)), "dateInvalid");
const optionalText = (max: number) => z.string().trim().max(max, "tooBig").optional().transform((value) => value || undefined);
// Whole units only, and far below anything a need could ask for.
const quantity = z.coerce.number("quantityInvalid").int("quantityInvalid").min(1, "quantityInvalid").max(10_000_000, "quantityTooLarge");

export const createPledgeSchema = z
  .object({
    needId: id,
    quantity,
    deliveryMode: z.enum(["DIRECT", "AGGREGATOR"], "required"),
    aggregatorId: z.string().optional().transform((value) => value || undefined),
    plannedDeliveryOn: calendarDate,
    note: optionalText(1000),
    idempotencyKey: z.uuid("invalid"),
  })
  .superRefine((value, ctx) => {
    if (value.deliveryMode === "AGGREGATOR" && !value.aggregatorId) ctx.addIssue({ code: "custom", path: ["aggregatorId"], message: "aggregatorRequired" });
  });

export const PLEDGE_TARGET_STATUSES = ["APPROVED", "REJECTED", "SCHEDULED", "IN_DELIVERY", "CONFIRMED", "CANCELLED"] as const;

export const changePledgeStatusSchema = z.object({
  pledgeId: id,
  version: z.coerce.number().int().min(0),
  to: z.enum(PLEDGE_TARGET_STATUSES, "invalid"),
  reason: optionalText(1000),
});

export const bulkReviewSchema = z
  .object({
    "pledge[]": z.array(z.string().regex(/^[a-z0-9_]{1,64}:\d{1,9}$/i, "invalid"), "noneSelected").min(1, "noneSelected").max(100, "tooBig"),
    to: z.enum(["APPROVED", "REJECTED"], "invalid"),
    reason: optionalText(1000),
  })
  .superRefine((value, ctx) => {
    if (value.to === "REJECTED" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
  });

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export const recordDeliverySchema = z.object({
  pledgeId: id,
  version: z.coerce.number().int().min(0),
  deliveredOn: calendarDate,
  quantity,
  recipientGroup: z.string().trim().min(2, "required").max(120, "tooBig").refine((value) => !/[<>]/.test(value), "noMarkup"),
  recipientCount: z.union([z.literal("").transform(() => undefined), z.coerce.number().int("numberInvalid").min(1, "tooSmall").max(1_000_000, "tooBig")]).optional(),
  notes: optionalText(2000),
  "photos[]": z
    .array(z.instanceof(File))
    .optional()
    .transform((files) => (files ?? []).filter((file) => file.size > 0))
    .pipe(z.array(z.instanceof(File)).max(MAX_PHOTOS, "tooManyPhotos")),
});
