/**
 * Any CSV or TSV export (spec §4): social-tool inboxes, spreadsheets a consultant assembled, Excel
 * "Texto Unicode" files. Columns are found by English and Spanish header synonyms or `--map`.
 */
import { InputError } from '../../errors.js';
import type { PostRecord } from '../../contract/post.js';
import { chooseDelimiter, forEachCsvRecord, headerKey } from '../csv/read-csv.js';
import {
  CSV_FIELDS, HEADER_SYNONYMS, looksSpanish, parseFlagCell, parseRoleCell, platformOf, REQUIRED_FIELDS, type CsvField,
} from '../csv/header-synonyms.js';
import { inferDateOrder, looksNumericDate, parseFlexibleDate, type DateOrder } from '../../time/dates.js';
import { clip, decodeHtmlEntities, repairMojibake, unwrapSpreadsheetCell } from '../text-cleanup.js';
import type { AdapterInput, IngestAdapter, IngestOptions, IngestSink } from '../../contract/adapter.js';

/** Records held back to decide the date order of the whole column before any row is read. */
const DATE_SAMPLE_RECORDS = 2000;
const NOT_CSV = { confidence: 0 };
const EXCEL_SCIENTIFIC = /^\d(?:[.,]\d+)?e\+?\d+$/i;

export const genericCsvAdapter: IngestAdapter = {
  id: 'generic-csv',
  title: 'Generic CSV/TSV export',
  detection: 'any other delimited text (.csv, .tsv, .txt) whose header maps id, author, created_at and text by English/Spanish synonyms or --map; delimiter sniffed (, ; tab |)',
  yields: 'one post per row; threads from in_reply_to or thread_id; role, rating, platform, lang, url and deleted when present; every customer thread counts as addressed to the brand (an export of its own channels)',
  capabilities: { customerTexts: true, deletions: 'when-column', ratings: 'when-column', datePrecision: 'exact', layout: 'single-channel' },
  detect(sample) {
    const text = sample.head.replace(/^\ufeff/, '').replace(/^sep=.\r?\n/i, '');
    const header = text.split(/\r?\n/, 1)[0] ?? '';
    if (!/[,;\t|]/.test(header) || /^\s*[{[]/.test(header)) return NOT_CSV;
    const { delimiter } = chooseDelimiter(text);
    // A header with two known column names, or lines that split into the same number of fields, at least the
    // four required ones (prose with a comma per line is not a table).
    const known = new Set(Object.values(HEADER_SYNONYMS).flat());
    // A generic reader: any specific layout that also matches (TWCS, a tool's export) is surer and wins.
    if (header.split(delimiter).filter((cell) => known.has(headerKey(cell))).length >= 2) return { confidence: 0.5 };
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '').slice(0, 5);
    const counts = lines.map((line) => line.split(delimiter).length);
    return { confidence: lines.length >= 2 && counts.every((n) => n === counts[0]) && counts[0]! >= REQUIRED_FIELDS.length ? 0.2 : 0 };
  },
  parse: parseGenericCsv,
};

interface ColumnPlan {
  index: Partial<Record<CsvField, number>>;
  keys: string[];
  width: number;
}

async function parseGenericCsv(source: AdapterInput, sink: IngestSink, options: IngestOptions): Promise<void> {
  const { delimiter, excelHint } = chooseDelimiter(source.head.replace(/^\ufeff/, ''));
  let plan: ColumnPlan | undefined;
  let pending: { fields: string[]; line: number }[] | undefined = [];
  let row: RowReader | undefined;
  let sawFirst = false;

  const start = (): void => {
    const sample = pending!;
    pending = undefined;
    row = new RowReader(plan!, sink, options, decideDateOrder(plan!, sample, delimiter, options, sink));
    for (const record of sample) row.read(record.fields, record.line);
  };

  await forEachCsvRecord(source, delimiter, sink, (fields, line) => {
    if (!sawFirst) {
      sawFirst = true;
      // Excel's "sep=;" hint line, which the tokenizer has split on that very delimiter.
      if (excelHint && /^sep=.$/i.test(fields.join(delimiter))) return;
    }
    if (!plan) {
      plan = planColumns(fields, options, source.name);
      return;
    }
    if (pending) {
      pending.push({ fields, line });
      if (pending.length >= DATE_SAMPLE_RECORDS) start();
      return;
    }
    row!.read(fields, line);
  });
  if (!plan) throw new InputError(`${source.name}: the file is empty (no header row)`, 'export the data again; a CSV needs a header row');
  if (pending) start();
  row!.finish();
}

function planColumns(header: string[], options: IngestOptions, name: string): ColumnPlan {
  const keys = header.map(headerKey);
  const index: Partial<Record<CsvField, number>> = {};
  const mapped = new Map(Object.entries(options.columnMap).map(([column, field]) => [headerKey(column), field as CsvField]));
  for (const [column, field] of mapped) {
    const at = keys.indexOf(column);
    if (at < 0) {
      throw new InputError(`${name}: --map names column "${column}", which is not in the header (${header.join(', ')})`);
    }
    index[field] = at;
  }
  const taken = new Set(Object.values(index));
  for (const field of CSV_FIELDS) {
    if (index[field] !== undefined) continue;
    for (const synonym of HEADER_SYNONYMS[field]) {
      const at = keys.indexOf(synonym);
      if (at >= 0 && !taken.has(at)) {
        index[field] = at;
        taken.add(at);
        break;
      }
    }
  }
  const missing = REQUIRED_FIELDS.filter((field) => index[field] === undefined);
  if (missing.length > 0) {
    const expected = missing.map((field) => `${field} (${HEADER_SYNONYMS[field].slice(0, 6).join(', ')}…)`).join('; ');
    throw new InputError(
      `${name}: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. Found: ${header.slice(0, 20).map((h) => clip(h.trim()) || '(empty)').join(', ')}${header.length > 20 ? `… (${header.length} columns)` : ''}. Expected names: ${expected}`,
      `rename the columns or map them, e.g. --map "${clip(header[0]?.trim() ?? '') || 'Column'}=${missing[0]}"`,
    );
  }
  return { index, keys, width: header.length };
}

function decideDateOrder(plan: ColumnPlan, sample: { fields: string[] }[], delimiter: string, options: IngestOptions, sink: IngestSink): DateOrder {
  const at = plan.index.created_at!;
  const values = sample.map((record) => record.fields[at] ?? '');
  if (!values.some(looksNumericDate)) return options.dateOrder ?? 'day-first';
  if (options.dateOrder) {
    sink.note(`numeric dates read ${options.dateOrder} (--date-order)`);
    return options.dateOrder;
  }
  const inferred = inferDateOrder(values);
  if (inferred) {
    sink.note(`numeric dates read ${inferred.order}: "${inferred.evidence}" proves it`);
    return inferred.order;
  }
  const spanish = delimiter === ';' || looksSpanish(plan.keys);
  const order: DateOrder = spanish ? 'day-first' : 'month-first';
  sink.note(
    `numeric dates are ambiguous (no day over 12 in the first rows); read ${order} because ${spanish ? 'the file looks Spanish/European (";" or Spanish headers)' : 'the file looks English'} — pass --date-order to be sure`,
  );
  return order;
}

/** Turns data rows into posts, with a warning for every row it cannot use. */
class RowReader {
  private readonly at: Partial<Record<CsvField, number>>;
  private readonly roleKey: string;
  private readonly platformKey: string;
  private naiveTimes = 0;
  private dateOnly = 0;
  private roundedIds = 0;

  constructor(
    private readonly plan: ColumnPlan,
    private readonly sink: IngestSink,
    private readonly options: IngestOptions,
    private readonly dateOrder: DateOrder,
  ) {
    this.at = plan.index;
    this.roleKey = plan.index.role === undefined ? '' : plan.keys[plan.index.role]!;
    this.platformKey = plan.index.platform === undefined ? '' : plan.keys[plan.index.platform]!;
    if (plan.index.deleted !== undefined) sink.tracksDeletion();
  }

  read(fields: string[], line: number): void {
    const { sink, at } = this;
    if (fields.length !== this.plan.width) {
      const extraEmpty = fields.length > this.plan.width && fields.slice(this.plan.width).every((f) => f.trim() === '');
      if (!extraEmpty) {
        sink.warn({ line, code: 'ragged-row', message: `expected ${this.plan.width} fields, found ${fields.length}; row skipped` });
        return;
      }
    }
    const cell = (field: CsvField): string => {
      const i = at[field];
      return i === undefined ? '' : unwrapSpreadsheetCell(fields[i]!.trim());
    };

    let id = stripPandasFloat(cell('id'));
    if (id === '') {
      id = `row-${line}`;
      sink.warn({ line, code: 'missing-id', message: `empty id; the row was kept as "${id}" (replies cannot point to it)` });
    } else if (EXCEL_SCIENTIFIC.test(id)) {
      sink.warn({ line, code: 'excel-mangled-id', message: `id "${id}" was turned into a number by Excel and lost digits; kept as "${id}@${line}", replies cannot be linked to it` });
      id = `${id}@${line}`;
    } else if (/^\d{16,}$/.test(id) && id.endsWith('000')) this.roundedIds++;

    const author = cell('author');
    if (author === '') {
      sink.warn({ line, code: 'missing-author', message: 'empty author; row skipped' });
      return;
    }
    const rawDate = cell('created_at');
    const parsed = parseFlexibleDate(rawDate, this.dateOrder, this.options.timezone);
    if (!parsed) {
      sink.warn({ line, code: 'bad-date', message: `created_at "${clip(rawDate)}" is not a date we can read (use ISO 8601, e.g. 2024-05-01T10:00:00+02:00); row skipped` });
      return;
    }
    if (!parsed.hasOffset) this.naiveTimes++;
    if (parsed.dateOnly) this.dateOnly++;

    let inReplyTo: string | undefined = stripPandasFloat(cell('in_reply_to')) || undefined;
    if (inReplyTo && EXCEL_SCIENTIFIC.test(inReplyTo)) {
      sink.warn({ line, code: 'excel-mangled-id', message: `in_reply_to "${inReplyTo}" was turned into a number by Excel; the reply link was dropped` });
      inReplyTo = undefined;
    }
    const record: PostRecord = {
      id,
      platform: platformOf(cell('platform'), this.platformKey),
      author,
      time: parsed.ms,
      text: repairMojibake(decodeHtmlEntities(at.text === undefined ? '' : fields[at.text]!)),
      inReplyTo: inReplyTo === id ? undefined : inReplyTo,
      threadId: cell('thread_id') || undefined,
      url: cell('url') || undefined,
      lang: cell('lang').toLowerCase() || undefined,
      line,
    };
    const rating = cell('rating');
    if (rating !== '') {
      const value = parseRating(rating);
      if (value === null) sink.warn({ line, code: 'bad-rating', message: `rating "${clip(rating)}" is not 1–5 stars; rating ignored` });
      else record.rating = value;
    }
    const role = cell('role');
    if (role !== '') {
      const value = parseRoleCell(role, this.roleKey);
      if (value === null) sink.warn({ line, code: 'bad-role', message: `role "${clip(role)}" is neither brand nor customer; the brand handles decide` });
      else record.role = value;
    }
    const deleted = cell('deleted');
    if (deleted !== '') {
      const value = parseFlagCell(deleted);
      if (value === null) sink.warn({ line, code: 'bad-flag', message: `deleted "${clip(deleted)}" is not true/false; read as false` });
      else if (value) record.deleted = true;
    }
    sink.post(record);
  }

  finish(): void {
    if (this.naiveTimes > 0) {
      this.sink.note(`${this.naiveTimes} timestamp${this.naiveTimes === 1 ? '' : 's'} had no UTC offset and were read as ${this.options.timezone} time (--timezone)`);
    }
    if (this.dateOnly > 0) this.sink.note(`${this.dateOnly} row${this.dateOnly === 1 ? '' : 's'} had a date without a time of day (read as midnight): response times involving them are approximate`);
    if (this.roundedIds > 0) {
      this.sink.warn({ code: 'excel-rounded-ids', message: `${this.roundedIds} long ids end in "000", the mark of Excel rounding; replies may link to the wrong post` });
    }
  }
}

/** pandas writes integer columns with gaps as floats ("1001.0"); the id is "1001". */
function stripPandasFloat(value: string): string {
  return /^\d+\.0$/.test(value) ? value.slice(0, -2) : value;
}

/** "4", "4,5", "4.5", "4/5", "★★★★". */
export function parseRating(value: string): number | null {
  const stars = [...value].filter((ch) => ch === '★').length;
  if (stars > 0) return stars <= 5 ? stars : null;
  const m = /^(\d(?:[.,]\d+)?)(?:\s*\/\s*5)?$/.exec(value.trim());
  if (!m) return null;
  const n = Number(m[1]!.replace(',', '.'));
  return n >= 1 && n <= 5 ? n : null;
}
