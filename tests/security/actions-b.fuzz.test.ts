import { vi } from "vitest";
import { shard } from "./support/actions.ts";
import { fuzzActions } from "./support/action-fuzz.ts";

vi.mock("@/lib/auth/guards.ts", async (importOriginal) => (await import("./support/cached-guards.ts")).cachedGuards(importOriginal));

// The other half of the server actions (see actions-a.fuzz.test.ts).
fuzzActions(shard(2, 2), 2);
