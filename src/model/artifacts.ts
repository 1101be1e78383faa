/**
 * The computed artifacts of one audit (Lighthouse's term): conversations, their timeline, the brand's
 * analysed words and the response-time summaries, each computed on first use and then shared by every
 * rule and by the top-level metrics. The audit only orchestrates.
 */
import type { AuditMetrics, DurationSummary } from '../contract/result.js';
import type { IngestWarning } from '../contract/warning.js';
import type { Corpus } from '../corpus/corpus.js';
import { ratio, summarizeMinutes } from '../scoring/stats.js';
import type { NeedsReply } from '../signals/needs-reply.js';
import { businessMs, type BusinessHours } from '../time/business-hours.js';
import { analyzeBrandVoice, type BrandVoice } from './brand-voice.js';
import { buildConversations, ROLE_BRAND, ROLE_CUSTOMER, type BrandConversations } from './conversations.js';
import { buildTimeline, STATUS_ANSWERED, STATUS_IGNORED, STATUS_NOT_NEEDED, STATUS_PENDING, type Timeline } from './timeline.js';
import { conversationView, postView, timelineView, type ConversationView, type PostView, type TimelineView } from './views.js';

export type NeedsReplyDetector = (text: string, rating?: number) => NeedsReply;

export interface ArtifactOptions {
  handles: readonly string[];
  asOf: number;
  since: number;
  until: number;
  graceHours: number;
  autoReplySeconds: number;
  slaMinutes: number;
  timezone: string;
  businessHours: BusinessHours | undefined;
  needsReply: NeedsReplyDetector;
}

export interface ResponseTimes {
  /**
   * Every conversation with a human brand reply ("replied to"), in conversation order, and their
   * first-response minutes (spec §5: every answered conversation, as the peers measure it); the same
   * summary over the ones that needed a reply beside it.
   */
  firstResponse: {
    conversations: number[];
    minutes: DurationSummary;
    businessMinutes: DurationSummary | undefined;
    needingReplyMinutes: DurationSummary;
    /** Conversations with a human brand reply whose time could not be measured (a date without a time, none, or inconsistent). */
    untimed: number;
  };
  followUp: { minutes: DurationSummary };
}

export class AuditArtifacts {
  readonly conversations: BrandConversations;
  readonly posts: PostView;
  readonly conversationView: ConversationView;
  private timelineCache: { raw: Timeline; view: TimelineView } | undefined;
  private voiceCache: BrandVoice | undefined;
  private responseCache: ResponseTimes | undefined;

  constructor(
    corpus: Corpus,
    private readonly options: ArtifactOptions,
    warn: (warning: IngestWarning) => void,
  ) {
    this.conversations = buildConversations(corpus, options, warn);
    this.posts = postView(this.conversations);
    this.conversationView = conversationView(this.conversations);
  }

  private get rawTimeline(): Timeline {
    this.timelineCache ??= this.computeTimeline();
    return this.timelineCache.raw;
  }

  private computeTimeline(): { raw: Timeline; view: TimelineView } {
    const raw = buildTimeline(this.conversations, this.options, this.options.needsReply);
    return { raw, view: timelineView(raw) };
  }

  get timeline(): TimelineView {
    this.timelineCache ??= this.computeTimeline();
    return this.timelineCache.view;
  }

  get voice(): BrandVoice {
    this.voiceCache ??= analyzeBrandVoice(this.conversations, this.options);
    return this.voiceCache;
  }

  get responseTimes(): ResponseTimes {
    this.responseCache ??= this.computeResponseTimes();
    return this.responseCache;
  }

  private computeResponseTimes(): ResponseTimes {
    const timeline = this.rawTimeline;
    const { slaMinutes, businessHours } = this.options;
    const answered: number[] = [];
    let untimed = 0;
    for (let c = 0; c < this.conversations.count; c++) {
      if (timeline.firstReply[c]! < 0) continue;
      if (Number.isNaN(timeline.firstResponseMs[c]!)) untimed++;
      else answered.push(c);
    }
    const minutes = Float64Array.from(answered, (c) => timeline.firstResponseMs[c]! / 60000);
    const needing = answered.filter((c) => timeline.status[c] === STATUS_ANSWERED);
    const needingMinutes = Float64Array.from(needing, (c) => timeline.firstResponseMs[c]! / 60000);
    const times = this.conversations.table.times;
    // Both clocks (peers.md §2.3): calendar time is what the customer felt, business time what the team controls.
    const businessMinutes = businessHours
      ? summarizeMinutes(
          Float64Array.from(answered, (c) => {
            const reply = times[timeline.firstReply[c]!]!;
            return businessMs(reply - timeline.firstResponseMs[c]!, reply, businessHours) / 60000;
          }),
          slaMinutes,
        )
      : undefined;
    const followUps = timeline.followUps.filter((f) => f.reply >= 0 && f.ms >= 0);
    return {
      firstResponse: {
        conversations: answered,
        minutes: summarizeMinutes(minutes, slaMinutes),
        businessMinutes,
        needingReplyMinutes: summarizeMinutes(needingMinutes, slaMinutes),
        untimed,
      },
      followUp: {
        minutes: summarizeMinutes(
          Float64Array.from(followUps, (f) => f.ms / 60000),
          slaMinutes,
        ),
      },
    };
  }

  /** The top-level metrics (spec §6): counts by status and the response-time summaries. */
  metrics(): AuditMetrics {
    const { conversations } = this;
    const timeline = this.rawTimeline;
    let answered = 0;
    let repliedTo = 0;
    let ignored = 0;
    let pending = 0;
    let notNeeded = 0;
    for (let c = 0; c < conversations.count; c++) {
      const status = timeline.status[c];
      if (status === STATUS_ANSWERED) answered++;
      else if (status === STATUS_IGNORED) ignored++;
      else if (status === STATUS_PENDING) pending++;
      else if (status === STATUS_NOT_NEEDED) notNeeded++;
      if (timeline.firstReply[c]! >= 0) repliedTo++;
    }
    let brandPosts = 0;
    let customerPosts = 0;
    let automated = 0;
    for (let k = 0; k < conversations.members.length; k++) {
      const post = conversations.members[k]!;
      if (conversations.roles[post] === ROLE_BRAND) brandPosts++;
      else if (conversations.roles[post] === ROLE_CUSTOMER) customerPosts++;
      if (timeline.automated[post]) automated++;
    }
    const times = this.responseTimes;
    return {
      posts: conversations.members.length,
      brandPosts,
      customerPosts,
      conversations: conversations.count,
      needingReply: answered + ignored + pending,
      answered,
      repliedTo,
      ignored,
      pending,
      notNeedingReply: notNeeded,
      replyRate: ratio(answered, answered + ignored, 6),
      firstResponseMinutes: times.firstResponse.minutes,
      firstResponseMinutesNeedingReply: times.firstResponse.needingReplyMinutes,
      ...(times.firstResponse.businessMinutes ? { firstResponseBusinessMinutes: times.firstResponse.businessMinutes } : {}),
      followUpResponseMinutes: times.followUp.minutes,
      automatedReplies: automated,
    };
  }

  /** First and last opening time of the conversations, or null when there are none. */
  openingSpan(): { first: number; last: number } | null {
    const { conversations } = this;
    if (conversations.count === 0) return null;
    let first = Infinity;
    let last = -Infinity;
    for (let c = 0; c < conversations.count; c++) {
      const t = conversations.table.times[conversations.openers[c]!]!;
      if (t < first) first = t;
      if (t > last) last = t;
    }
    return { first, last };
  }
}
