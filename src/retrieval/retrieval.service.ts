import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { AnswerProvider } from '../dialogue/answer-provider';
import type { BotReply, Locale, OrderView } from '../dialogue/dialogue.types';
import { STATUS_WORDS } from '../dialogue/dialogue-phrases';
import { HealthRegistry } from '../health/health-registry';
import { OUT_OF_SCOPE } from '../nlu/intent-decision';
import { INTENT_MODEL_FILES, IntentLabelsFile } from '../nlu/intent-model-files';
import { NluService } from '../nlu/nlu.service';
import { AnswerTemplate } from './entities/answer-template.entity';
import { FaqMatcher, FaqQuestion } from './faq-matcher';
import { HnswVectorIndex } from './hnsw-vector-index';
import { intentModelFingerprint } from './model-fingerprint';
import { IndexableTemplate, RetrievalResult, Retriever } from './retriever';
import { SHIPPED_FAQ, SHIPPED_TEMPLATES } from './shipped-templates';
import { SlotContext } from './slot-registry';
import { render } from './template-renderer';

/** Index saves are coalesced: many edits in a burst cost one write. */
const SAVE_DELAY_MS = 2000;

/**
 * Answer templates in the database, their example questions in an HNSW index under DATA_DIR,
 * and the dialogue's AnswerProvider on top. The index follows every template change before
 * the change returns (the next query sees it) and is persisted shortly after.
 */
