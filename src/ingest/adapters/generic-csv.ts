/**
 * Any CSV or TSV export (spec §4): social-tool inboxes, spreadsheets a consultant assembled, Excel
 * "Texto Unicode" files. Columns are found by English and Spanish header synonyms or `--map`; the exports of
 * the tools in `TOOL_MAPS` are recognised by their headers and read with the tool's own column map.
 */
import { InputError } from '../../errors.js';
import { type PostRecord, UNNAMED_BRAND_AUTHOR } from '../../contract/post.js';
import { chooseDelimiter, forEachCsvRecord, headerKey, sampleRecords } from '../csv/read-csv.js';
import {
  CSV_FIELDS,
  FIELD_WORDS,
  HEADER_SYNONYMS,
  looksSpanish,
  parseFlagCell,
  parseRoleCell,
  platformOf,
  REQUIRED_FIELDS,
  SYNONYM_EXAMPLES,
  type CsvField,
} from '../csv/header-synonyms.js';
import { TOOL_MAPS, toolOfHeader, type ToolMap } from '../csv/tool-maps.js';
import { inferDateOrder, looksNumericDate, parseFlexibleDate, wallTimeToUtc, type DateOrder, type ParsedDate } from '../../time/dates.js';
import { clip, decodeHtmlEntities, repairMojibake, unwrapSpreadsheetCell } from '../text-cleanup.js';
import type { AdapterCapabilities, AdapterInput, IngestAdapter, IngestOptions, IngestSink } from '../../contract/adapter.js';

/** Records held back to decide the date order of the whole column before any row is read. */
const DATE_SAMPLE_RECORDS = 2000;
const NOT_CSV = { confidence: 0 };
/** Characters of the head tokenized to detect a table. */
const DETECT_CHARS = 16384;
/** Rows of the sample whose values suggest a --map when required columns are missing. */
const HINT_SAMPLE_ROWS = 50;
const EXCEL_SCIENTIFIC = /^\d(?:[.,]\d+)?e\+?\d+$/i;
/** A tool's export is surer than any table with known headers (generic, 0.5), and below exact layouts (TWCS). */
const TOOL_CONFIDENCE = 0.7;
/** Channel names listed in the note on outbound messages. */
const LISTED_CHANNELS = 5;
/** The author of an outbound row of a tool export that names neither its channel nor its agent. */

const CAPABILITIES: AdapterCapabilities = {
  customerTexts: true,
  deletions: 'when-column',
  ratings: 'when-column',
  datePrecision: 'exact',
  layout: 'single-channel',
};

