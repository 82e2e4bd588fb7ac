/**
 * A readable, stable anchor for a heading: "1.2 Rumusan Masalah" -> "1-2-rumusan-masalah".
 * Section numbers keep their dots as dashes so 1.11 and 11.1 never collide.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
