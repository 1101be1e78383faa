/**
 * The renderer registry. A new report format is one renderer file plus one line here; `--format`
 * choices come from this list.
 */
import { csvRenderer } from './csv.js';
import { htmlRenderer } from './html.js';
import { jsonRenderer } from './json.js';
import { markdownRenderer } from './markdown.js';
import { textRenderer } from './text.js';
import type { Renderer } from './types.js';

export const RENDERERS: readonly Renderer[] = [textRenderer, jsonRenderer, csvRenderer, markdownRenderer, htmlRenderer];

export function rendererById(id: string): Renderer | undefined {
  return RENDERERS.find((renderer) => renderer.id === id);
}

export type { RenderOptions, Renderer, RenderOutput } from './types.js';
