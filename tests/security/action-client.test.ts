import { describe, expect, it } from "vitest";
import { formInput } from "@/lib/actions/define.ts";
import { updateProfileAction } from "@/lib/accounts/actions.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";
import { testDb } from "@/tests/helpers/db.ts";

// The two bugs the fuzz found, pinned down so they stay fixed.
describe("the action client", () => {
  it("keeps a posted __proto__ as a field, never as the input's prototype", () => {
    const data = form({ name: "Sari" });
    data.append("__proto__", "a");
    data.append("__proto__", "b");
    data.append("constructor", new File(["x"], "x.txt"));
    const input = formInput(data);
    expect(Object.getPrototypeOf(input)).toBeNull();
    expect(Object.keys(input).sort()).toEqual(["__proto__", "constructor", "name"]);
    expect(input.__proto__).toEqual(["a", "b"]);
    expect(({} as Record<string, unknown>).length).toBeUndefined();
  });

  it("refuses a NUL character as invalid input instead of failing in the database", async () => {
    const userId = await userIdByEmail("donor@ksbb.test");
    actAs(userId);
    const result = await updateProfileAction(null, form({ name: "Nurul\u0000Fadhilah" }));
    expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { name: "Isian tidak valid." } });
    const [row] = await testDb().query<{ name: string }>(`SELECT name FROM app_user WHERE id = $1`, [userId]);
    expect(row!.name).not.toContain("\u0000");
  });
});