/** The head's first records, `sep=` line and BOM aside; undefined when its first line cannot be a header row. */
function sniffTable(head: string): { delimiter: string; records: string[][] } | undefined {
  const text = head.replace(/^\ufeff/, '').replace(/^sep=.\r?\n/i, '');
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  if (!/[,;\t|]/.test(header) || /^\s*[{[]/.test(header)) return undefined;
  const { delimiter } = chooseDelimiter(text);
  // Records, not lines: a quoted text with commas or line breaks must not make the table look ragged.
  const slice = text.length > DETECT_CHARS ? text.slice(0, DETECT_CHARS) : text;
  return { delimiter, records: sampleRecords(slice, delimiter, 6, slice === text) };
}

export const genericCsvAdapter: IngestAdapter = {
  id: 'generic-csv',
  title: 'Generic CSV/TSV export',
  detection:
    'any other delimited text (.csv, .tsv, .txt) with a header row: columns id, author, created_at and text found by English/Spanish synonyms or --map (a date column plus a time column are combined); delimiter sniffed (, ; tab |); a table without them is named as a CSV with a --map suggestion',
  yields:
    'one post per row; threads from in_reply_to or thread_id; role, rating, platform, channel (page/account/brand), lang, url and deleted when present; every customer thread counts as addressed to the brand (an export of its own channels)',
  capabilities: CAPABILITIES,
  detect(sample) {
    const table = sniffTable(sample.head);
    if (!table) return NOT_CSV;
    const { delimiter, records } = table;
    const cells = records[0] ?? [];
    // A header with two known column names, or records that split into the same number of fields (prose with
    // a comma per line is not a table). A generic reader: any specific layout that also matches (TWCS, a
    // tool's export) is surer and wins.
    const known = new Set(Object.values(HEADER_SYNONYMS).flat());
    if (cells.filter((cell) => known.has(headerKey(cell))).length >= 2) return { confidence: 0.5 };
    const rows = records.slice(1);
    const width = cells.length;
    const sameWidth = rows.length >= 1 && rows.every((row) => row.length === width || (row.length > width && row.slice(width).every((f) => f.trim() === '')));
    if (!sameWidth) return NOT_CSV;
    if (width >= REQUIRED_FIELDS.length) return { confidence: 0.2 };
    // Three columns under a header row: still a CSV, even if it lacks the required columns; parse then says
    // which are missing and suggests a --map, instead of the CLI calling it "unknown format".
    if (width >= 3 && looksLikeHeaderRow(cells, delimiter)) return { confidence: 0.1 };
    return NOT_CSV;
  },
  parse: (source, sink, options) => parseGenericCsv(source, sink, options, undefined),
};

/** One adapter per built-in tool map: the format is named `csv:<tool>` in the report and by --input-format. */
function toolCsvAdapter(map: ToolMap): IngestAdapter {
  const signatures = map.signatures.map((keys) => keys.join(' + ')).join(', or ');
  const fields = Object.keys(map.columns).join(', ');
  return {
    id: `csv:${map.tool}`,
    title: map.title,
    detection: `a CSV/TSV whose header has ${signatures} (case, spaces and accents ignored); its columns are read by a built-in map (${fields}); ${map.unverified}; --map overrides any column`,
    yields: map.contactKeyed
      ? "one post per message, threaded by conversation; the direction column marks the brand's messages (authored by the channel, else the agent), so they count for the brand on the channels --brand names"
      : 'one post per message, as the generic CSV; no direction is marked, so the brand handles decide who is the brand',
    capabilities: CAPABILITIES,
    detect(sample) {
      const table = sniffTable(sample.head);
      if (!table) return NOT_CSV;
      return toolOfHeader((table.records[0] ?? []).map(headerKey)) === map ? { confidence: TOOL_CONFIDENCE } : NOT_CSV;
    },
    parse: (source, sink, options) => parseGenericCsv(source, sink, options, map),
  };
}

export const TOOL_CSV_ADAPTERS: readonly IngestAdapter[] = TOOL_MAPS.map(toolCsvAdapter);

interface ColumnPlan {
  index: Partial<Record<CsvField, number>>;
  /** Further columns of a tool map that fill a field when its own cell is empty. */
  fallbacks: Partial<Record<CsvField, number[]>>;
  keys: string[];
  /** The header cells as written (trimmed), for notes and messages. */
  names: string[];
  width: number;
  /** Fields set by --map (never moved by the content checks). */
  mapped: ReadonlySet<CsvField>;
  /** Fields set by the tool map, for the note that names them. */
  fromTool: ReadonlySet<CsvField>;
  tool: ToolMap | undefined;
  /** Set when created_at holds dates only and the `time` column holds their time of day. */
  combine?: { utc: boolean };
}

async function parseGenericCsv(source: AdapterInput, sink: IngestSink, options: IngestOptions, tool: ToolMap | undefined): Promise<void> {
  const { delimiter, excelHint } = chooseDelimiter(source.head.replace(/^\ufeff/, ''));
  let plan: ColumnPlan | undefined;
  let pending: { fields: string[]; line: number }[] | undefined = [];
  let row: RowReader | undefined;
  let sawFirst = false;

  // The plan is settled on the first rows, not on the header alone: whether a "time" column holds times of day
  // or full timestamps, whether the date column carries its own time, and which columns to suggest for a --map
  // are questions about the values.
  const start = (): void => {
    const sample = pending!;
    pending = undefined;
    settlePlan(plan!, sample, source.name, sink);
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
      plan = planColumns(fields, options, source.name, tool);
      return;
    }
    if (pending) {
      pending.push({ fields, line });
      if (pending.length >= DATE_SAMPLE_RECORDS) start();
      return;
    }
    row!.read(fields, line);
  });
  if (!plan)
    throw new InputError(`${source.name}: the file is empty (no header row)`, 'export the data again; a CSV needs a header row', {
      id: 'error.csv-no-header',
      data: { file: source.name },
    });
  if (pending) start();
  row!.finish();
}

function planColumns(header: string[], options: IngestOptions, name: string, tool: ToolMap | undefined): ColumnPlan {
  const keys = header.map(headerKey);
  const index: Partial<Record<CsvField, number>> = {};
  const fallbacks: Partial<Record<CsvField, number[]>> = {};
  const mapped = new Map(Object.entries(options.columnMap).map(([column, field]) => [headerKey(column), field as CsvField]));
  for (const [column, field] of mapped) {
    const at = keys.indexOf(column);
    if (at < 0) {
      throw new InputError(`${name}: --map names column "${column}", which is not in the header (${header.join(', ')})`);
    }
    index[field] = at;
  }
  const taken = new Set(Object.values(index));
  const fromTool = new Set<CsvField>();
  // The tool's own names before the generic synonyms: its "Contact Primary Identifier" is the author even
  // where a column named "name" or "user" also exists.
  for (const [field, names] of Object.entries(tool?.columns ?? {}) as [CsvField, readonly string[]][]) {
    if (index[field] !== undefined) continue;
    const found = [...new Set(names.map((n) => keys.indexOf(n)))].filter((at) => at >= 0 && !taken.has(at));
    if (found.length === 0) continue;
    index[field] = found[0]!;
    if (found.length > 1) fallbacks[field] = found.slice(1);
    for (const at of found) taken.add(at);
    fromTool.add(field);
  }
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
  return {
    index,
    fallbacks,
    keys,
    names: header.map((h) => h.replace(/^\ufeff/, '').trim()),
    width: header.length,
    mapped: new Set(mapped.values()),
    fromTool,
    tool,
  };
}

/**
 * Columns with data that no field reads: said, so a reply or a rating under an unexpected header is never
 * dropped without a word (it can be read with --map).
 */
function noteUnreadColumns(plan: ColumnPlan, sample: readonly { fields: string[] }[], sink: IngestSink): void {
  const read = new Set([...Object.values(plan.index), ...Object.values(plan.fallbacks).flat()]);
  const unread = plan.names.filter((header, at) => !read.has(at) && header !== '' && columnValues(sample, at, 1).length > 0).map((header) => clip(header));
  if (unread.length === 0) return;
  const shown = `${unread.slice(0, 8).join(', ')}${unread.length > 8 ? '…' : ''}`;
  sink.note(
    `${unread.length} column${unread.length === 1 ? '' : 's'} not read (no field takes ${unread.length === 1 ? 'it' : 'them'}): ${shown}; map one with --map "Column=field" if it matters`,
    {
      id: 'generic-csv.unread-columns',
      data: { n: unread.length, columns: shown },
    },
  );
}

