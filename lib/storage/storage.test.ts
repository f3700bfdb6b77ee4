import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { describe, expect, it } from "vitest";
import { LocalDiskStore, S3Store, type FileStore } from "./index.ts";

describe("file stores", () => {
  it("local disk keeps files under its folder, never overwrites, and refuses keys that leave it", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ksbb-store-"));
    const store: FileStore = new LocalDiskStore(root);
    await store.put("deliveries/plg_1/a.jpg", Buffer.from("jpeg"), "image/jpeg");
    expect((await store.get("deliveries/plg_1/a.jpg"))?.toString()).toBe("jpeg");
    expect(await store.get("deliveries/plg_1/missing.jpg")).toBeNull();
    await expect(store.put("deliveries/plg_1/a.jpg", Buffer.from("other"), "image/jpeg")).rejects.toThrow();
    await expect(store.put("../escape.jpg", Buffer.from("x"), "image/jpeg")).rejects.toThrow(/bad storage key/);
  });

  it("local disk answers a missing file with null but lets a read failure through", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ksbb-store-"));
    const store = new LocalDiskStore(root);
    fs.mkdirSync(path.join(root, "deliveries/plg_1/unreadable.jpg"), { recursive: true });
    await expect(store.get("deliveries/plg_1/unreadable.jpg")).rejects.toMatchObject({ code: "EISDIR" });
  });

  it("S3 puts with the content type and without overwriting, and reads back", async () => {
    const s3 = mockClient(S3Client);
    s3.on(PutObjectCommand).resolves({});
    s3.on(GetObjectCommand, { Key: "deliveries/plg_1/a.png" }).resolves({
      Body: { transformToByteArray: async () => new Uint8Array(Buffer.from("png")) } as never,
    });
    s3.on(GetObjectCommand, { Key: "deliveries/plg_1/none.png" }).rejects(new NoSuchKey({ message: "no", $metadata: {} }));
    const store = new S3Store(new S3Client({ region: "us-east-1" }), "ksbb-bukti");
    await store.put("deliveries/plg_1/a.png", Buffer.from("png"), "image/png");
    const put = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(put).toMatchObject({ Bucket: "ksbb-bukti", Key: "deliveries/plg_1/a.png", ContentType: "image/png", IfNoneMatch: "*" });
    expect((await store.get("deliveries/plg_1/a.png"))?.toString()).toBe("png");
    expect(await store.get("deliveries/plg_1/none.png")).toBeNull();
    s3.restore();
  });
});
