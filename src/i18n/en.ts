/**
 * English messages. `Messages` (this object's shape) is the catalogue every locale fills; the Spanish one
 * is written for Spanish readers, not translated word by word. Rules keep their own finding messages in
 * their metadata (one rule, one file); these are the texts no single rule owns.
 */
export const en = {
  categories: {
    transparency: 'Transparency',
    speed: 'Speed',
    'no-ignoring': 'No ignoring',
    professionalism: 'Professionalism',
    'no-politics': 'No politics or religion',
  },
  /** Why a score is null, by reason code. */
  reasons: {
    'no-brand-posts': 'no brand posts',
    'no-apology-or-denial': 'the brand neither apologised nor denied anything',
    'no-private-deflection': 'no conversation was moved to private messages',
    'promises-all-pending': 'every promise is still within its deadline',
    'no-promise': 'no brand promise with a deadline (grace {grace})',
    'no-deletion-data': 'no input records deleted or hidden posts',
    'no-follow-up-question': 'no follow-up question after a first reply',
    'replies-all-pending': 'every conversation that needs a reply is still pending',
    'nothing-needed-reply': 'no conversation needed a reply',
    'no-signed-replies': 'no signed replies',
    informative: 'informative',
    'no-answered-conversation': 'no answered conversation',
    'no-follow-up-answered': 'no follow-up question was answered',
    'no-known-languages': "no reply whose language and the customer's are both known",
    'no-register-pairs': 'no conversation with two Spanish brand replies of clear register',
    'not-measured-yet': 'not measured yet in this version',
    'no-data': 'no data',
    'rule-failed': 'rule failed: {error}',
    'too-few-cases': '{n:case:cases}: too few to score (minimum {min})',
    'no-conversations': 'no conversation in the period',
    'unresolved-links': '{unresolved} of {replies} reply links point to posts missing from the data: reply figures cannot be trusted',
  },
  /** Words that fill finding templates, by table and code. */
  terms: {
    'needs-reply': { question: 'question', complaint: 'complaint', problem: 'problem', request: 'request', 'low-rating': 'low rating', none: 'none' },
    language: { es: 'Spanish', en: 'English', ca: 'Catalan', gl: 'Galician', eu: 'Basque', pt: 'Portuguese', fr: 'French', it: 'Italian', other: 'another language', unknown: 'unknown' },
    register: { tu: 'tú', usted: 'usted', none: 'none' },
  },
  report: {
    repliedTo: 'Replied to', repliedToHow: 'a human brand reply: the first-reply base',
    title: 'Second impression', score: 'Second-impression score', asOf: 'as of', conversations: 'conversations', posts: 'posts',
    notMeasured: 'not measured', basis: 'The overall score averages the categories that have data', keyFigures: 'Key figures',
    needing: 'Needing a reply', of: 'of', answered: 'answered', ignored: 'ignored', pending: 'pending', replyRate: 'Reply rate',
    replyRateHow: 'answered ÷ (answered + ignored)', firstReply: 'First reply', followUps: 'Follow-ups', automated: 'Automated replies',
    automatedHow: 'not counted as answers', median: 'median', within: 'within', worst: 'Worst findings', more: 'more in the JSON report',
    none: 'No findings.', warnings: 'Warnings', notes: 'How the inputs were read', noData: 'no data', thread: 'thread',
    noneYet: 'none', input: 'Inputs', businessFirstReply: 'In business hours', ruleFailed: 'rule failed', watchList: 'Watch list: not a problem yet',
  },
  rulesListing: {
    overall: 'Overall score = weighted mean of the categories that have data (weights renormalised); each category = weighted mean of its rules that have a score.',
    weight: 'weight',
    noRules: '(no rules yet in this version)',
  },
};

export type Messages = typeof en;
