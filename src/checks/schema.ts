// The content model of works and chapters as plain Zod schemas, shared by the Astro collections
// (src/content.config.ts) and the fast checker (src/checks/content.ts, `npm run check:content`),
// so both judge a file by the same rules.
import { z } from 'astro/zod';

const languages = z.enum(['id', 'en', 'su']);
const perLanguage = <T extends z.ZodType>(schema: T) => z.object({ id: schema.optional(), en: schema.optional(), su: schema.optional() });

export const person = z.object({
  name: z.string().min(1),
  /** e.g. "Pembimbing", "Penguji", "Ketua Program Studi" */
  role: z.string().optional(),
});

export const workSchema = z
  .object({
    /** Titles as the source prints them; `id` is the original unless `language` says otherwise. */
    title: perLanguage(z.string().min(1)),
    /** True when the source has no title page and the title was read from the text. */
    titleDerived: z.boolean().default(false),
    /** Empty when the source does not name its author(s); `sourceNote` must then say so. */
    authors: z.array(z.object({ name: z.string().min(1), affiliation: z.string().optional() })),
    type: z.enum(['skripsi', 'journal-article', 'thesis-chapter']),
    institution: z.string().optional(),
    faculty: z.string().optional(),
    programme: z.string().optional(),
    city: z.string().optional(),
    /** Publication or examination year; absent when the source does not give it. */
    year: z.number().int().min(1900).max(2100).optional(),
    /** Period the study covers, e.g. "2014–2018". */
    period: z.string().optional(),
    language: languages,
    supervisors: z.array(person).default([]),
    examiners: z.array(person).default([]),
    /** Officials who approved the thesis (Dekan, Ketua Program Studi) on the approval page. */
    officials: z.array(person).default([]),
    examDate: z.coerce.date().optional(),
    journal: z
      .object({
        name: z.string(),
        volume: z.string(),
        issue: z.string(),
        firstPage: z.number().int(),
        lastPage: z.number().int(),
        eissn: z.string().optional(),
        pissn: z.string().optional(),
        url: z.url().optional(),
      })
      .optional(),
    keywords: perLanguage(z.array(z.string().min(1))),
    /** Abstract paragraphs per language (Markdown inline emphasis allowed). */
    abstracts: perLanguage(z.array(z.string().min(1)).min(1)),
    /**
     * The front matter's labels as the source prints them, so the work page shows them as printed
     * (Markdown emphasis allowed): each abstract's heading ("ABSTRAK", "RINGKESAN") and its whole
     * keyword line ("Kata kunci: *International Labour Organization, …, Nusa Tenggara Timur.*"),
     * per language, and the headings of the motto and the declaration. What the source does not
     * print is labelled by the interface instead, and then not taken for the author's words.
     */
    printed: z
      .object({
        abstractHeading: perLanguage(z.string().min(1)).default({}),
        keywords: perLanguage(z.string().min(1)).default({}),
        mottoHeading: z.string().min(1).optional(),
        declarationHeading: z.string().min(1).optional(),
      })
      .default({ abstractHeading: {}, keywords: {} }),
    /**
     * False when the source prints no reference list: the work's "Daftar Pustaka" page is then the
     * editor's list, compiled from its citations (or its notes), and says so.
     */
    referenceListPrinted: z.boolean().default(true),
    motto: z.array(z.string()).optional(),
    /** The signed statement of originality (HALAMAN PERNYATAAN), paragraphs, where the source has one. */
    declaration: z.array(z.string()).optional(),
    citationStyle: z.enum(['apa', 'chicago-author-date', 'vancouver', 'chicago-notes']),
    /** What the source is and what is missing from it, shown to readers. */
    sourceNote: z.string().min(1),
    /** The source text kept in content/sources/ for the fidelity test. */
    sourceFile: z.string().regex(/^[\w.-]+\.txt$/),
    order: z.number().int(),
  })
  .refine((w) => w.title[w.language], { message: 'title must be given in the work’s own language', path: ['title'] })
  .refine((w) => w.type !== 'journal-article' || w.journal, { message: 'a journal article needs `journal`', path: ['journal'] });

/** A chapter's front matter; `work` is a reference to the works collection in Astro, a slug here. */
export const chapterSchema = <W extends z.ZodType>(work: W) =>
  z.object({
    work,
    /** Position in the work, 1-based; unique within a work. */
    order: z.number().int().min(1),
    /** The label the source gives, e.g. "BAB I"; absent for unnumbered parts (Kata Pengantar). */
    number: z.string().optional(),
    title: z.string().min(1),
    /** Short title for navigation (defaults to `title`). */
    shortTitle: z.string().optional(),
    /**
     * The work's reference list ("Daftar Pustaka"): the page shows the work's entries from
     * content/bibliography.json after the file's own text (an editor's note, if any).
     */
    references: z.boolean().default(false),
  });
