/** Report formats by name. Each renderer is a pure function of the audit result. */
import type { AuditResult } from '../audit.js';
import { renderJson } from './json.js';
import { renderText, type TextOptions } from './text.js';

export const REPORT_FORMATS = ['text', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function render(result: AuditResult, format: ReportFormat, options: TextOptions): string {
  switch (format) {
    case 'json':
      return renderJson(result);
    case 'text':
      return renderText(result, options);
  }
}