/** A column's values in the sample: trimmed, spreadsheet guards removed, empty ones left out. */
function columnValues(sample: readonly { fields: string[] }[], at: number, max = Infinity): string[] {
  const values: string[] = [];
  for (const record of sample) {
    if (values.length >= max) break;
    const value = unwrapSpreadsheetCell((record.fields[at] ?? '').trim());
    if (value !== '') values.push(value);
  }
  return values;
}

/** The date in any layout the reader knows, in either numeric order (only to tell what a value is). */
function anyDate(value: string): ParsedDate | null {
  return parseFlexibleDate(value, 'day-first', 'UTC') ?? parseFlexibleDate(value, 'month-first', 'UTC');
}

/** A value holding a date with its time of day (not a bare number: 10-digit ids are not epoch seconds here). */
function isFullTimestamp(value: string): boolean {
  if (/^\d+$/.test(value)) return false;
  const parsed = anyDate(value);
  return parsed !== null && !parsed.dateOnly;
}

/**
 * Settles the columns on the first rows: a lone time column that holds full timestamps becomes created_at; a
 * date column with no time of day is combined with the time column; required columns still missing end the
 * read with an InputError that suggests a --map.
 */
function settlePlan(plan: ColumnPlan, sample: readonly { fields: string[]; line: number }[], name: string, sink: IngestSink): void {
  const { index, tool } = plan;
  const timeAt = index.time;
  if (timeAt !== undefined && index.created_at === undefined && !plan.mapped.has('time')) {
    // Before "time"/"hora" were a field of their own they were created_at synonyms: such a column is still read
    // as created_at (full timestamps, epoch seconds) unless its values are times of day.
    const values = columnValues(sample, timeAt, HINT_SAMPLE_ROWS);
    if (values.filter((v) => parseTimeOfDay(v) !== null).length < values.length * 0.8 || values.length === 0) {
      index.created_at = timeAt;
      delete index.time;
    }
  }
  if (tool && index.text === undefined) throw new InputError(`${name}: ${tool.noText}`, 'or read it as a plain CSV with --input-format generic-csv and --map');
  // A tool export without message ids still threads: by conversation, in time order.
  const idOptional =
    (tool?.idsOptional === true && index.thread_id !== undefined) ||
    // A review sheet (each row a review, the owner's response beside it) needs no id: no row points at another.
    // Elsewhere a missing id stays an error: rows without ids or links could never be threaded.
    (!tool && index.reply_text !== undefined && index.in_reply_to === undefined && index.thread_id === undefined);
  const missing = REQUIRED_FIELDS.filter((field) => index[field] === undefined && !(field === 'id' && idOptional));
  if (missing.length > 0) throw missingColumnsError(plan, missing, sample, name);
  if (tool) noteToolMap(plan, tool, sink);
  else noteUnreadColumns(plan, sample, sink);

  if (index.time === undefined) return;
  const dateName = clip(plan.names[index.created_at!]!);
  const timeName = clip(plan.names[index.time]!);
  const dates = columnValues(sample, index.created_at!);
  const times = columnValues(sample, index.time);
  const parsedDates = dates.map(anyDate).filter((d): d is ParsedDate => d !== null);
  if (parsedDates.some((d) => !d.dateOnly)) {
    sink.note(`column "${timeName}" not used: "${dateName}" already carries the time of day`, {
      id: 'generic-csv.time-unused',
      data: { time: timeName, date: dateName },
    });
    delete index.time;
    return;
  }
  // "date" + "time" where "time" holds whole timestamps (and "date" only the day): the timestamps are the dates.
  if (!plan.mapped.has('created_at') && times.length > 0 && times.every((v) => parseTimeOfDay(v) === null && isFullTimestamp(v))) {
    sink.note(`dates read from column "${timeName}", which holds full timestamps ("${dateName}" has the day only)`, {
      id: 'generic-csv.dates-from-time',
      data: { time: timeName, date: dateName },
    });
    index.created_at = index.time;
    delete index.time;
    return;
  }
  const utc = /(?:^|_)(?:utc|gmt)(?:_|$)/.test(plan.keys[index.time]!);
  plan.combine = { utc };
  sink.note(`dates combined from columns ${plan.names[index.created_at!]!} + ${plan.names[index.time]!}`, {
    id: 'generic-csv.dates-combined',
    data: { date: dateName, time: timeName },
  });
  if (utc) {
    sink.note(`times in column "${timeName}" read as UTC, as its name says (--timezone not applied to them)`, {
      id: 'generic-csv.times-utc',
      data: { time: timeName },
    });
  }
}

/** Says which columns the tool's map read, and what of it rests on trust. */
function noteToolMap(plan: ColumnPlan, tool: ToolMap, sink: IngestSink): void {
  const columns = CSV_FIELDS.filter((field) => plan.fromTool.has(field))
    .map((field) => `${clip(plan.names[plan.index[field]!]!)} → ${field}`)
    .join(', ');
  // A file forced to the tool's format without any of its columns: the generic synonyms read it, nothing to say.
  if (columns !== '')
    sink.note(`read with the built-in ${tool.title} column map (${columns}); ${tool.unverified}: check them, --map overrides any`, {
      id: tool.noteIds.map,
      data: { columns },
    });
  if (tool.contactKeyed && plan.index.role === undefined) {
    sink.warn({
      code: 'tool-no-direction',
      message:
        "no direction column (inbound/outbound): every row is read as written by the conversation's contact, so the brand's replies cannot be told apart; add it to the export or name it with --map Column=role",
      id: 'generic-csv.tool-no-direction',
      data: {},
    });
  }
}

