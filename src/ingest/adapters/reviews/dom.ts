/**
 * A small, bounded toolkit over the tree cheerio (htmlparser2) builds for a saved review page.
 *
 * Why not cheerio's selectors for everything: on hostile or merely huge pages they are not linear (a
 * selection is sorted into document order by comparing sibling positions, so 30 000 matching siblings
 * take seconds and 300 000 take minutes), and `.text()` recurses once per nesting level, so a page nested
 * 100 000 deep overflows the stack. Here every walk is iterative and in document order, the tree is cut
 * at `MAX_DEPTH`, and texts are capped.
 */
import { load } from 'cheerio/slim';

/** The parts of a domhandler node this code reads. */
export interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent: DomNode | null;
  data?: string;
  startIndex: number | null;
}

/** Real pages nest about 30–80 elements deep; anything below this is cut off. */
export const MAX_DEPTH = 400;
/** The longest text taken from one element (a review body is a few thousand characters at most). */
export const MAX_TEXT = 20_000;

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'q',
  'dd',
  'dt',
]);
/** Elements whose content is never visible text. */
const NO_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'button-template']);

export interface ParsedPage {
  root: DomNode;
  /** Elements removed because they sat deeper than MAX_DEPTH, or the characters left unparsed past NESTING_LIMIT. */
  cut: number;
}

/**
 * htmlparser2 keeps its open elements with `unshift`, so a document nested n deep costs n² (200 000
 * unclosed <div>s take tens of seconds). Before parsing, a linear scan estimates the nesting and the
 * text is cut where it passes this many open elements; real pages stay under a few hundred.
 */
export const NESTING_LIMIT = 4000;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose end tag is optional (a page may never close them) or whose content is raw text. */
const OPTIONAL_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'rb',
  'rt',
  'rp',
  'html',
  'head',
  'body',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);

/** The offset at which the estimated nesting passes `limit`, or -1. Linear: one pass, no backtracking. */
export function nestingCut(html: string, limit = NESTING_LIMIT): number {
  let depth = 0;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length - 1) {
    const next = html.charCodeAt(i + 1);
    if (next === 0x2f /* / */) {
      depth = Math.max(0, depth - 1);
      i = html.indexOf('<', i + 2);
      continue;
    }
    if (next === 0x21 /* ! */) {
      const end = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2);
      if (end < 0) return -1;
      i = html.indexOf('<', end);
      continue;
    }
    let j = i + 1;
    while (j < html.length && j - i < 40) {
      const c = html.charCodeAt(j) | 0x20;
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) break;
      j++;
    }
    if (j === i + 1) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const name = html.slice(i + 1, j).toLowerCase();
    const close = html.indexOf('>', j);
    if (close < 0) return -1;
    if (RAW_TEXT.has(name)) {
      const closing = new RegExp(`</${name}`, 'gi');
      closing.lastIndex = close;
      const end = closing.exec(html)?.index ?? -1;
      if (end < 0) return -1;
      i = html.indexOf('<', end + 2);
      continue;
    }
    if (!VOID.has(name) && !OPTIONAL_END.has(name) && html.charCodeAt(close - 1) !== 0x2f && ++depth > limit) return i;
    i = html.indexOf('<', close);
  }
  return -1;
}

/** Parses HTML (htmlparser2 in HTML mode, with start offsets) and cuts the tree at MAX_DEPTH. */
export function parseHtml(input: string): ParsedPage {
  const at = nestingCut(input);
  const html = at < 0 ? input : input.slice(0, at);
  const $ = load(html, { xml: { xmlMode: false, withStartIndices: true, decodeEntities: true } });
  const root = $.root()[0] as unknown as DomNode;
  let cut = at < 0 ? 0 : input.length - at;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const children = node.children;
    if (!children || children.length === 0) continue;
    if (depth >= MAX_DEPTH) {
      cut += children.length;
      children.length = 0;
      continue;
    }
    for (let k = children.length - 1; k >= 0; k--) stack.push([children[k]!, depth + 1]);
  }
  return { root, cut };
}

export const isElement = (node: DomNode): boolean => node.type === 'tag' || node.type === 'script' || node.type === 'style';

export function attr(node: DomNode, name: string): string | undefined {
  return node.attribs?.[name];
}

