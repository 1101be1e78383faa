import { describe, expect, it } from 'vitest';
import { detectAdapter } from '../../src/ingest/index.js';
import { ingest, sourceFrom } from './helpers.js';

const detect = async (name: string, text: string) => {
  const source = await sourceFrom(name, text);
  return detectAdapter({ name, head: source.head });
};

describe('recognised-unsupported', () => {
  it('names each recognised format and says what to do, instead of "unknown format"', async () => {
    const cases: [string, string, RegExp][] = [
      [
        'Comments.csv',
        'Date,Link,Message\n2026-10-14 08:12:00,https://www.linkedin.com/feed/update/urn:li:activity:1,Gracias\n',
        /LinkedIn export \(Comments\.csv\).*generic CSV with columns id, author, created_at/,
      ],
      ['Shares.csv', 'Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n', /LinkedIn export \(Shares\.csv\)/],
      [
        'messages.csv',
        'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n',
        /LinkedIn export \(messages\.csv\)/,
      ],
      [
        'insights.csv',
        '\ufeffPost ID,Account ID,Account username,Account name,Description,Duration (sec),Publish time,Permalink,Post type\n',
        /Meta Business Suite post-insights/,
      ],
      ['2013_11.js', 'Grailbird.data.tweets_2013_11 = \n[ {} ]', /legacy X archive file \(Grailbird/],
      [
        'tweets.csv',
        '"tweet_id","in_reply_to_status_id","in_reply_to_user_id","timestamp","source","text","retweeted_status_id","retweeted_status_user_id","retweeted_status_timestamp","expanded_urls"\n',
        /legacy X archive's tweets\.csv/,
      ],
      [
        'twarc.csv',
        'id,conversation_id,referenced_tweets.replied_to.id,author_id,in_reply_to_user_id,created_at,text,lang,author.username\n',
        /twarc-csv.*--map author\.username=author/,
      ],
      ['x.zip!Your archive.html', '<!DOCTYPE html><html><head><title>Your X data</title></head></html>', /X archive's own viewer/],
      ['x.zip!assets/js/modules/main.1a2b.js', '(self.webpackChunk=self.webpackChunk||[]).push([[1],{}]);', /X archive's own viewer/],
    ];
    for (const [name, text, message] of cases) {
      const found = await detect(name, text);
      expect(found?.adapter.id, name).toBe('recognised-unsupported');
      expect(found?.detection.unsupported, name).toMatch(/^this looks like .*: not supported yet; /);
      expect(found?.detection.unsupported, name).toMatch(message);
    }
  });

  it('leaves ordinary CSVs to generic-csv and TWCS to twcs', async () => {
    expect((await detect('a.csv', 'id,author,created_at,text\n1,ana,2026-01-01T10:00:00Z,hola\n'))?.adapter.id).toBe('generic-csv');
    expect((await detect('b.csv', 'Date,Author,Message\n2026-01-01,ana,hola\n'))?.adapter.id).toBe('generic-csv');
    expect((await detect('twcs.csv', 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n'))?.adapter.id).toBe('twcs');
  });

  it('refuses to read when forced, naming the file', async () => {
    await expect(ingest('Comments.csv', 'Date,Link,Message\n', { adapterId: 'recognised-unsupported' })).rejects.toThrow(
      /^Comments\.csv: this looks like a LinkedIn export/,
    );
  });
});