/** Catalogue ids by date order: the Spanish sentence says the order in its own words. */
const DATE_ORDER_NOTES: Record<'forced' | 'proved' | 'guessed', Record<DateOrder, string>> = {
  forced: { 'day-first': 'generic-csv.date-order-forced.day-first', 'month-first': 'generic-csv.date-order-forced.month-first' },
  proved: { 'day-first': 'generic-csv.date-order-proved.day-first', 'month-first': 'generic-csv.date-order-proved.month-first' },
  guessed: { 'day-first': 'generic-csv.date-order-guessed.day-first', 'month-first': 'generic-csv.date-order-guessed.month-first' },
};

function decideDateOrder(plan: ColumnPlan, sample: { fields: string[] }[], delimiter: string, options: IngestOptions, sink: IngestSink): DateOrder {
  const at = plan.index.created_at!;
  const values = sample.map((record) => record.fields[at] ?? '');
  if (!values.some(looksNumericDate)) return options.dateOrder ?? 'day-first';
  if (options.dateOrder) {
    sink.note(`numeric dates read ${options.dateOrder} (--date-order)`, { id: DATE_ORDER_NOTES.forced[options.dateOrder], data: {} });
    return options.dateOrder;
  }
  const inferred = inferDateOrder(values);
  if (inferred) {
    const evidence = clip(inferred.evidence);
    sink.note(`numeric dates read ${inferred.order}: "${inferred.evidence}" proves it`, {
      id: DATE_ORDER_NOTES.proved[inferred.order],
      data: { evidence },
    });
    return inferred.order;
  }
  const spanish = delimiter === ';' || looksSpanish(plan.keys);
  const order: DateOrder = spanish ? 'day-first' : 'month-first';
  sink.note(
    `numeric dates are ambiguous (no day over 12 in the first rows); read ${order} because ${spanish ? 'the file looks Spanish/European (";" or Spanish headers)' : 'the file looks English'} — pass --date-order to be sure`,
    { id: DATE_ORDER_NOTES.guessed[order], data: {} },
  );
  return order;
}

/** Turns data rows into posts, with a warning for every row it cannot use. */
class RowReader {
  private readonly at: Partial<Record<CsvField, number>>;
  private readonly roleKey: string;
  private readonly platformKey: string;
  private readonly platformFallback: string;
  private naiveTimes = 0;
  private dateOnly = 0;
  /** Whether the row timeOf last read had a date without a time of day (its timePrecision is "day"). */
  private rowDateOnly = false;
  private roundedIds = 0;
  private mangledIds = 0;
  private mangledReplies = 0;
  private madeIds = 0;
  private firstMadeId = '';
  private outbound = 0;
  private replies = 0;
  private untimedReplies = 0;
  private readonly outboundChannels = new Set<string>();

  constructor(
    private readonly plan: ColumnPlan,
    private readonly sink: IngestSink,
    private readonly options: IngestOptions,
    private readonly dateOrder: DateOrder,
  ) {
    this.at = plan.index;
    this.roleKey = plan.index.role === undefined ? '' : plan.keys[plan.index.role]!;
    this.platformKey = plan.index.platform === undefined ? '' : plan.keys[plan.index.platform]!;
    this.platformFallback = plan.tool ? `csv:${plan.tool.tool}` : 'csv';
    if (plan.index.deleted !== undefined) sink.tracksDeletion();
  }

