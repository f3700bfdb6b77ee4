import { z } from "zod";

/** The inbox's own address parameters: the pledge just confirmed from it, if any. */
export const inboxParams = z.object({
  dikonfirmasi: z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/i)
    .optional()
    .catch(undefined),
});
