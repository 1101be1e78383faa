import type { AuditResult } from '../audit.js';

/** The canonical result, pretty-printed; key order is fixed by construction, so runs are byte-identical. */
export function renderJson(result: AuditResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
