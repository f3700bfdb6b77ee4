import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";

// What the production build the suite runs against says about itself, so the tests
// follow new routes, actions and limits without being edited.

const dist = path.join(process.cwd(), ".next");
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(dist, file), "utf8")) as T;

/** The id Next.js gave a server action, from the build's server-reference manifest. */
export function actionId(file: string, exportedName: string): string {
  const manifest = readJson<{ node: Record<string, { filename: string; exportedName: string }> }>("server/server-reference-manifest.json");
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${file}#${exportedName} in the build`);
  return found[0];
}

/** experimental.serverActions.bodySizeLimit of the build's config, in bytes. */
export function actionBodyLimit(): number {
  const config = readJson<{ config: { experimental: { serverActions?: { bodySizeLimit?: string | number } } } }>(
    "required-server-files.json",
  );
  const limit = config.config.experimental.serverActions?.bodySizeLimit ?? "1mb";
  if (typeof limit === "number") return limit;
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)$/i.exec(limit.trim());
  if (!match) throw new Error(`cannot read bodySizeLimit ${limit}`);
  return Math.floor(Number(match[1]) * 1024 ** ["b", "kb", "mb", "gb"].indexOf(match[2]!.toLowerCase()));
}

/** Every page and route handler of the build, as URL patterns ("/janji/[id]"). */
export function appRoutes(): { pages: string[]; handlers: string[] } {
  const manifest = readJson<Record<string, string>>("app-path-routes-manifest.json");
  const entries = Object.entries(manifest).filter(([, route]) => !route.startsWith("/_"));
  return {
    pages: entries
      .filter(([file]) => file.endsWith("/page"))
      .map(([, route]) => route)
      .sort(),
    handlers: entries
      .filter(([file]) => file.endsWith("/route"))
      .map(([, route]) => route)
      .sort(),
  };
}

/** A pattern's regular expression: "/janji/[id]" matches "/janji/abc". */
export function routePattern(route: string): RegExp {
  const source = route.replace(/\[\[?\.\.\.[^\]]+\]?\]/g, ".+").replace(/\[[^\]]+\]/g, "[^/]+");
  return new RegExp(`^${source}$`);
}

/** The route with every parameter filled in with a value that matches no record. */
export const placeholderPath = (route: string) => route.replace(/\[\[?\.\.\.[^\]]+\]?\]/g, "tidak-ada").replace(/\[[^\]]+\]/g, "tidak-ada");

/**
 * POSTs a server action as the browser's router does: Next-Action header, and the
 * arguments encoded as React does (the root array in field "0", last; a FormData as "$K1"
 * whose fields, with the form's $ACTION_ID_ marker, are prefixed "_1_"). `withState`: the
 * action takes (previousState, formData).
 */
export function postAction(
  request: APIRequestContext,
  options: { path: string; id: string; fields: Record<string, string>; withState: boolean; origin?: string | null; baseURL: string },
): Promise<APIResponse> {
  // In this order: React resolves the root ("0") against the fields that came before it.
  const multipart = new FormData();
  multipart.append(`_1_$ACTION_ID_${options.id}`, "");
  for (const [key, value] of Object.entries(options.fields)) multipart.append(`_1_${key}`, value);
  multipart.append("0", JSON.stringify(options.withState ? [null, "$K1"] : ["$K1"]));
  const headers: Record<string, string> = { "next-action": options.id, accept: "text/x-component" };
  const origin = options.origin === undefined ? new URL(options.baseURL).origin : options.origin;
  if (origin !== null) headers.origin = origin;
  return request.post(options.path, { headers, multipart, maxRedirects: 0 });
}
