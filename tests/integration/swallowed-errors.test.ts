import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// A catch that neither rethrows, nor reads its error, nor says why it may drop it turns a
// database outage into a quiet wrong answer (the bulk review once counted one as "skipped").
// Every catch clause, and every .catch(handler), in the portal's own source must do one of
// the three. Generated code, dependencies, build output and the tests themselves are left out.

const ROOT = path.resolve(import.meta.dirname, "../..");
const SKIPPED_DIRS = new Set([
  "node_modules",
  ".next",
  "dist",
  ".scratch",
  ".git",
  "out",
  ".data",
  "tests",
  "test-results",
  "playwright-report",
  "reports",
  "backups",
  "bench-results",
]);
const SOURCE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    const relative = path.relative(ROOT, file);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) || relative === path.join("lib", "generated") ? [] : sourceFiles(file);
    return SOURCE.test(entry.name) && !/\.test\.[jt]sx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [file] : [];
  });
}

function containsThrow(node: ts.Node): boolean {
  if (ts.isThrowStatement(node)) return true;
  // A throw inside a function defined here runs later, if ever: it does not count.
  if (ts.isFunctionLike(node)) return false;
  return ts.forEachChild(node, containsThrow) ?? false;
}

function references(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node) && node.text === name) return true;
  return ts.forEachChild(node, (child) => references(child, name)) ?? false;
}

/** Every comment in the file, found as the trivia around its tokens (a scanner alone misreads template literals). */
function commentsOf(file: ts.SourceFile): ts.CommentRange[] {
  const found = new Map<number, ts.CommentRange>();
  const visit = (node: ts.Node) => {
    const around = [
      ...(ts.getLeadingCommentRanges(file.text, node.getFullStart()) ?? []),
      ...(ts.getTrailingCommentRanges(file.text, node.getEnd()) ?? []),
    ];
    for (const range of around) found.set(range.pos, range);
    node.getChildren(file).forEach(visit);
  };
  visit(file);
  return [...found.values()];
}

/** A comment inside [start, end), or one ending on the line just above `start`'s line (or before it on that line). */
function explained(file: ts.SourceFile, comments: ts.CommentRange[], start: number, end: number): boolean {
  const line = file.getLineAndCharacterOfPosition(start).line;
  return comments.some((comment) => {
    if (comment.pos >= start && comment.pos < end) return true;
    const endLine = file.getLineAndCharacterOfPosition(comment.end).line;
    return comment.end <= start && (endLine === line - 1 || endLine === line);
  });
}

/** file:line of every catch that swallows its error without a word. */
export function swallowedErrors(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const comments = commentsOf(file);
  const found: string[] = [];
  const report = (node: ts.Node) => found.push(`${fileName}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`);
  const visit = (node: ts.Node) => {
    if (ts.isCatchClause(node)) {
      const name =
        node.variableDeclaration && ts.isIdentifier(node.variableDeclaration.name) ? node.variableDeclaration.name.text : undefined;
      const handled = containsThrow(node.block) || (name !== undefined && references(node.block, name));
      if (!handled && !explained(file, comments, node.getStart(file), node.end)) report(node);
    }
    // promise.catch(() => …): the same rule for the handler.
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "catch") {
      const handler = node.arguments[0];
      if (handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) {
        const parameter = handler.parameters[0];
        const name = parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
        const handled = containsThrow(handler.body) || (name !== undefined && references(handler.body, name));
        if (!handled && !explained(file, comments, node.expression.name.getStart(file), node.end)) report(node.expression.name);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("no catch hides a failure", () => {
  it("every catch in the source rethrows, reads its error, or says why it may drop it", () => {
    const files = sourceFiles(ROOT);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => swallowedErrors(path.relative(ROOT, file), fs.readFileSync(file, "utf8")));
    expect(found, `catches that swallow their error without a comment:\n${found.join("\n")}`).toEqual([]);
  });

  it("tells a silent catch from one that rethrows, reads its error, or explains itself", () => {
    const bad = [
      "try { run(); } catch { return null; }",
      "try { run(); } catch (error) { return null; }",
      "try { run(); } catch { setTimeout(() => { throw new Error('later'); }); }",
      "load().catch(() => undefined);",
      "load().catch((error) => null);",
      "const a = `${x}`; try { run(); } catch { return `${y}`; }",
      "// an unrelated comment\n\nload().catch(() => undefined);",
    ];
    const good = [
      "try { run(); } catch (error) { if (!(error instanceof Gone)) throw error; }",
      "try { run(); } catch { throw new Error('x'); }",
      "try { run(); } catch (error) { console.error(error); }",
      "try { run(); } catch {\n  // not JSON: the caller shows the form again\n  return null;\n}",
      "try {\n  run();\n  // a missing file is the usual case\n} catch {\n  return null;\n}",
      "load().catch((error: unknown) => log(error));",
      "// closing after a failure: the first error is the one thrown\nload().catch(() => undefined);",
    ];
    expect(bad.map((text) => swallowedErrors("bad.ts", text))).toEqual([...bad.slice(0, -1).map(() => ["bad.ts:1"]), ["bad.ts:3"]]);
    expect(good.flatMap((text) => swallowedErrors("good.ts", text))).toEqual([]);
  });
});
