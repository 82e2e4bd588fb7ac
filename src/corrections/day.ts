// A correction's day (YYYY-MM-DD) as a reader reads it, in the interface's language: "6 Desember
// 2026", "6 December 2026". The browser's notice formats the same way (src/reading/browser/self-link-actions.ts).
export function formatDay(day: string, locale: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
