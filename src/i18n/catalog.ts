/**
 * The message catalogue: everything a renderer needs to turn a stored audit result into words, in one
 * locale. Built at the edge (the CLI) from the locale's messages and the rules' own texts, and handed to
 * renderers, so that no part below the CLI translates anything.
 */
import type { CategoryId, Locale, Localized } from '../contract/ids.js';
import type { Finding, Reason } from '../contract/result.js';
import { en, type Messages } from './en.js';
import { es } from './es.js';

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
