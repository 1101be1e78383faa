/**
 * The message catalogue: everything a renderer needs to turn a stored audit result into words, in one
 * locale. Built at the edge (the CLI) from the locale's messages and the rules' own texts, and handed to
 * renderers, so that no part below the CLI translates anything.
 */
import type { CategoryId, Locale, Localized } from '../contract/ids.js';
import type { Finding, Reason } from '../contract/result.js';
import type { IngestWarning, InputNote, MessageData } from '../contract/warning.js';
import { en, type Messages } from './en.js';
import { es } from './es.js';
import { ERROR_MESSAGES_ES } from './error-messages-es.js';
import { INPUT_MESSAGES_ES } from './input-messages-es.js';

/**
 * Templates for the input warnings and notes, and the command line's errors, by catalogue id, per locale
 * other than English (the English sentence is written where the warning, note or error arises).
 */
const INPUT_MESSAGES: Record<Locale, Readonly<Record<string, string>>> = { en: {}, es: { ...INPUT_MESSAGES_ES, ...ERROR_MESSAGES_ES } };

export const MESSAGES: Record<Locale, Messages> = { en, es };

/** The words a rule owns: shown by `rules` and used to render its findings. */
export interface RuleTexts {
  title: Localized;
  description: Localized;
  formula: Localized;
  /** Finding templates by message id; `{key}` placeholders, `{key|table}` for a term (see `terms`). */
  messages: Record<string, Localized>;
}

export class Catalog {
  readonly messages: Messages;

  constructor(
    readonly locale: Locale,
    private readonly rules: Readonly<Record<string, RuleTexts>>,
  ) {
    this.messages = MESSAGES[locale];
  }

  category(id: CategoryId): string {
    return this.messages.categories[id];
  }

  ruleTitle(ruleId: string): string {
    return this.rules[ruleId]?.title[this.locale] ?? ruleId;
  }

  ruleTexts(ruleId: string): RuleTexts | undefined {
    return Object.hasOwn(this.rules, ruleId) ? this.rules[ruleId] : undefined;
  }

  /** A finding's sentence, from its rule's template and data. */
  finding(finding: Pick<Finding, 'ruleId' | 'messageId' | 'data'>): string {
    const texts = this.ruleTexts(finding.ruleId);
    const template =
      texts && Object.hasOwn(texts.messages, finding.messageId) ? texts.messages[finding.messageId]![this.locale] : `${finding.ruleId}/${finding.messageId}`;
    return this.fill(template, finding.data);
  }

  reason(reason: Reason): string {
    const table = this.messages.reasons as Record<string, string>;
    return Object.hasOwn(table, reason.code) ? this.fill(table[reason.code]!, reason.data ?? {}) : reason.code;
  }

  /** A warning's sentence: the locale's template for its id (or code) when it has the data, else the English one. */
  warning(warning: Pick<IngestWarning, 'code' | 'message' | 'id' | 'data'>): string {
    if (warning.id === undefined && warning.data === undefined) return warning.message;
    return this.inputMessage(warning.id ?? warning.code, warning.data) ?? warning.message;
  }

  /** An input note in the locale, falling back to its English sentence. */
  note(note: InputNote): string {
    if (typeof note === 'string') return note;
    return this.inputMessage(note.id, note.data) ?? note.text;
  }

  /** A filled input-message template, or undefined when the locale has none or a placeholder stays empty. */
  inputMessage(id: string, data: MessageData = {}): string | undefined {
    const table = INPUT_MESSAGES[this.locale];
    if (!Object.hasOwn(table, id)) return undefined;
    const template = table[id]!;
    for (const [, key] of template.matchAll(/\{(\w+)/g)) if (!Object.hasOwn(data, key!)) return undefined;
    return this.fill(template, data);
  }

  term(table: string, code: string): string {
    const terms = this.messages.terms as Record<string, Record<string, string>>;
    const words = Object.hasOwn(terms, table) ? terms[table]! : undefined;
    return words && Object.hasOwn(words, code) ? words[code]! : code;
  }

  /**
   * Fills `{key}`, `{key|table}` and `{key:one:other}` placeholders (the last writes the number and the
   * singular or plural word: `{n:case:cases}` → "1 case", "3 cases"); unknown keys stay as written.
   */
  fill(template: string, data: Readonly<Record<string, string | number>>): string {
    return template.replace(
      /\{(\w+)(?:\|([\w-]+)|:([^:{}]+):([^:{}]+))?\}/g,
      (whole, key: string, table: string | undefined, one: string | undefined, other: string | undefined) => {
        if (!Object.hasOwn(data, key)) return whole;
        const value = String(data[key]);
        if (one !== undefined && other !== undefined) return `${value} ${Number(data[key]) === 1 ? one : other}`;
        return table ? this.term(table, value) : value;
      },
    );
  }
}
