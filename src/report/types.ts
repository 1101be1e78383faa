/**
 * The renderer contract: a pure function from the audit result (and options) to text, bytes or a set of
 * files. Renderers read only the result, the shared contract and the i18n catalogue; they recompute
 * nothing.
 */
import type { AuditResult } from '../contract/result.js';
import type { Catalog } from '../i18n/catalog.js';

export interface RenderOptions {
  /** The messages of the report's locale, with the rules' own texts. */
  catalog: Catalog;
  /** ANSI colours (text only), decided by the CLI from the terminal and NO_COLOR. */
  color: boolean;
  /** Terminal width, for the text report. */
  width?: number;
  /** Findings shown per rule (text). */
  findingsPerRule?: number;
  /** Text: only the one-line summary, for cron logs (`--quiet`). */
  scoreLineOnly?: boolean;
}

/** One file of a multi-file output, named relative to the output folder. */
export interface RenderedFile {
  name: string;
  content: string | Uint8Array;
}

export type RenderOutput = string | Uint8Array | RenderedFile[];

export interface Renderer {
  /** The `--format` value. */
  id: string;
  /** What it is for, in one line (shown by `--help`). */
  description: string;
  /** File name extension when written to a file. */
  extension: string;
  render(result: AuditResult, options: RenderOptions): RenderOutput;
}
