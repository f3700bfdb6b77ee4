/**
 * Prisma's `contains` puts the text inside a LIKE pattern without escaping it, so a
 * search for "_" matched every row. Escape LIKE's wildcards (PostgreSQL's default
 * escape character is the backslash) so search text is matched literally.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
