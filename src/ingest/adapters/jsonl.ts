/**
 * Normalized posts as JSON Lines (spec §7): what `second-impression ingest` writes and `audit` reads
 * back. Each line keeps the `source` of the original export, so findings still point to it.
 */
import type { AdapterInput, IngestAdapter, IngestSink } from '../../contract/adapter.js';
import { POST_FIELDS, TIME_PRECISIONS, VISIBILITIES, type PostRecord, type TimePrecision, type Visibility } from '../../contract/post.js';
import { parseFlexibleDate } from '../../time/dates.js';

const MAX_LINE = 16 * 1024 * 1024;

function firstLineIsPost(head: string): boolean {
  const first = head
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .find((line) => line.trim() !== '');
  if (!first?.trimStart().startsWith('{')) return false;
  try {
    const value = JSON.parse(first) as Record<string, unknown>;
    return typeof value === 'object' && value !== null && 'id' in value && 'author' in value && 'createdAt' in value;
  } catch {
    return false;
  }
}

export const jsonlAdapter: IngestAdapter = {
  id: 'jsonl',
  title: 'Normalized posts (JSON Lines)',
  detection: 'one JSON object per line with "id", "author" and "createdAt" keys (the output of `second-impression ingest`)',
  yields: 'the posts exactly as ingest wrote them, with their original source file and line',
  capabilities: { customerTexts: true, deletions: 'when-column', ratings: 'when-column', datePrecision: 'exact', layout: 'single-channel' },
  detect(sample) {
    return { confidence: firstLineIsPost(sample.head) ? 1 : 0 };
  },
  async parse(source: AdapterInput, sink: IngestSink) {
    let rest = '';
    let line = 0;
    let skipping = false; // inside an over-long line, dropping text until its end
    for await (const chunk of source.chunks) {
      const data = rest + chunk;
      let from = 0;
      let nl = data.indexOf('\n');
      while (nl >= 0) {
        line++;
        if (skipping) skipping = false;
        else if (nl > from) readLine(data.slice(from, nl), line, sink);
        from = nl + 1;
        nl = data.indexOf('\n', from);
      }
      rest = skipping ? '' : data.slice(from);
      if (rest.length > MAX_LINE) {
        sink.warn({ line: line + 1, code: 'line-too-long', message: `line longer than ${MAX_LINE} characters; skipped`, data: { max: MAX_LINE } });
        rest = '';
        skipping = true;
      }
    }
    if (rest !== '' && !skipping) readLine(rest, line + 1, sink);
  },
};
function readLine(text: string, line: number, sink: IngestSink): void {
  if (text.trim() === '') return;
  let value: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    value = parsed as Record<string, unknown>;
  } catch {
    sink.warn({ line, code: 'bad-json', message: 'not a JSON object; line skipped', id: 'bad-json.not-object' });
    return;
  }
  const str = (key: string): string | undefined => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
  let id = str('id');
  if (id === undefined && typeof value.id === 'number') {
    id = String(value.id);
    sink.warn({ line, code: 'numeric-id', message: `id ${id} is a JSON number; long ids lose digits that way (write ids as strings)`, data: { id } });
  }
  // The contract's field list says each key's type: a value of another type is said, not silently dropped.
  const mistyped = POST_FIELDS.filter((f) => f.key !== 'id' && value[f.key] !== undefined && value[f.key] !== null && typeof value[f.key] !== f.type);
  if (mistyped.length > 0) {
    sink.warn({
      line,
      code: 'bad-field-type',
      message: `${mistyped.map((f) => `"${f.key}" should be a ${f.type}`).join(', ')}; ${mistyped.length === 1 ? 'that value was' : 'those values were'} ignored`,
    });
  }
  const author = str('author');
  const createdAt = str('createdAt');
  if (!id || !author || !createdAt) {
    sink.warn({ line, code: 'missing-field', message: 'a post needs string "id", "author" and "createdAt"; line skipped', data: {} });
    return;
  }
  const parsedTime = parseFlexibleDate(createdAt, 'day-first', 'UTC');
  if (!parsedTime?.hasOffset) {
    sink.warn({
      line,
      code: 'bad-date',
      message: `createdAt "${createdAt.slice(0, 40)}" is not ISO 8601 with an offset; line skipped`,
      id: 'jsonl.bad-date',
      data: { value: createdAt.slice(0, 40) },
    });
    return;
  }
  const role = str('role');
  const rating = typeof value.rating === 'number' && value.rating >= 1 && value.rating <= 5 ? value.rating : undefined;
  const sourceInfo = value.source as { file?: unknown; line?: unknown; entry?: unknown } | undefined;
  const record: PostRecord = {
    id,
    platform: str('platform') ?? 'unknown',
    author,
    time: parsedTime.ms,
    text: str('text') ?? '',
    inReplyTo: str('inReplyTo'),
    threadId: str('threadId'),
    url: str('url'),
    rating,
    lang: str('lang'),
    role: role === 'brand' || role === 'customer' ? role : undefined,
    deleted: value.deleted === true,
    line,
  };
  const channel = str('channel');
  if (channel !== undefined) record.channel = channel;
  const visibility = str('visibility');
  if (visibility !== undefined && (VISIBILITIES as readonly string[]).includes(visibility)) record.visibility = visibility as Visibility;
  const precision = str('timePrecision');
  if (precision !== undefined && (TIME_PRECISIONS as readonly string[]).includes(precision)) record.timePrecision = precision as TimePrecision;
  if (typeof value.edited === 'boolean') record.edited = value.edited;
  const scale = value.ratingScale;
  const scored = value.ratingValue;
  if (typeof scale === 'number' && typeof scored === 'number' && scale > 0 && scored > 0 && scored <= scale) {
    record.ratingValue = scored;
    record.ratingScale = scale;
  }
  // Keep the original location so evidence points at the export the post came from.
  if (sourceInfo && typeof sourceInfo.file === 'string') {
    record.origin = { file: sourceInfo.file };
    if (typeof sourceInfo.line === 'number' && Number.isInteger(sourceInfo.line) && sourceInfo.line > 0) record.origin.line = sourceInfo.line;
    if (typeof sourceInfo.entry === 'string') record.origin.entry = sourceInfo.entry;
  }
  // A "deleted" key, true or false, says the source recorded deletions (ingest writes it when it did).
  if (typeof value.deleted === 'boolean') sink.tracksDeletion();
  sink.post(record);
}