  read(fields: string[], line: number): void {
    const { sink, at, plan } = this;
    if (fields.length !== plan.width) {
      const extraEmpty = fields.length > plan.width && fields.slice(plan.width).every((f) => f.trim() === '');
      if (!extraEmpty) {
        sink.warn({
          line,
          code: 'ragged-row',
          message: `expected ${plan.width} fields, found ${fields.length}; row skipped`,
          data: { expected: plan.width, found: fields.length },
        });
        return;
      }
    }
    const cell = (field: CsvField): string => {
      const i = at[field];
      if (i === undefined) return '';
      const value = unwrapSpreadsheetCell(fields[i]!.trim());
      if (value !== '') return value;
      for (const other of plan.fallbacks[field] ?? []) {
        const fallback = unwrapSpreadsheetCell((fields[other] ?? '').trim());
        if (fallback !== '') return fallback;
      }
      return '';
    };

    let id = stripPandasFloat(cell('id'));
    if (at.id === undefined) {
      // A tool export without message ids (planned only when it has a conversation column).
      id = `${cell('thread_id') || 'row'}#${line}`;
      if (this.madeIds++ === 0) this.firstMadeId = id;
    } else if (id === '') {
      id = `row-${line}`;
      sink.warn({
        line,
        code: 'missing-id',
        message: `empty id; the row was kept as "${id}" (replies cannot point to it)`,
        id: 'generic-csv.missing-id',
        data: { id },
      });
    } else if (EXCEL_SCIENTIFIC.test(id)) {
      const value = clip(id);
      sink.warn({
        line,
        code: 'excel-mangled-id',
        message: `id "${id}" was turned into a number by Excel and lost digits; kept as "${id}@${line}", replies cannot be linked to it`,
        id: 'generic-csv.excel-mangled-id',
        data: { value, kept: `${value}@${line}` },
      });
      id = `${id}@${line}`;
      this.mangledIds++;
    } else if (/^\d{16,}$/.test(id) && id.endsWith('000')) this.roundedIds++;

    const roleCell = cell('role');
    const role = roleCell === '' ? undefined : parseRoleCell(roleCell, this.roleKey);
    let author = cell('author');
    const channel = cell('channel');
    // A yes/no "brand" column says who wrote the row, not whose page it is.
    const channelName = channel !== '' && parseFlagCell(channel) === null ? channel : '';
    if (role === 'brand') {
      if (plan.tool?.contactKeyed) {
        // The contact columns name the customer on this row too: the message is the channel's, written by an agent.
        author = channelName || cell('agent') || UNNAMED_BRAND_AUTHOR;
        this.outbound++;
        if (channelName !== '' && this.outboundChannels.size < LISTED_CHANNELS) this.outboundChannels.add(clip(channelName));
      } else if (author === '') author = cell('agent');
    }
    if (author === '') {
      sink.warn({ line, code: 'missing-author', message: 'empty author; row skipped', id: 'generic-csv.missing-author', data: {} });
      return;
    }
    const time = this.timeOf(cell('created_at'), cell('time'), line);
    if (time === null) return;
    const dateOnly = this.rowDateOnly;

    let inReplyTo: string | undefined = stripPandasFloat(cell('in_reply_to')) || undefined;
    if (inReplyTo && EXCEL_SCIENTIFIC.test(inReplyTo)) {
      sink.warn({
        line,
        code: 'excel-mangled-reply-to',
        message: `in_reply_to "${inReplyTo}" was turned into a number by Excel; the reply link was dropped`,
        id: 'generic-csv.excel-mangled-reply-to',
        data: { value: clip(inReplyTo) },
      });
      inReplyTo = undefined;
      this.mangledReplies++;
    }
    const record: PostRecord = {
      id,
      platform: platformOf(cell('platform'), this.platformKey, this.platformFallback, plan.fromTool.has('platform') || undefined),
      author,
      time,
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
      if (value === null) {
        sink.warn({
          line,
          code: 'bad-rating',
          message: `rating "${clip(rating)}" is not 1–5 stars; rating ignored`,
          id: 'generic-csv.bad-rating',
          data: { value: clip(rating) },
        });
      } else record.rating = value;
    }
    if (role === null) {
      sink.warn({
        line,
        code: 'bad-role',
        message: `role "${clip(roleCell)}" is neither brand nor customer; the brand handles decide`,
        id: 'generic-csv.bad-role',
        data: { value: clip(roleCell) },
      });
    } else if (role !== undefined) record.role = role;
    if (dateOnly) record.timePrecision = 'day';
    if (channelName !== '') record.channel = channelName;
    const deleted = cell('deleted');
    if (deleted !== '') {
      const value = parseFlagCell(deleted);
      if (value === null) {
        sink.warn({
          line,
          code: 'bad-flag',
          message: `deleted "${clip(deleted)}" is not true/false; read as false`,
          id: 'generic-csv.bad-flag',
          data: { value: clip(deleted) },
        });
      } else if (value) record.deleted = true;
    }
    sink.post(record);
    const reply = at.reply_text === undefined ? '' : (fields[at.reply_text] ?? '').trim();
    if (reply !== '') this.ownerReply(record, reply, cell('reply_at'), cell('reply_author') || channelName || UNNAMED_BRAND_AUTHOR, line);
  }

  /**
   * A review spreadsheet's owner response, in the review's own row: the brand's reply to it. Without a
   * date it is answered but not timed (dated at its review, precision unknown), as review pages' undated
   * responses are.
   */
  private ownerReply(review: PostRecord, text: string, rawAt: string, author: string, line: number): void {
    let time = review.time;
    let timePrecision: PostRecord['timePrecision'] = 'unknown';
    if (rawAt !== '') {
      const parsed = parseFlexibleDate(rawAt, this.dateOrder, this.options.timezone);
      if (parsed === null) {
        this.sink.warn({
          line,
          code: 'bad-reply-date',
          message: `response date "${clip(rawAt)}" is not a date; the response is kept as answered but not timed`,
          id: 'generic-csv.bad-reply-date',
          data: { value: clip(rawAt) },
        });
      } else if (parsed.ms < review.time) {
        this.sink.warn({
          line,
          code: 'reply-before-parent',
          message: `the response is dated before its review; kept as answered but not timed`,
          id: 'generic-csv.reply-before-review',
          data: {},
        });
      } else {
        time = parsed.ms;
        timePrecision = parsed.dateOnly ? 'day' : 'exact';
      }
    }
    this.replies++;
    if (timePrecision === 'unknown') this.untimedReplies++;
    this.sink.post({
      id: `${review.id}#reply`,
      platform: review.platform,
      author,
      time,
      text: repairMojibake(decodeHtmlEntities(text)),
      inReplyTo: review.id,
      ...(review.threadId ? { threadId: review.threadId } : {}),
      role: 'brand',
      ...(review.channel ? { channel: review.channel } : {}),
      timePrecision,
      line,
    });
  }

