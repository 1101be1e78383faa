/**
 * What the brand itself wrote, analysed once for every rule that judges its words: tone, register,
 * language, apologies and denials, politics. Identical texts (templates) are analysed once.
 */
import { detectLanguage, type Language } from '../signals/language.js';
import { detectRegister, type Register } from '../signals/register.js';
import { detectShouting, type Shouting } from '../signals/shouting.js';
import { detectPromise, type PromiseHit } from '../signals/promise.js';
import { detectBrokenPromiseAdmission, detectStillWaiting } from '../signals/promise-outcome.js';
import { detectSignature } from '../signals/signature.js';
import { withoutMentions } from '../signals/tokens.js';
import { zoneOffsetMs } from '../time/dates.js';
import {
  detectApology,
  detectBlame,
  detectDenial,
  detectPolitics,
  detectDeleteRequest,
  detectPrivateMessage,
  detectTone,
  prepare,
  type SignalHit,
  type Tone,
} from '../signals/text-signals.js';
import { ROLE_BRAND, ROLE_CUSTOMER, type BrandConversations } from './conversations.js';

export interface PostSignals {
  tone: Tone;
  shouting: Shouting;
  register: Register;
  registerCue: string | undefined;
  apology: SignalHit | null;
  denial: SignalHit | null;
  /** Blame put on the customer (how the brand treats people, so professionalism, not transparency). */
  blame: SignalHit | null;
  politics: { hit: SignalHit; confidence: number } | null;
  /** "Escríbenos por MD", "DM us": the words that moved the conversation to private messages. */
  privateMessage: string | null;
  /** The brand asking to delete or edit criticism, or saying it hid it, quoted. */
  deleteRequest: string | null;
  /** Short enough that its tone may depend on the post it answers (bare laughter at a complaint). */
  contextual: boolean;
}

export interface BrandVoice {
  /** Brand posts judged: replies in the brand's conversations and its own posts in the period. */
  posts: number[];
  signals(post: number): PostSignals;
  /** Language of any post (cached). */
  language(post: number): Language;
  /** A promise with a deadline in a brand post, resolved in the brand's time zone. */
  promise(post: number): PromiseHit | null;
  /** The agent's signature at the end of a brand reply ("^AL", "Un saludo, Laura"), if any. */
  signature(post: number): string | undefined;
  /** A brand post admitting that a promise was not kept ("sentimos no haberte llamado", "we still haven't"). */
  promiseAdmission(post: number): { quote: string } | null;
  /** A customer's answer to a promise saying nothing arrived ("nadie me ha llamado", "still waiting"). */
  stillWaiting(post: number): { quote: string } | null;
}

const CACHE_LIMIT = 200_000;

export function analyzeBrandVoice(conversations: BrandConversations, period: { since: number; until: number; timezone: string }): BrandVoice {
  const { table, roles, conversationOf, excluded } = conversations;
  const posts: number[] = [];
  for (let i = 0; i < table.length; i++) {
    if (roles[i] !== ROLE_BRAND || excluded[i]) continue;
    const inConversation = conversationOf[i]! >= 0;
    const t = table.times[i]!;
    if (inConversation || (t >= period.since && t <= period.until)) posts.push(i);
  }
  const byText = new Map<string, PostSignals>();
  const languages = new Map<string, Language>();
  // Several rules ask for the same post's signals (tone, register, politics, deflection, per agent): the
  // answer is kept per post, so the text is sliced and its mentions stripped once, not once per rule.
  const signalsOfPost = new Map<number, PostSignals>();
  const languageOfPost = new Map<number, Language>();
  const promiseOfPost = new Map<number, PromiseHit | null>();
  /** The latest customer post before `post` in its conversation: what a brand reply answers. */
  const answered = (post: number): number => {
    const c = conversationOf[post]!;
    if (c < 0) return -1;
    let found = -1;
    for (let k = conversations.offsets[c]!; k < conversations.offsets[c + 1]!; k++) {
      const member = conversations.members[k]!;
      if (member === post) break;
      if (roles[member] === ROLE_CUSTOMER) found = member;
    }
    return found;
  };
  const analyse = (post: number): PostSignals => {
    const text = table.text(post);
    // Signals never look at @mentions, so "@123 Lo sentimos…" and "@456 Lo sentimos…" share one analysis.
    const key = withoutMentions(text);
    let result = byText.get(key);
    if (!result) {
      const prepared = prepare(text);
      const register = detectRegister(text);
      result = {
        contextual: prepared.tokens.length <= 3,
        tone: detectTone(prepared),
        shouting: detectShouting(text),
        register: register.register,
        registerCue: register.cue,
        apology: detectApology(prepared),
        denial: detectDenial(prepared),
        blame: detectBlame(prepared),
        politics: detectPolitics(prepared),
        privateMessage: detectPrivateMessage(prepared),
        deleteRequest: detectDeleteRequest(prepared),
      };
      if (byText.size < CACHE_LIMIT) byText.set(key, result);
    }
    if (result.tone.sarcasm === null && result.contextual) {
      // A bare "jajaja" is mockery only when it answers a complaint: the one verdict that depends on the thread.
      const customer = answered(post);
      if (customer >= 0) {
        const sarcasm = detectTone(prepare(text), table.text(customer)).sarcasm;
        if (sarcasm) return { ...result, tone: { ...result.tone, sarcasm } };
      }
    }
    return result;
  };
  return {
    posts,
    signals(post) {
      let known = signalsOfPost.get(post);
      if (known === undefined) signalsOfPost.set(post, (known = analyse(post)));
      return known;
    },
    promise(post) {
      let known = promiseOfPost.get(post);
      if (known !== undefined) return known;
      const time = table.times[post]!;
      known = detectPromise(table.text(post), time, zoneOffsetMs(time, period.timezone) / 60000);
      promiseOfPost.set(post, known);
      return known;
    },
    signature(post) {
      return detectSignature(table.text(post));
    },
    promiseAdmission(post) {
      return detectBrokenPromiseAdmission(table.text(post));
    },
    stillWaiting(post) {
      return detectStillWaiting(table.text(post));
    },
    language(post) {
      const declared = table.langs.get(post);
      if (declared) return normalizeLang(declared);
      let lang = languageOfPost.get(post);
      if (lang !== undefined) return lang;
      const text = table.text(post);
      const key = withoutMentions(text);
      lang = languages.get(key);
      if (!lang) {
        lang = detectLanguage(text).lang;
        if (languages.size < CACHE_LIMIT) languages.set(key, lang);
      }
      languageOfPost.set(post, lang);
      return lang;
    },
  };
}

/** "es-MX", "ES", "spa" → "es"; the input's own language tag wins over detection. */
function normalizeLang(tag: string): Language {
  const base = tag.toLowerCase().split(/[-_]/)[0]!;
  const map: Record<string, Language> = { spa: 'es', eng: 'en', cat: 'ca', glg: 'gl', eus: 'eu', por: 'pt', fra: 'fr', fre: 'fr', ita: 'it', und: 'unknown' };
  const lang = (map[base] ?? base) as Language;
  return ['es', 'en', 'ca', 'gl', 'eu', 'pt', 'fr', 'it', 'unknown'].includes(lang) ? lang : 'other';
}
