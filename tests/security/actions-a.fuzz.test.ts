import { vi } from "vitest";
import { shard } from "./support/actions.ts";
import { fuzzActions } from "./support/action-fuzz.ts";

vi.mock("@/lib/auth/guards.ts", async (importOriginal) => (await import("./support/cached-guards.ts")).cachedGuards(importOriginal));

// Half of the server actions (the other half: actions-b.fuzz.test.ts), so the two
// halves run on two workers, each on its own database copy.
fuzzActions(shard(1, 2), 1);
