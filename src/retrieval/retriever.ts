import { createHash } from 'node:crypto';
import { VectorIndex } from './vector-index';

/** Turns text into the sentence vector of the running intent model (NluService's `vector`). */
export type Encoder = (text: string) => Promise<ArrayLike<number>>;

/** What retrieval needs to know about an answer template. */
export interface IndexableTemplate {
  id: string;
  /** Intent the template answers; null for FAQ entries. */
  intent: string | null;
  locale: string;
  title: string;
  exampleQuestions: readonly string[];
}

export interface RetrieverOptions {
  /** Below this score the retriever refuses ("no confident answer"). */
  minScore: number;
  /** Added to a template's similarity when its intent is the predicted one, × the confidence. */
  intentBoost: number;
  /** At or above this intent confidence, only that intent's templates compete (if it has any). */
  intentFilterConfidence: number;
}

export const DEFAULT_RETRIEVER_OPTIONS: RetrieverOptions = {
  minScore: 0.5,
  intentBoost: 0.1,
  intentFilterConfidence: 0.9,
};

export interface RetrievalQuery {
  /** The message's sentence vector, from the same encoding pass as the intent prediction. */
  vector: ArrayLike<number>;
  /** Only templates in the shopper's locale can answer them. */
  locale: string;
  intent?: string | null;
  intentConfidence?: number;
  /** Number of templates wanted; 5 unless set. */
  k?: number;
}

export interface TemplateHit {
  templateId: string;
  intent: string | null;
  /** Cosine similarity of the closest example question of this template. */
  similarity: number;
  /** similarity plus the intent boost; hits are ranked by it and compared with minScore. */
  score: number;
}

export type RetrievalResult =
  | { status: 'answer'; hits: TemplateHit[] }
  /** Nothing reached minScore; `hits` still lists the best candidates for logging and review. */
  | { status: 'no-confident-answer'; hits: TemplateHit[] };

/** How many index entries to fetch per wanted template: templates have several examples. */
const ENTRIES_PER_TEMPLATE = 8;

interface Indexed {
  template: IndexableTemplate;
  entryIds: string[];
}

/** Example questions plus the title, deduplicated: each becomes one vector in the index. */
function textsOf(t: IndexableTemplate): string[] {
  const seen = new Set<string>();
  return [...t.exampleQuestions, t.title]
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
}

/**
 * Entry ids carry a fingerprint of the texts they were encoded from, so after a restart a
 * template edited while the index was on disk is recognised as stale.
 */
function entryIds(t: IndexableTemplate, texts: string[]): string[] {
  const hash = createHash('sha256').update(JSON.stringify(texts)).digest('hex').slice(0, 12);
  return texts.map((_, i) => `${t.id}#${hash}#${i}`);
}

const templateIdOf = (entryId: string) => entryId.slice(0, entryId.indexOf('#'));

/**
 * Finds answer templates by meaning. Holds the template metadata and keeps the vector index in
 * step with it: every change is applied to the index before the method returns, so the next
 * search sees it. No database here: the caller feeds templates in and persists the index.
 */
export class Retriever {
  private readonly templates = new Map<string, Indexed>();
  private readonly options: RetrieverOptions;
  /** See entriesOf; emptied whenever a template is added, changed or removed. */
  private readonly entriesByFilter = new Map<string, Set<string>>();

  constructor(
    private readonly index: VectorIndex,
    private readonly encode: Encoder,
    options: Partial<RetrieverOptions> = {},
  ) {
    this.options = { ...DEFAULT_RETRIEVER_OPTIONS, ...options };
  }