@Injectable()
export class RetrievalService implements AnswerProvider, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('retrieval');
  private retriever?: Retriever;
  private index?: HnswVectorIndex;
  private fingerprint?: { version: string; dimension: number };
  private intents: string[] = [];
  private loaded?: IndexLoad;
  private readonly templates = new Map<string, AnswerTemplate>();
  /** FAQ entries (templates without an intent) by the words of their questions. */
  private faqWords?: FaqMatcher;
  private saveTimer?: NodeJS.Timeout;
  private saving?: Promise<void>;
  private ready?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly nlu: NluService,
    private readonly config: AppConfig,
    health: HealthRegistry,
  ) {
    health.register('intent-model', 'models', async () =>
      (await this.nlu.isReady())
        ? { ok: true }
        : { ok: false, detail: `cannot load ${this.nlu.intentModelDir}` },
    );
    health.register('retrieval-index', 'models', async () =>
      this.retriever ? { ok: true } : { ok: false, detail: 'template index not built yet' },
    );
  }

  get indexDir(): string {
    return join(this.config.DATA_DIR, 'retrieval-index');
  }

  onModuleInit(): Promise<void> {
    this.ready ??= this.start();
    return this.ready;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      await this.save();
    }
    // A debounced save that already started must finish before DATA_DIR may go away.
    await this.saving;
  }

  private async start(): Promise<void> {
    await this.seedShippedTemplates();
    await this.loadOrBuild(false);
  }

  /**
   * Inserts the shipped templates and FAQ entries once, on a new install (a shop's edits and
   * deletions are never overwritten).
   */
  private async seedShippedTemplates(): Promise<void> {
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM answer_templates WHERE source = 'shipped'`,
    );
    if (count > 0) return;
    const repo = this.dataSource.getRepository(AnswerTemplate);
    const shipped = (t: Partial<AnswerTemplate>) =>
      repo.create({ ...t, source: 'shipped', active: true, version: 1 });
    await repo.save([
      ...SHIPPED_TEMPLATES.map((t) =>
        shipped({
          intent: t.intent,
          locale: t.locale,
          title: t.title,
          variants: t.variants,
          exampleQuestions: t.exampleQuestions,
          quickReplies: t.quickReplies ?? [],
        }),
      ),
      ...SHIPPED_FAQ.map((f) =>
        shipped({
          intent: null,
          locale: f.locale,
          title: f.title,
          variants: [{ body: f.answer }],
          exampleQuestions: f.questions,
          quickReplies: f.quickReplies ?? [],
        }),
      ),
    ]);
    this.logger.log({
      msg: 'shipped answer templates installed',
      templates: SHIPPED_TEMPLATES.length,
      faq: SHIPPED_FAQ.length,
    });
  }

  /** Re-encodes every active template into a fresh index and saves it (`index rebuild`). */
  async rebuild(): Promise<IndexLoad> {
    if (this.ready) await this.ready;
    else await this.seedShippedTemplates();
    const result = await this.loadOrBuild(true);
    this.ready ??= Promise.resolve();
    await this.save();
    return result;
  }

  /** Loads the persisted index if it matches the model, else re-encodes every template. */
  async loadOrBuild(forceRebuild: boolean): Promise<IndexLoad> {
    const started = performance.now();
    this.fingerprint = await intentModelFingerprint(this.nlu.intentModelDir);
    this.intents = await modelIntents(this.nlu.intentModelDir);
    const active = await this.dataSource.getRepository(AnswerTemplate).findBy({ active: true });
    this.templates.clear();
    active.forEach((t) => this.templates.set(t.id, t));
    let index: HnswVectorIndex | undefined;
    let reason = 'rebuild requested';
    if (!forceRebuild) {
      index = await HnswVectorIndex.load(this.indexDir, {
        modelVersion: this.fingerprint.version,
        dimension: this.fingerprint.dimension,
      }).catch((e: Error) => {
        this.logger.log({ msg: 'building template index', reason: e.message });
        reason = e.message;
        return undefined;
      });
    }
    const rebuilt = !index;
    index ??= HnswVectorIndex.create(this.fingerprint.dimension);
    const retriever = new Retriever(index, (text) => this.encode(text));
    const stale = rebuilt ? active.map(indexable) : retriever.restore(active.map(indexable));
    for (const template of stale) await retriever.indexTemplate(template);
    this.index = index;
    this.retriever = retriever;
    const { idfOf, maxIdf } = await this.nlu.termWeights();
    this.faqWords = new FaqMatcher(idfOf, maxIdf);
    for (const template of active) this.faqWords.set(template.id, faqQuestions(template));
    if (stale.length > 0) await this.save();
    this.loaded = {
      rebuilt,
      reason: rebuilt ? reason : undefined,
      templates: active.length,
      reencoded: stale.length,
      vectors: index.size,
      modelVersion: this.fingerprint.version,
      ms: Math.round(performance.now() - started),
    };
    return this.loaded;
  }

  /** How the index was last brought up: loaded from DATA_DIR or rebuilt, and why. */
  async lastLoad(): Promise<IndexLoad> {
    await this.onModuleInit();
    return this.loaded!;
  }

  /** Intents a template may name: the running model's labels, without the out-of-scope one. */
  async knownIntents(): Promise<string[]> {
    await this.onModuleInit();
    return this.intents;
  }

  private async encode(text: string): Promise<number[]> {
    return (await this.nlu.understand(text)).vector;
  }

  /** Applies a created/edited/deactivated/deleted template to the index; visible to the next query. */
  async templateChanged(template: AnswerTemplate | { id: string; deleted: true }): Promise<void> {
    await this.onModuleInit();
    if ('deleted' in template || !template.active) {
      this.templates.delete(template.id);
      this.retriever!.removeTemplate(template.id);
      this.faqWords!.set(template.id, []);
    } else {
      this.templates.set(template.id, template);
      await this.retriever!.indexTemplate(indexable(template));
      this.faqWords!.set(template.id, faqQuestions(template));
    }
    this.scheduleSave();
  }

  async search(query: {
    vector: number[];
    locale: Locale;
    intent?: string;
    intentConfidence?: number;
    k?: number;
  }): Promise<RetrievalResult> {
    await this.onModuleInit();
    return this.retriever!.search(query);
  }

  async templateAnswer(input: {
    intent: string;
    locale: Locale;
    vector: number[];
    order?: OrderView;
    refund?: { status: string; amount: string };
    firstName?: string | null;
  }): Promise<BotReply | null> {
    const result = await this.search({
      vector: input.vector,
      locale: input.locale,
      intent: input.intent,
      intentConfidence: 1,
      k: 3,
    });
    const hit = result.hits.find((h) => h.intent === input.intent) ?? null;
    const template = hit
      ? this.templates.get(hit.templateId)
      : this.firstOfIntent(input.intent, input.locale);
    return template
      ? this.renderReply(template, input.locale, input.order, input.firstName, input.refund)
      : null;
  }

  /**
   * For a message the classifier declared out of scope: only FAQ entries (templates without an
   * intent) compete, and only a close match answers. Shipped intent templates are not offered
   * here — the classifier already judged the message unlike them, and a loose match would
   * answer the wrong question.
   */
  async faqAnswer(input: {
    locale: Locale;
    vector: number[];
    text: string;
  }): Promise<BotReply | null> {
    await this.onModuleInit();
    const result = await this.search({ vector: input.vector, locale: input.locale, k: 10 });
    for (const hit of result.hits) {
      if (hit.similarity < this.config.RETRIEVAL_FAQ_MIN_SCORE) break;
      const template = this.templates.get(hit.templateId);
      if (!template || template.intent !== null) continue;
      // Close in meaning is not enough: out-of-scope messages all lie near each other.
      const shared = this.faqWords!.scoreFor(input.text, input.locale, hit.templateId);
      if (shared < this.config.RETRIEVAL_FAQ_VECTOR_WORDS_MIN_SCORE) continue;
      const reply = this.renderReply(template, input.locale);
      if (reply) return reply;
    }
    return null;
  }

  async faqByWords(input: { locale: Locale; text: string }): Promise<BotReply | null> {
    await this.onModuleInit();
    const match = this.faqWords!.match(
      input.text,
      input.locale,
      this.config.RETRIEVAL_FAQ_WORDS_MIN_SCORE,
    );
    const template = match && this.templates.get(match.templateId);
    return template ? this.renderReply(template, input.locale) : null;
  }

  private firstOfIntent(intent: string, locale: Locale): AnswerTemplate | undefined {
    return [...this.templates.values()].find((t) => t.intent === intent && t.locale === locale);
  }

  private renderReply(
    template: AnswerTemplate,
    locale: Locale,
    order?: OrderView,
    firstName?: string | null,
    refund?: { status: string; amount: string },
  ): BotReply | null {
    const context: SlotContext = {
      customer: { firstName: firstName ?? undefined },
      shop: {
        name: this.config.SHOP_NAME,
        supportEmail: this.config.SHOP_SUPPORT_EMAIL,
        supportHours:
          locale === 'zh' ? this.config.SHOP_SUPPORT_HOURS_ZH : this.config.SHOP_SUPPORT_HOURS,
        returnWindowDays: this.config.SHOP_RETURN_WINDOW_DAYS,
      },
      ...(order
        ? {
            order: {
              number: order.number,
              status: STATUS_WORDS[order.status]?.[locale] ?? order.status,
              eta: order.eta,
              total: `${order.total.toFixed(2)} ${order.currency}`,
              trackingUrl: order.trackingUrl,
              carrier: order.carrier,
            },
          }
        : {}),
      ...(refund ? { refund } : {}),
    };
    const rendered = render(template.variants, context);
    if (!rendered) return null;
    const quickReplies = (template.quickReplies ?? []).map((q) => ({ label: q, value: q }));
    return {
      text: rendered.text,
      payload: { templateId: template.id, ...(quickReplies.length ? { quickReplies } : {}) },
    };
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save().catch((e: Error) =>
        this.logger.error({ msg: 'index save failed', error: e.message }),
      );
    }, SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  private async save(): Promise<void> {
    if (!this.index || !this.fingerprint) return;
    const saving = this.index.save(this.indexDir, this.fingerprint.version);
    this.saving = saving.catch(() => undefined);
    await saving;
  }
}

export interface IndexLoad {
  /** False when the saved index matched the model and was loaded (only edits re-encoded). */
  rebuilt: boolean;
  reason?: string;
  templates: number;
  /** Templates encoded in this load: all of them on a rebuild, the changed ones otherwise. */
  reencoded: number;
  vectors: number;
  modelVersion: string;
  ms: number;
}

async function modelIntents(dir: string): Promise<string[]> {
  const labels = JSON.parse(
    await readFile(join(dir, INTENT_MODEL_FILES.labels), 'utf8'),
  ) as IntentLabelsFile;
  return labels.labels.filter((l) => l !== OUT_OF_SCOPE);
}

function indexable(t: AnswerTemplate): IndexableTemplate {
  return {
    id: t.id,
    intent: t.intent,
    locale: t.locale,
    title: t.title,
    exampleQuestions: t.exampleQuestions ?? [],
  };
}

/** An FAQ entry's questions for word matching; templates of an intent have none. */
function faqQuestions(template: AnswerTemplate): FaqQuestion[] {
  if (template.intent !== null) return [];
  return template.exampleQuestions.map((text) => ({
    templateId: template.id,
    locale: template.locale,
    text,
  }));
}
