/**
 * The Kaggle "Customer Support on Twitter" (TWCS) layout:
 * tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
 *
 * Quirks handled: rows are not in time order; `response_tweet_id` holds comma lists (we thread through
 * `in_response_to_tweet_id` alone, which is enough); ids stay strings; pandas-written copies carry a
 * leading index column and float ids ("3.0"); text has HTML entities and Windows-1252 mojibake.
 */
import type { AdapterInput, IngestAdapter, IngestSink } from '../../contract/adapter.js';
import { parseTwitterDate } from '../../time/dates.js';
import { clip, decodeHtmlEntities, repairMojibake } from '../text-cleanup.js';
import { forEachCsvRecord, headerKey, rowFits } from '../csv/read-csv.js';
import { InputError } from '../../errors.js';

const COLUMNS = ['tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'response_tweet_id', 'in_response_to_tweet_id'] as const;
const HEADER = COLUMNS.join(',');

export const twcsAdapter: IngestAdapter = {
  id: 'twcs',
  title: 'Kaggle "Customer Support on Twitter" CSV',
  detection: `CSV whose header is ${HEADER} (a leading pandas index column is allowed)`,
  yields:
    'both sides of X/Twitter care threads; customers are anonymised ids and brands are handles; the dataset only holds answered threads, so its reply rate is not an ignore rate',
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'never', datePrecision: 'exact', layout: 'multi-brand' },
  detect(sample) {
    const firstLine = sample.head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
    const keys = firstLine.split(',').map(headerKey);
    // Exactly the seven columns, after at most one pandas index column.
    return { confidence: (keys.length === 7 || keys.length === 8) && keys.slice(-7).join(',') === HEADER ? 1 : 0 };
  },
  async parse(source: AdapterInput, sink: IngestSink) {
    type Columns = Record<(typeof COLUMNS)[number], number>;
    let posts = 0;
    let column: Columns | undefined;
    let width = 0;
    await forEachCsvRecord(source, ',', sink, (fields, line) => {
      if (!column) {
        const keys = fields.map(headerKey);
        column = Object.fromEntries(COLUMNS.map((name) => [name, keys.indexOf(name)])) as Columns;
        const missing = COLUMNS.filter((name) => column![name] < 0);
        if (missing.length > 0) {
          throw new InputError(
            `${source.name}: not a TWCS file: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
            'leave out --input-format to let the format be detected',
            { id: 'error.twcs-missing-columns', data: { file: source.name, columns: missing.join(', '), n: missing.length } },
          );
        }
        width = fields.length;
        return;
      }
      if (!rowFits(fields, width, line, sink)) return;
      const id = stripFloat(fields[column.tweet_id]!);
      if (!/^\d+$/.test(id)) {
        sink.warn({
          line,
          code: 'bad-id',
          message: `tweet_id "${clip(fields[column.tweet_id]!)}" is not a number; row skipped`,
          id: 'twcs.bad-id',
          data: { value: clip(fields[column.tweet_id]!) },
        });
        return;
      }
      const author = fields[column.author_id]!.trim();
      if (author === '') {
        sink.warn({ line, code: 'missing-author', message: 'author_id is empty; row skipped', id: 'twcs.missing-author' });
        return;
      }
      const rawDate = fields[column.created_at]!;
      const time = parseTwitterDate(rawDate);
      if (time === null) {
        sink.warn({
          line,
          code: 'bad-date',
          message: `created_at "${clip(rawDate)}" is not a Twitter date (e.g. "Tue Oct 31 22:10:47 +0000 2017"); row skipped`,
          id: 'twcs.bad-date',
          data: { value: clip(rawDate) },
        });
        return;
      }
      const inbound = fields[column.inbound]!.trim().toLowerCase();
      let role: 'brand' | 'customer' | undefined;
      if (inbound === 'true') role = 'customer';
      else if (inbound === 'false') role = 'brand';
      else
        sink.warn({
          line,
          code: 'bad-inbound',
          message: `inbound "${clip(fields[column.inbound]!)}" is neither True nor False; role left to the brand handles`,
          data: { value: clip(fields[column.inbound]!) },
        });
      const parentRaw = stripFloat(fields[column.in_response_to_tweet_id]!);
      let inReplyTo: string | undefined;
      if (parentRaw !== '') {
        if (/^\d+$/.test(parentRaw)) inReplyTo = parentRaw;
        else
          sink.warn({
            line,
            code: 'bad-id',
            message: `in_response_to_tweet_id "${clip(parentRaw)}" is not a number; the reply link was dropped`,
            id: 'twcs.bad-parent-id',
            data: { value: clip(parentRaw) },
          });
      }
      posts++;
      sink.post({
        id,
        platform: 'x',
        author,
        time,
        text: repairMojibake(decodeHtmlEntities(fields[column.text]!)),
        inReplyTo,
        role,
        line,
      });
    });
    if (posts > 0) {
      sink.note('the Kaggle TWCS dataset itself keeps only conversations that got a reply, so on it the reply rate says nothing about ignored customers', {
        id: 'twcs.replied-only',
      });
    }
  },
};

/** pandas writes integer columns with gaps as floats: "3.0". */
function stripFloat(value: string): string {
  const trimmed = value.trim();
  return trimmed.endsWith('.0') ? trimmed.slice(0, -2) : trimmed;
}