  /**
   * The row's instant, or null (the row is skipped, with a warning) when it cannot be read. With a separate time
   * column, the date cell gives the day and the time cell the time of day, read in --timezone unless the cell
   * has an offset or the column is named as UTC.
   */
  private timeOf(rawDate: string, rawTime: string, line: number): number | null {
    const { sink, options, dateOrder } = this;
    const combine = this.plan.combine;
    const day = combine ? parseFlexibleDate(rawDate, dateOrder, 'UTC') : null;
    // A date cell that does carry a time of day (one odd row in a date-only column) is read whole.
    if (!combine || (day && !day.dateOnly) || (day && rawTime === '')) {
      const parsed = parseFlexibleDate(rawDate, dateOrder, options.timezone);
      if (!parsed) {
        sink.warn({
          line,
          code: 'bad-date',
          message: `created_at "${clip(rawDate)}" is not a date we can read (use ISO 8601, e.g. 2024-05-01T10:00:00+02:00); row skipped`,
          id: 'generic-csv.bad-date',
          data: { value: clip(rawDate) },
        });
        return null;
      }
      // An empty time cell is no time, not a bad one: the row is kept at midnight like a date-only value, and
      // the note on date-only rows counts it.
      if (!parsed.hasOffset) this.naiveTimes++;
      this.rowDateOnly = parsed.dateOnly;
      if (parsed.dateOnly) this.dateOnly++;
      return parsed.ms;
    }
    if (!day) {
      sink.warn({
        line,
        code: 'bad-date',
        message: `date "${clip(rawDate)}" is not a date we can read (e.g. 2024-05-01 or 01/05/2024); row skipped`,
        id: 'generic-csv.bad-day',
        data: { value: clip(rawDate) },
      });
      return null;
    }
    this.rowDateOnly = false;
    const clock = parseTimeOfDay(rawTime);
    if (!clock) {
      // Decision: skipped, like a bad date. Kept at midnight it would give made-up response times (a reply
      // "before" its question, or hours late), and those are what the audit scores.
      sink.warn({
        line,
        code: 'bad-time',
        message: `time "${clip(rawTime)}" is not a time of day we can read (e.g. 14:05, 14:05:33, 2:05 PM); row skipped`,
        id: 'generic-csv.bad-time',
        data: { value: clip(rawTime) },
      });
      return null;
    }
    const wall = day.ms + clock.ms;
    // A date cell with an offset ("2024-05-01+02:00") already moved midnight to UTC.
    if (day.hasOffset) return wall;
    if (clock.offsetMs !== undefined) return wall - clock.offsetMs;
    if (combine.utc) return wall;
    this.naiveTimes++;
    return wallTimeToUtc(wall, options.timezone);
  }

  finish(): void {
    const { sink, options, plan } = this;
    const tool = plan.tool;
    if (this.replies > 0) {
      const column = clip(plan.names[plan.index.reply_text!]!);
      sink.note(
        `${this.replies} owner response${this.replies === 1 ? '' : 's'} read from column "${column}" as the brand's reply to the row's review${this.untimedReplies > 0 ? `; ${this.untimedReplies} without a readable date: answered, not timed` : ''}`,
        {
          id: this.untimedReplies > 0 ? 'generic-csv.owner-replies.untimed' : 'generic-csv.owner-replies',
          data: { n: this.replies, column, untimed: this.untimedReplies },
        },
      );
    }
    if (this.naiveTimes > 0) {
      sink.note(`${this.naiveTimes} timestamp${this.naiveTimes === 1 ? '' : 's'} had no UTC offset and were read as ${options.timezone} time (--timezone)`, {
        id: 'generic-csv.naive-times',
        data: { n: this.naiveTimes, timezone: options.timezone },
      });
      if (tool?.zone && tool.noteIds.zone) {
        sink.note(`${tool.zone}: pass that zone with --timezone if it was not ${options.timezone}`, {
          id: tool.noteIds.zone,
          data: { timezone: options.timezone },
        });
      }
    }
    if (this.dateOnly > 0) {
      sink.note(
        `${this.dateOnly} row${this.dateOnly === 1 ? '' : 's'} had a date without a time of day (read as midnight): response times involving them are approximate`,
        { id: 'generic-csv.date-only', data: { n: this.dateOnly } },
      );
    }
    if (this.madeIds > 0 && !tool) {
      sink.note(
        `a review sheet with no id column (each row a review and its response): ${this.madeIds} id${this.madeIds === 1 ? ' was' : 's were'} made from the line ("${this.firstMadeId}")`,
        { id: 'generic-csv.made-ids.rows', data: { n: this.madeIds, example: this.firstMadeId } },
      );
    } else if (this.madeIds > 0) {
      sink.note(
        `the export has no message id column: ${this.madeIds} id${this.madeIds === 1 ? ' was' : 's were'} made from the conversation and the line ("${this.firstMadeId}"); replies follow their conversation in time order`,
        { id: 'generic-csv.made-ids', data: { n: this.madeIds, example: this.firstMadeId } },
      );
    }
    if (this.outbound > 0) {
      const channels = [...this.outboundChannels].join(', ');
      sink.note(
        channels === ''
          ? `${this.outbound} outbound message${this.outbound === 1 ? ' is' : 's are'} the brand's by the direction column; the export names no channel, so --brand must name their authors (the agents)`
          : `${this.outbound} outbound message${this.outbound === 1 ? ' is' : 's are'} the brand's by the direction column, authored by their channel (${channels}): they count for the brand when --brand names that channel`,
        channels === ''
          ? { id: 'generic-csv.outbound-unnamed', data: { n: this.outbound } }
          : { id: 'generic-csv.outbound', data: { n: this.outbound, channels } },
      );
    }
    if (this.mangledIds + this.mangledReplies > 0) {
      sink.warn({
        code: 'excel-mangled-ids',
        message: `${this.mangledIds} id${this.mangledIds === 1 ? '' : 's'} and ${this.mangledReplies} reply link${this.mangledReplies === 1 ? '' : 's'} were turned into numbers by Excel (e.g. "1.23457E+18"): they cannot be joined, so those replies are not linked; export the file again without opening it in Excel, or import the id columns as text`,
        id: 'generic-csv.excel-mangled-ids',
        data: { ids: this.mangledIds, links: this.mangledReplies },
      });
    }
    if (this.roundedIds > 0) {
      sink.warn({
        code: 'excel-rounded-ids',
        message: `${this.roundedIds} long id${this.roundedIds === 1 ? ' ends' : 's end'} in "000", the mark of Excel rounding; replies may link to the wrong post`,
        id: 'generic-csv.excel-rounded-ids',
        data: { n: this.roundedIds },
      });
    }
  }
}

