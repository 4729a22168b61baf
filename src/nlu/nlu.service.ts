import { Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { extractEntities } from './entities/entity-extractor';
import { Entity } from './entities/entity';
import { IntentModel, IntentPrediction } from './intent-model';
import { MAX_NORMALIZED_CHARS } from './normalize';
import { SentimentModel, SentimentResult } from './sentiment/sentiment-model';
import { DEFAULT_SENTIMENT_DIR } from './sentiment/sentiment.commands';

/** What the bot understood of one shopper message. */
export interface Understanding extends IntentPrediction {
  entities: Entity[];
  /** Neutral 0 when no sentiment model is installed (logged once at start). */
  sentiment: SentimentResult;
}

export const DEFAULT_INTENT_MODEL_DIR = 'models/intent';
/** Readings a pleasantry in front of a request can win ("ok cool, can I…" is `goodbye` 0.52). */
const SMALL_TALK = new Set(['greeting', 'thanks', 'goodbye']);
/** A pleasantry read at least this sure is one ("hi, how's it going" is 1.00). */
const SURE_SMALL_TALK = 0.9;
/** Fewer characters after the pleasantry than this are not a request of their own. */
const MIN_REQUEST_CHARS = 4;
/** Greetings, acknowledgements and thanks a message may open with, repeated ("ok thanks,"). */
const LEADING_PLEASANTRY =
  /^\s*(?:(?:(?:hi|hello|hey|hiya|heya|good (?:morning|afternoon|evening|day)|greetings|dear (?:team|support|sir|madam))\b(?:\s+(?:there|team|guys|all|everyone|folks))?|(?:ok(?:ay)?|cool|great|perfect|awesome|nice|alright|all right|got it|sure|thanks?(?: you)?(?: so much| a lot)?|thx|ty|cheers)\b|你好|您好|嗨|哈喽|哈啰|在吗|在不在|亲|好的|好吧|(?:好|嗯)(?=[\s,，.。!！~～、:：])|谢谢(?:你|您)?|多谢|收到|明白了?)[\s,，.。!！~～、:：]*)+/i;
const NO_SENTIMENT: SentimentResult = { score: 0, label: 'neutral' };

/**
 * One call per shopper message: language, intent with alternatives and the out-of-scope
 * decision, the sentence vector for template retrieval, entities and sentiment.
 */
@Injectable()
export class NluService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NluService.name);
  private intent?: Promise<IntentModel>;
  private sentiment: SentimentModel | null = null;

  constructor(@Optional() private readonly config?: AppConfig) {}

  /** Intent model directory: AppConfig, else env INTENT_MODEL_DIR, else models/intent. */
  get intentModelDir(): string {
    return (
      this.config?.INTENT_MODEL_DIR ?? process.env.INTENT_MODEL_DIR ?? DEFAULT_INTENT_MODEL_DIR
    );
  }

  async onModuleInit(): Promise<void> {
    await this.intentModel();
    const sentimentDir = process.env.SENTIMENT_MODEL_DIR ?? DEFAULT_SENTIMENT_DIR;
    try {
      this.sentiment = SentimentModel.load(sentimentDir);
    } catch (error) {
      this.logger.warn(`sentiment disabled: ${(error as Error).message}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.intent) await (await this.intent).close();
  }

  /** Whether the intent model is loaded (for /health). */
  async isReady(): Promise<boolean> {
    try {
      await this.intentModel();
      return true;
    } catch {
      return false;
    }
  }

  /** Understands one message; never throws on odd text (empty, 100 KB, emoji, surrogates). */
  async understand(text: string): Promise<Understanding> {
    const safe = typeof text === 'string' ? text : '';
    const model = await this.intentModel();
    const prediction = await this.withoutPleasantry(model, safe, await model.predict(safe));
    // Entity offsets stay valid on a prefix; the rest of a huge paste is not read.
    const entities = extractEntities(safe.slice(0, MAX_NORMALIZED_CHARS * 4));
    return { ...prediction, entities, sentiment: this.sentiment?.score(safe) ?? NO_SENTIMENT };
  }

  /**
   * "Hi, I'd like to return a jacket", "ok cool, can I change the address?": the pleasantry should
   * not outvote the request (read whole, the first is `greeting` 0.29 against `get_refund` 0.20).
   * When the whole message is unsure small talk or out of scope, the words after the pleasantry
   * are read alone and win if they are a request (read more surely than the small talk).
   */
  private async withoutPleasantry(
    model: IntentModel,
    text: string,
    whole: IntentPrediction,
  ): Promise<IntentPrediction> {
    const unsureSmallTalk = SMALL_TALK.has(whole.intent) && whole.confidence < SURE_SMALL_TALK;
    if (!unsureSmallTalk && !whole.outOfScope) return whole;
    const rest = text.replace(LEADING_PLEASANTRY, '');
    if (rest.length === text.length || rest.trim().length < MIN_REQUEST_CHARS) return whole;
    const request = await model.predict(rest);
    if (request.outOfScope || SMALL_TALK.has(request.intent)) return whole;
    // "Hey, I have a question" (greeting 0.79): an unsure guess at the rest (customer service 0.24)
    // does not outvote the greeting.
    if (!whole.outOfScope && request.confidence < whole.confidence) return whole;
    // The language of the whole message; the intent, alternatives and vector of the request in it.
    return { ...request, lang: whole.lang };
  }

  /** How much each word says about a shop question, from the intent model's vocabulary. */
  async termWeights(): Promise<IntentModel['termWeights']> {
    return (await this.intentModel()).termWeights;
  }

  private intentModel(): Promise<IntentModel> {
    this.intent ??= IntentModel.load(this.intentModelDir);
    // A failed load is retried on the next call instead of being cached forever.
    this.intent.catch(() => (this.intent = undefined));
    return this.intent;
  }
}
