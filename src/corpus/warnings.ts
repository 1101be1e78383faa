/**
 * Collects warnings from every layer. Every warning is counted; only the first few of each kind per
 * input are kept in full, so a million bad rows cannot make a million-line report.
 */
import type { IngestWarning } from '../contract/warning.js';

export const DETAILED_WARNINGS_PER_CODE = 20;

export class WarningLog {
  private readonly kept: IngestWarning[] = [];
  private readonly perKey = new Map<string, { input: string; code: string; count: number }>();
  private readonly perInput = new Map<string, number>();
  total = 0;

  /** An independent copy, so that an audit can add its own warnings without changing the corpus. */
  clone(): WarningLog {
    const copy = new WarningLog();
    copy.kept.push(...this.kept);
    for (const [key, entry] of this.perKey) copy.perKey.set(key, { ...entry });
    for (const [input, count] of this.perInput) copy.perInput.set(input, count);
    copy.total = this.total;
    return copy;
  }

  add(warning: IngestWarning): void {
    this.total++;
    this.perInput.set(warning.input, (this.perInput.get(warning.input) ?? 0) + 1);
    const key = `${warning.input}\u0000${warning.code}`;
    let entry = this.perKey.get(key);
    if (!entry) {
      entry = { input: warning.input, code: warning.code, count: 0 };
      this.perKey.set(key, entry);
    }
    entry.count++;
    if (entry.count <= DETAILED_WARNINGS_PER_CODE) this.kept.push(warning);
  }

  countFor(input: string): number {
    return this.perInput.get(input) ?? 0;
  }

  /** Kept warnings in a stable order, plus one line per kind whose rest was not listed. */
  list(): IngestWarning[] {
    const out = [...this.kept];
    for (const entry of this.perKey.values()) {
      if (entry.count > DETAILED_WARNINGS_PER_CODE) {
        out.push({
          input: entry.input,
          code: entry.code,
          message: `${entry.count - DETAILED_WARNINGS_PER_CODE} more "${entry.code}" warnings not listed (${entry.count} in all)`,
        });
      }
    }
    return out.sort(compareWarnings);
  }

  /** Count per warning code, all inputs together. */
  countsByCode(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const entry of [...this.perKey.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
      counts[entry.code] = (counts[entry.code] ?? 0) + entry.count;
    }
    return counts;
  }
}

function compareWarnings(a: IngestWarning, b: IngestWarning): number {
  if (a.input !== b.input) return a.input < b.input ? -1 : 1;
  const la = a.line ?? Number.MAX_SAFE_INTEGER;
  const lb = b.line ?? Number.MAX_SAFE_INTEGER;
  if (la !== lb) return la - lb;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
