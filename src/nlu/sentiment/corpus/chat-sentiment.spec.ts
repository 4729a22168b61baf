import { readFileSync } from 'node:fs';
import { fingerprint } from '../../../training/text-fingerprint';
import {
  CHAT_SENTIMENT_CSV,
  CHAT_SENTIMENT_TEST_CSV,
  loadChatSentiment,
  SentimentExample,
} from '../sentiment-corpus';

// The chat lines train the sentiment model and the test lines are its only measure on chat
// messages; a leaked or one-sided test file would make the model card's chat table wrong.

describe('chat sentiment corpus', () => {
  const train = loadChatSentiment(CHAT_SENTIMENT_CSV);
  const test = loadChatSentiment(CHAT_SENTIMENT_TEST_CSV);

  it.each([CHAT_SENTIMENT_CSV, CHAT_SENTIMENT_TEST_CSV])('%s starts with text,label', (file) => {
    expect(readFileSync(file, 'utf8').split('\n', 1)[0]).toBe('text,label');
  });

  it('has at least 30 test messages of each polarity in each language', () => {
    const count = (lang: string, polarity: number) =>
      test.filter((e) => e.lang === lang && e.polarity === polarity).length;
    const short = ['en', 'zh'].flatMap((lang) =>
      [-1, 0, 1]
        .filter((polarity) => count(lang, polarity) < 30)
        .map((polarity) => `${lang}/${polarity}: ${count(lang, polarity)}`),
    );
    expect(short).toEqual([]);
  });

  it('repeats no message within a file or between training and test', () => {
    const repeats = (rows: SentimentExample[]) => {
      const seen = new Set<string>();
      return rows.filter((e) => {
        const key = fingerprint(e.text);
        const repeated = seen.has(key);
        seen.add(key);
        return repeated;
      });
    };
    expect(repeats(train).map((e) => e.text)).toEqual([]);
    expect(repeats(test).map((e) => e.text)).toEqual([]);
    const trainKeys = new Set(train.map((e) => fingerprint(e.text)));
    expect(test.filter((e) => trainKeys.has(fingerprint(e.text))).map((e) => e.text)).toEqual([]);
  });
});