export interface TimeOfDay {
  /** Milliseconds since midnight. */
  ms: number;
  /** The cell's own UTC offset ("14:05+02:00", "14:05 UTC"), in milliseconds east of UTC. */
  offsetMs?: number;
}

const TIME_ZONE_SUFFIX = /\s*\(?\s*(z|utc|gmt|(?:utc|gmt)\s*[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}(?::?\d{2})?)\s*\)?$/;
const CLOCK = /^(\d{1,2})(?:[:.h](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,9}))?)?)?\s*(?:([ap])\.?\s?m\.?)?\s*(h|hrs?|horas?)?$/;
/** Access and Excel write a time-only value on their epoch date: "1899-12-30 14:05:00", "30/12/1899 14:05". */
const EPOCH_DATE_PREFIX = /^(?:1899-12-3[01]|1900-01-0[01]|3[01][/.-]12[/.-]1899|12[/.-]3[01][/.-]1899)[ t]+/;
const DAY_MS = 86_400_000;

/**
 * A time-of-day cell: "14:05", "14:05:33", "14.05", "14h05", "2:05 PM", "2:05 p. m.", an Excel fraction of a
 * day ("0.5868"; two decimals, "0.50", are read as 00:50), with an optional offset ("Z", "UTC", "+02:00").
 * Null for anything else, including an hour alone without "h" or am/pm ("14").
 */
export function parseTimeOfDay(raw: string): TimeOfDay | null {
  let value = raw.trim().toLowerCase().replace(EPOCH_DATE_PREFIX, '');
  if (value === '') return null;
  let offsetMs: number | undefined;
  const zone = TIME_ZONE_SUFFIX.exec(value);
  if (zone && zone.index > 0) {
    const offset = parseOffset(zone[1]!);
    if (offset === null) return null;
    offsetMs = offset;
    value = value.slice(0, zone.index).trim();
  }
  const fraction = /^(0?)[.,](\d+)$/.exec(value);
  if (fraction && !(fraction[1] === '0' && fraction[2]!.length === 2)) {
    const ms = Math.round(Number(`0.${fraction[2]}`) * 86_400) * 1000;
    return withOffset(Math.min(ms, DAY_MS - 1000), offsetMs);
  }
  const m = CLOCK.exec(value);
  if (!m) return null;
  const [, h, mi, sec, frac, ampm, suffix] = m;
  if (mi === undefined && ampm === undefined && suffix === undefined) return null;
  let hour = Number(h);
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'p' ? 12 : 0);
  }
  const minute = mi === undefined ? 0 : Number(mi);
  const second = sec === undefined ? 0 : Number(sec);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = ((hour * 60 + minute) * 60 + second) * 1000 + (frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0);
  return withOffset(ms, offsetMs);
}

function withOffset(ms: number, offsetMs: number | undefined): TimeOfDay {
  return offsetMs === undefined ? { ms } : { ms, offsetMs };
}