  /** Adds or replaces a template. Encodes first, then swaps entries, so no search sees half of it. */
  async indexTemplate(template: IndexableTemplate): Promise<void> {
    const texts = textsOf(template);
    const vectors = await Promise.all(texts.map((text) => this.encode(text)));
    const ids = entryIds(template, texts);
    const previous = this.templates.get(template.id)?.entryIds ?? [];
    ids.forEach((id, i) => this.index.upsert(id, vectors[i]));
    previous.filter((id) => !ids.includes(id)).forEach((id) => this.index.remove(id));
    this.templates.set(template.id, { template: { ...template }, entryIds: ids });
    this.entriesByFilter.clear();
  }

  /** Removes a deleted or deactivated template; returns false if it was not indexed. */
  removeTemplate(templateId: string): boolean {
    const indexed = this.templates.get(templateId);
    if (!indexed) return false;
    indexed.entryIds.forEach((id) => this.index.remove(id));
    this.templates.delete(templateId);
    this.entriesByFilter.clear();
    return true;
  }

  /**
   * Reconciles a loaded index with the current templates without re-encoding the unchanged
   * ones: entries of unknown templates are dropped, and the templates returned (new, or edited
   * since the save) must be passed to `indexTemplate`.
   */
  restore(templates: readonly IndexableTemplate[]): IndexableTemplate[] {
    const byId = new Map(templates.map((t) => [t.id, t]));
    const present = new Map<string, string[]>();
    for (const id of this.index.ids()) {
      const templateId = templateIdOf(id);
      if (!byId.has(templateId)) this.index.remove(id);
      else present.set(templateId, [...(present.get(templateId) ?? []), id]);
    }
    const stale: IndexableTemplate[] = [];
    for (const template of templates) {
      const expected = entryIds(template, textsOf(template));
      const found = new Set(present.get(template.id) ?? []);
      if (expected.length === found.size && expected.every((id) => found.has(id))) {
        this.templates.set(template.id, { template: { ...template }, entryIds: expected });
      } else {
        stale.push(template);
      }
    }
    this.entriesByFilter.clear();
    return stale;
  }

  /**
   * Ids of the index entries of templates in `locale` (of `intent` only, when given). Cached until
   * the templates change: the filter runs for many entries per search, and a set lookup of an id
   * the index holds is far cheaper than finding its template each time.
   */
  private entriesOf(locale: string, intent: string | null): Set<string> {
    const key = `${locale}\u0000${intent ?? '*'}`;
    let entries = this.entriesByFilter.get(key);
    if (!entries) {
      entries = new Set();
      for (const { template, entryIds } of this.templates.values())
        if (template.locale === locale && (intent === null || template.intent === intent))
          for (const id of entryIds) entries.add(id);
      this.entriesByFilter.set(key, entries);
    }
    return entries;
  }

  search(query: RetrievalQuery): RetrievalResult {
    const k = query.k ?? 5;
    const intent = query.intent ?? null;
    const confidence = query.intentConfidence ?? 0;
    const { minScore, intentBoost, intentFilterConfidence } = this.options;
    const restricted =
      intent !== null && confidence >= intentFilterConfidence
        ? this.entriesOf(query.locale, intent)
        : null;
    const candidates =
      restricted && restricted.size > 0 ? restricted : this.entriesOf(query.locale, null);
    const allowed = (entryId: string) => candidates.has(entryId);

    const best = new Map<string, TemplateHit>();
    for (const hit of this.index.search(query.vector, k * ENTRIES_PER_TEMPLATE, allowed)) {
      const templateId = templateIdOf(hit.id);
      if (best.has(templateId)) continue; // hits come best first: the first one is the closest
      const t = (this.templates.get(templateId) as Indexed).template;
      const boost = intent !== null && t.intent === intent ? intentBoost * confidence : 0;
      best.set(templateId, {
        templateId,
        intent: t.intent,
        similarity: hit.score,
        score: hit.score + boost,
      });
    }
    const hits = [...best.values()].sort((a, b) => b.score - a.score).slice(0, k);
    const confident = hits.length > 0 && hits[0].score >= minScore;
    return { status: confident ? 'answer' : 'no-confident-answer', hits };
  }
}