export function hasClass(node: DomNode, name: string): boolean {
  const value = node.attribs?.class;
  if (!value) return false;
  return ` ${value.replace(/\s+/g, ' ')} `.includes(` ${name} `);
}

/** Whether the class attribute contains this text anywhere (rotating class names keep a stable part). */
export function classContains(node: DomNode, part: string): boolean {
  return (node.attribs?.class ?? '').includes(part);
}

/** Every element under `root` (not `root` itself), in document order, that passes `test`. */
export function findAll(root: DomNode, test: (node: DomNode) => boolean, skip?: (node: DomNode) => boolean): DomNode[] {
  const out: DomNode[] = [];
  const stack: DomNode[] = [];
  const push = (node: DomNode): void => {
    const children = node.children;
    if (children) for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  };
  push(root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (skip?.(node)) continue;
    if (test(node)) out.push(node);
    push(node);
  }
  return out;
}

/** The first element under `root`, in document order, that passes `test`. */
export function findFirst(root: DomNode, test: (node: DomNode) => boolean, skip?: (node: DomNode) => boolean): DomNode | undefined {
  const stack: DomNode[] = [];
  const push = (node: DomNode): void => {
    const children = node.children;
    if (children) for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  };
  push(root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (skip?.(node)) continue;
    if (test(node)) return node;
    push(node);
  }
  return undefined;
}

/** The top-level comments of the document and of <html>, where savers put their "saved from" notes. */
export function leadingComments(root: DomNode): string[] {
  const out: string[] = [];
  const visit = (nodes: DomNode[] | undefined, depth: number): void => {
    for (const node of nodes ?? []) {
      if (node.type === 'comment' && node.data) out.push(node.data);
      else if (depth === 0 && node.type === 'tag' && node.name === 'html') visit(node.children, 1);
    }
  };
  visit(root.children, 0);
  return out;
}

export function contains(ancestor: DomNode, node: DomNode): boolean {
  for (let at: DomNode | null = node; at; at = at.parent) if (at === ancestor) return true;
  return false;
}

/** The nearest ancestor (not the node itself) that passes `test`, stopping at `stop`. */
export function closest(node: DomNode, test: (node: DomNode) => boolean, stop?: DomNode): DomNode | undefined {
  for (let at = node.parent; at && at !== stop; at = at.parent) if (isElement(at) && test(at)) return at;
  return undefined;
}

/**
 * The visible text of an element: block elements and <br> become line breaks, runs of spaces one space,
 * scripts, styles and SVG left out. Iterative and capped at MAX_TEXT characters.
 */
export function textOf(node: DomNode, skip?: (node: DomNode) => boolean): string {
  const parts: string[] = [];
  let length = 0;
  const stack: (DomNode | '\n')[] = [node];
  while (stack.length > 0 && length < MAX_TEXT) {
    const item = stack.pop()!;
    if (item === '\n') {
      parts.push('\n');
      continue;
    }
    if (item.type === 'text') {
      const data = item.data ?? '';
      parts.push(data);
      length += data.length;
      continue;
    }
    if (item !== node && (!isElement(item) || NO_TEXT.has(item.name ?? '') || skip?.(item))) continue;
    if (item.type !== 'tag' && item !== node) continue;
    const block = BLOCK.has(item.name ?? '');
    if (block) stack.push('\n');
    const children = item.children;
    if (children) for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
    if (block) parts.push('\n');
  }
  return cleanText(parts.join('')).slice(0, MAX_TEXT);
}

/** Spaces collapsed inside lines, blank lines collapsed to one, NFC. */
export function cleanText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter((line, k, lines) => line !== '' || (k > 0 && lines[k - 1] !== ''))
    .join('\n')
    .trim()
    .normalize('NFC');
}

/** The text of an element's own text children only (not its descendants'), trimmed. */
export function ownText(node: DomNode): string {
  return cleanText((node.children ?? []).map((c) => (c.type === 'text' ? (c.data ?? '') : ' ')).join(''));
}

/** Line numbers (1-based) for character offsets of a text, by binary search over its line starts. */
export function lineIndex(text: string): (offset: number | null | undefined) => number | undefined {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    if (offset === null || offset === undefined || offset < 0) return undefined;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The raw text of a <script> element (its single text child). */
export function scriptText(node: DomNode): string {
  return (node.children ?? []).map((c) => c.data ?? '').join('');
}