/** "z", "utc", "gmt", "+02:00", "-0500", "utc+2" → milliseconds east of UTC; null when out of range. */
function parseOffset(text: string): number | null {
  const m = /([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (!m) return 0;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/**
 * A first record that reads as column names: short, mostly filled cells, none a date, a number or a sentence,
 * and not prose written "word, word, word" (a comma then a space before most cells).
 */
function looksLikeHeaderRow(cells: readonly string[], delimiter: string): boolean {
  const names = cells.map((cell) => cell.replace(/^\ufeff/, '').trim());
  if (names.filter((n) => n === '').length > 1) return false;
  if (delimiter === ',' && cells.slice(1).filter((cell) => /^ \S/.test(cell)).length * 2 > cells.length - 1) return false;
  return names.every(
    (n) => n === '' || (n.length <= 64 && n.split(/\s+/).length <= 6 && !/[.!?…]$/.test(n) && !/^[+-]?[\d.,\s%€$]+$/.test(n) && anyDate(n) === null),
  );
}

/** What the first values of a column look like, to suggest it for a field (or rule it out). */
type ColumnKind = 'empty' | 'date' | 'time' | 'id' | 'number' | 'text' | 'label';

interface ColumnProfile {
  kind: ColumnKind;
  values: number;
  /** Every value distinct, without spaces. */
  uniqueTokens: boolean;
}

function profileColumn(values: readonly string[]): ColumnProfile {
  const n = values.length;
  if (n === 0) return { kind: 'empty', values: 0, uniqueTokens: false };
  const share = (test: (v: string) => boolean): number => values.filter(test).length / n;
  const uniqueTokens = new Set(values).size === n && values.every((v) => !/\s/.test(v) && v.length <= 64);
  let kind: ColumnKind;
  if (share((v) => !/^\d+$/.test(v) && anyDate(v) !== null) >= 0.8) kind = 'date';
  else if (share((v) => parseTimeOfDay(v) !== null && !/^\d+$/.test(v)) >= 0.8) kind = 'time';
  else if (uniqueTokens && share((v) => /\d/.test(v)) >= 0.5) kind = 'id';
  else if (share((v) => /^[+-]?\d+(?:[.,]\d+)?$/.test(v)) >= 0.8) kind = 'number';
  else if (share((v) => /\s/.test(v)) >= 0.5 && values.reduce((sum, v) => sum + v.length, 0) / n >= 15) kind = 'text';
  else kind = 'label';
  return { kind, values: n, uniqueTokens };
}

/**
 * How well a column fits a missing field: by the words of its name (FIELD_WORDS) and by its values. Null when
 * the values rule it out: an id-like or number column is never a date, a date column never an id, a
 * sentence column never an author or id.
 */
function fitScore(field: CsvField, key: string, profile: ColumnProfile): number | null {
  const words = key.split('_').filter((w) => w !== '');
  const vocabulary = FIELD_WORDS[field] ?? [];
  let name = 0;
  for (const word of words) {
    for (const known of vocabulary) {
      if (word === known) name = Math.max(name, 3);
      else if (Math.min(word.length, known.length) >= 4 && (word.startsWith(known) || known.startsWith(word))) name = Math.max(name, 2);
    }
  }
  if (field === 'author' && key === 'de') name = 3; // Spanish "De" (from)
  const idWord = words.some((w) => (FIELD_WORDS.id ?? []).includes(w));
  const { kind } = profile;
  switch (field) {
    case 'created_at':
      if (idWord || (kind !== 'date' && kind !== 'empty')) return null;
      return name + (kind === 'date' ? 3 : 0);
    case 'id':
      if (kind === 'date' || kind === 'time' || kind === 'text' || (kind === 'number' && !profile.uniqueTokens)) return null;
      if (kind === 'label' && !profile.uniqueTokens) return null;
      return name + (kind === 'id' ? (profile.values >= 3 ? 3 : 2) : 0);
    case 'author':
      if (kind === 'date' || kind === 'time' || kind === 'text') return null;
      return name === 0 ? null : name + (kind === 'label' ? 1 : 0);
    case 'text':
      if (kind === 'date' || kind === 'time' || kind === 'id' || kind === 'number') return null;
      return name + (kind === 'text' ? 3 : 0);
    default:
      return null;
  }
}

/** Pairs unmapped columns with missing fields, best fits first, each column and field used once. */
function suggestMapping(plan: ColumnPlan, missing: readonly CsvField[], sample: readonly { fields: string[] }[]): Map<CsvField, number> {
  const used = new Set(Object.values(plan.index));
  const pairs: { field: CsvField; at: number; score: number }[] = [];
  plan.keys.forEach((key, at) => {
    if (used.has(at) || key === '') return;
    const profile = profileColumn(columnValues(sample, at, HINT_SAMPLE_ROWS));
    for (const field of missing) {
      const score = fitScore(field, key, profile);
      if (score !== null && score >= 3) pairs.push({ field, at, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.at - b.at);
  const chosen = new Map<CsvField, number>();
  const taken = new Set<number>();
  for (const { field, at } of pairs) {
    if (chosen.has(field) || taken.has(at)) continue;
    chosen.set(field, at);
    taken.add(at);
  }
  return chosen;
}

/** The InputError for a header without the required columns: what it found, what names work, a --map to try. */
function missingColumnsError(plan: ColumnPlan, missing: readonly CsvField[], sample: readonly { fields: string[] }[], name: string): InputError {
  const { names } = plan;
  const found = `${names
    .slice(0, 20)
    .map((h) => clip(h) || '(empty)')
    .join(', ')}${names.length > 20 ? `… (${names.length} columns)` : ''}`;
  const accepted = missing.map((field) => `${field} (${(SYNONYM_EXAMPLES[field] ?? HEADER_SYNONYMS[field].slice(0, 6)).join(', ')}…)`).join('; ');
  const timeOnly =
    missing.includes('created_at') && plan.index.time !== undefined
      ? `. Column "${clip(names[plan.index.time]!)}" holds times of day only: a date column is needed with it`
      : '';
  const message = `${name}: this CSV is missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. Found: ${found}${timeOnly}. Accepted names: ${accepted}`;

  const suggestion = suggestMapping(plan, missing, sample);
  const maps = missing.filter((field) => suggestion.has(field)).map((field) => `--map "${clip(names[suggestion.get(field)!]!)}=${field}"`);
  const unmatched = missing.filter((field) => !suggestion.has(field));
  const nothing =
    unmatched.length === 0
      ? ''
      : `no column looks like ${unmatched.join(', ')}${unmatched.includes('id') ? ' (an id needs a unique value per row)' : ''}: add ${unmatched.length > 1 ? 'them' : 'it'} or map ${unmatched.length > 1 ? 'them' : 'it'} with --map "Column name=${unmatched[0]}"`;
  const hint = maps.length > 0 ? `try ${maps.join(' ')}${nothing ? `; ${nothing}` : ''}` : nothing;
  return new InputError(message, hint, {
    id: timeOnly ? 'error.csv-missing-columns.time-only' : 'error.csv-missing-columns',
    data: {
      file: name,
      n: missing.length,
      columns: missing.join(', '),
      found,
      accepted,
      ...(timeOnly && plan.index.time !== undefined ? { timeColumn: clip(names[plan.index.time]!) } : {}),
      // The Spanish hint says only the suggested --map; with an unmatched column the English hint stands.
      ...(maps.length > 0 && !nothing ? { maps: maps.join(' ') } : {}),
    },
  });
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
