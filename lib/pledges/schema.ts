import { z } from "zod";
import {
  calendarDate,
  EARLIEST_DATE,
  shownText,
  today,
  version,
  wholeNumber,
  optionalWholeNumber,
  yearsAhead,
} from "@/lib/input/schema.ts";
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from "./limits.ts";

export { MAX_PHOTO_BYTES, MAX_PHOTOS };

const id = z.string().regex(/^[a-z0-9_]{1,64}$/i, "notFound");
const optionalText = (max: number) =>
  shownText(z.string().trim().max(max, "tooBig"))
    .optional()
    .transform((value) => value || undefined);
// Whole units only, and far below anything a need could ask for.
const quantity = wholeNumber({ max: 10_000_000, invalid: "quantityInvalid", tooSmall: "quantityInvalid", tooBig: "quantityTooLarge" });

export const createPledgeSchema = z
  .object({
    needId: id,
    quantity,
    deliveryMode: z.enum(["DIRECT", "AGGREGATOR"], "required"),
    aggregatorId: z
      .string()
      .optional()
      .transform((value) => value || undefined),
    // The need's deadline, checked by the service, is the real limit.
    plannedDeliveryOn: calendarDate({ from: today, to: yearsAhead(5), outOfRange: "plannedDateOutOfRange" }),
    note: optionalText(1000),
    idempotencyKey: z.uuid("invalid"),
  })
  .superRefine((value, ctx) => {
    if (value.deliveryMode === "AGGREGATOR" && !value.aggregatorId)
      ctx.addIssue({ code: "custom", path: ["aggregatorId"], message: "aggregatorRequired" });
  });

export const PLEDGE_TARGET_STATUSES = ["APPROVED", "REJECTED", "SCHEDULED", "IN_DELIVERY", "CONFIRMED", "CANCELLED"] as const;

export const changePledgeStatusSchema = z.object({
  pledgeId: id,
  version,
  to: z.enum(PLEDGE_TARGET_STATUSES, "invalid"),
  reason: optionalText(1000),
  /** Where to go afterwards: the pledge's page (default), or back to the staff inbox it was changed from. */
  returnTo: z.enum(["inbox"], "invalid").optional(),
});

export const bulkReviewSchema = z
  .object({
    "pledge[]": z
      .array(z.string().regex(/^[a-z0-9_]{1,64}:\d{1,9}$/i, "invalid"), "noneSelected")
      .min(1, "noneSelected")
      .max(100, "tooBig"),
    to: z.enum(["APPROVED", "REJECTED"], "invalid"),
    reason: optionalText(1000),
  })
  .superRefine((value, ctx) => {
    if (value.to === "REJECTED" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
  });

export const recordDeliverySchema = z.object({
  pledgeId: id,
  version,
  deliveredOn: calendarDate({ from: EARLIEST_DATE, to: today, outOfRange: "deliveredOnOutOfRange" }),
  quantity,
  recipientGroup: shownText(z.string().trim().min(2, "required").max(120, "tooBig")),
  recipientCount: optionalWholeNumber({ max: 1_000_000 }),
  notes: optionalText(2000),
  "photos[]": z
    .array(z.instanceof(File))
    .optional()
    .transform((files) => (files ?? []).filter((file) => file.size > 0))
    .pipe(z.array(z.instanceof(File)).max(MAX_PHOTOS, "tooManyPhotos"))
    .refine((files) => files.every((file) => file.size <= MAX_PHOTO_BYTES), "pledge.photoTooLarge"),
});
