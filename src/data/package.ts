// The whole of content/data/ as one Frictionless Data Package (Data Package 2.0): datapackage.json
// with a resource per CSV (path, titles, a Table Schema whose field descriptions carry the unit,
// the printed source and the work it comes from as sources), and a zip of every CSV with it.
// Licences are left out: neither the works nor the sources they quote state one, and none is invented.
// Plain Node (the CSV and metadata come from read.ts, as everywhere else), called by the pages
// src/pages/data/datapackage.json.ts and data-ntt.zip.ts and by the /data/ page for the zip's size.
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import type { LoadedDataset } from './read.ts';
import { DATA_URL } from '../routes.ts';

export const PACKAGE_FILE = 'datapackage.json';
export const ZIP_FILE = 'data-ntt.zip';
/** Where they are served, beside the CSVs (resource paths are relative to the descriptor). */
export const packageUrl = `${DATA_URL}${PACKAGE_FILE}`;
export const zipUrl = `${DATA_URL}${ZIP_FILE}`;
export const PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

/** What the package says of the work a dataset comes from. */
export interface WorkSource {
  /** The work as cited (APA), plain text. */
  citation: string;
  /** The chapter's page on the site (absolute). */
  chapterUrl: (chapter: string) => string;
}

export interface PackageInput {
  datasets: LoadedDataset[];
  works: Map<string, WorkSource>;
  /** Bibliography key → the entry as formatted on the site (plain text), and its address there. */
  references: Map<string, { text: string; url: string }>;
  /** The /data/ page (absolute). */
  homepage: string;
}

// The descriptions are in Indonesian and English, as the metadata's titles are.
const DIMENSION_FIELDS = {
  region: { title: 'Wilayah / Region', description: 'Kabupaten/kota atau provinsi, sebagaimana tercetak / Regency, city or province, as printed' },
  level: { title: 'Jenjang / Level', description: 'Jenjang pendidikan, sebagaimana tercetak / Level of education, as printed' },
  measure: { title: 'Ukuran / Measure', description: 'Apa yang dihitung / What is counted' },
} as const;

function fields(ds: LoadedDataset) {
  const unit = `${ds.unit.id}${ds.unit.symbol ? ` (${ds.unit.symbol})` : ''} / ${ds.unit.en}`;
  const dimension = ds.dimension && {
    name: ds.dimension,
    type: 'string',
    ...DIMENSION_FIELDS[ds.dimension],
    ...(ds.measures && {
      description: `${DIMENSION_FIELDS.measure.description}: ${Object.entries(ds.measures)
        .map(([k, v]) => `${k} = ${v.id} / ${v.en}`)
        .join('; ')}`,
    }),
    constraints: { required: true, ...(ds.measures && { enum: Object.keys(ds.measures) }) },
  };
  return [
    ...(dimension ? [dimension] : []),
    { name: 'year', type: 'year', title: 'Tahun / Year', constraints: { required: true } },
    {
      name: 'value',
      type: 'number',
      title: 'Nilai / Value',
      description: `Satuan: ${unit}. Sel kosong: sumber mencetak “-” / Unit: ${ds.unit.en}. An empty cell: the source prints “-”.`,
    },
    ...(ds.kind === 'prose'
      ? [
          {
            name: 'quote',
            type: 'string',
            title: 'Kutipan / Quote',
            description: 'Kata-kata sumber yang memberi nilai ini / The words of the source that give this value',
            constraints: { required: true },
          },
        ]
      : []),
  ];
}

function sources(ds: LoadedDataset, input: PackageInput) {
  const work = input.works.get(ds.work);
  const reference = ds.source.bibKey ? input.references.get(ds.source.bibKey) : undefined;
  return [
    // The source as the work prints it, and the bibliography's entry where it is known.
    { title: reference ? `${ds.source.printed} — ${reference.text}` : ds.source.printed, ...(reference && { path: reference.url }) },
    ...(work ? [{ title: `${ds.label ? `${ds.label}, ` : ''}${work.citation}`, path: work.chapterUrl(ds.chapter) }] : []),
  ];
}

/** The descriptor (datapackage.json) of every dataset, in the order of content/data/. */
export function dataPackage(input: PackageInput) {
  return {
    $schema: PROFILE,
    name: 'ruang-baca-ntt-data',
    title: 'Ruang Baca NTT: data statistik dari empat karya tentang Nusa Tenggara Timur',
    description:
      'Tabel statistik dan angka dalam teks dari empat karya tentang perdagangan orang, kemiskinan, dan pekerja migran di NTT, disalin persis dari sumbernya. ' +
      'Statistical tables and figures given in the text of four works on trafficking, poverty and migrant work in East Nusa Tenggara, copied exactly from their sources. ' +
      'Lisensi tidak diketahui: karya-karya itu tidak menyatakannya / Licence unknown: the works do not state one.',
    homepage: input.homepage,
    resources: input.datasets.map((ds) => {
      const bytes = Buffer.byteLength(ds.csv, 'utf8');
      const hash = createHash('sha256').update(ds.csv, 'utf8').digest('hex');
      const schemaFields = fields(ds);
      return {
        name: ds.id,
        type: 'table',
        path: `${ds.id}.csv`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes,
        hash: `sha256:${hash}`,
        title: ds.title.id,
        description: [ds.title.en, ...ds.notes.map((n) => `${n.id} / ${n.en}`)].join(' — '),
        sources: sources(ds, input),
        schema: {
          fields: schemaFields,
          primaryKey: [...(ds.dimension ? [ds.dimension] : []), 'year'],
          missingValues: [''],
        },
      };
    }),
  };
}

export type DataPackage = ReturnType<typeof dataPackage>;

export interface PackageFiles {
  /** datapackage.json as served. */
  json: string;
  /** The zip: datapackage.json and every CSV beside it. */
  zip: Buffer;
}

/** A fixed date for the zip's entries: the same data gives the same file (and the same size on the page). */
const ZIP_DATE = new Date('2024-01-01T00:00:00Z');

export async function packageFiles(input: PackageInput): Promise<PackageFiles> {
  const json = `${JSON.stringify(dataPackage(input), null, 2)}\n`;
  const zip = new JSZip();
  const options = { date: ZIP_DATE, createFolders: false };
  zip.file(PACKAGE_FILE, json, options);
  for (const ds of input.datasets) zip.file(`${ds.id}.csv`, ds.csv, options);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  return { json, zip: bytes };
}
