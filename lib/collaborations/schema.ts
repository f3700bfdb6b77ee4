import { z } from "zod";
import { calendarDate, EARLIEST_DATE, shownText, yearsAhead } from "@/lib/input/schema.ts";
import { pageParam } from "@/lib/pagination.ts";
import { COLLABORATION_STATUSES, JDCN_TOPICS, MOU_MAX, TEXT_MAX, TITLE_MAX, type CollaborationStatusName } from "./constants.ts";

// JDCN collaboration proposals (issue 16): what a partner proposes, and what staff do with it.

export * from "./constants.ts";

/** Proposals one organisation may send per day (counted in the database, across instances). */
export const PROPOSALS_PER_ORGANISATION_PER_DAY = 5;

const id = z.string().regex(/^[a-z0-9_]{1,64}$/i, "invalid");
const regionCode = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string()
    .regex(/^31\.\d{2}(\.\d{2}\.\d{4})?$/, "collaborations.errors.placeInvalid")
    .optional(),
);
const timelineDate = calendarDate({ from: EARLIEST_DATE, to: yearsAhead(10), outOfRange: "collaborations.errors.dateOutOfRange" });
const text = (min: number, max: number, short: string) => shownText(z.string("required").trim().min(min, short).max(max, "tooBig"));

export const proposeCollaborationSchema = z
  .object({
    title: text(5, TITLE_MAX, "collaborations.errors.titleTooShort"),
    topic: z.enum(JDCN_TOPICS, "collaborations.errors.topicRequired"),
    regionCode,
    offer: text(20, TEXT_MAX, "collaborations.errors.textTooShort"),
    askOfCity: text(20, TEXT_MAX, "collaborations.errors.textTooShort"),
    startsOn: timelineDate,
    endsOn: timelineDate,
  })
  .refine((input) => input.endsOn >= input.startsOn, { path: ["endsOn"], message: "collaborations.errors.endsBeforeStart" });

export const routeCollaborationSchema = z.object({
  collaborationId: id,
  officeId: id,
});

const reason = shownText(z.string("required").trim().min(5, "collaborations.errors.reasonRequired").max(TEXT_MAX, "tooBig"));
const optionalText = (schema: z.ZodType<string>) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

export const stepCollaborationSchema = z
  .object({
    collaborationId: id,
    from: z.enum(COLLABORATION_STATUSES, "invalid"),
    to: z.enum(COLLABORATION_STATUSES, "invalid"),
    reason,
    mouReference: optionalText(shownText(z.string().trim().min(3, "collaborations.errors.mouRequired").max(MOU_MAX, "tooBig"))),
    mouSignedOn: optionalText(
      calendarDate({ from: EARLIEST_DATE, to: (today) => today, outOfRange: "collaborations.errors.mouDateOutOfRange" }),
    ),
  })
  .refine((input) => input.to !== "AGREED" || input.mouReference !== undefined, {
    path: ["mouReference"],
    message: "collaborations.errors.mouRequired",
  })
  .refine((input) => input.to !== "AGREED" || input.mouSignedOn !== undefined, {
    path: ["mouSignedOn"],
    message: "collaborations.errors.mouDateRequired",
  });

/** The staff queue: one status at a time, received first. */
export const collaborationQueueParams = z.object({
  status: z.enum(COLLABORATION_STATUSES).catch("RECEIVED"),
  page: pageParam,
  // After a step (lib/collaborations/actions.ts): what changed, for the confirmation.
  diubah: z
    .enum([...COLLABORATION_STATUSES, "ROUTED"])
    .optional()
    .catch(undefined),
  ref: z
    .string()
    .regex(/^KL-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    .optional()
    .catch(undefined),
});

/** /kolaborasi?topik=… */
export const publicCollaborationParams = z.object({
  topik: z
    .string()
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(JDCN_TOPICS))
    .optional()
    .catch(undefined),
  page: pageParam,
});

export type CollaborationStep = { from: CollaborationStatusName; to: CollaborationStatusName };
