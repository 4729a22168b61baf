import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError, ValidationError } from '../common/domain-error';
import { CreateTemplateDto } from './dto/create-template.dto';
import { ListTemplatesQuery } from './dto/list-templates.query';
import { UpdateTemplateDto } from './dto/update-template.dto';
import { AnswerTemplate } from './entities/answer-template.entity';
import { AnswerTemplateVersion } from './entities/answer-template-version.entity';
import { parseFaqCsv } from './faq-csv';
import { RetrievalService } from './retrieval.service';
import { validateTemplate } from './template-renderer';

/** The editable content of a template: what a version snapshot holds and a restore puts back. */
const CONTENT_FIELDS = [
  'intent',
  'locale',
  'title',
  'variants',
  'exampleQuestions',
  'quickReplies',
  'active',
] as const;
type TemplateContent = Pick<AnswerTemplate, (typeof CONTENT_FIELDS)[number]>;

export interface TemplateVersionView {
  version: number;
  editedBy: string | null;
  createdAt: Date;
  snapshot: Record<string, unknown>;
}

/**
 * Staff management of answer templates: every save is validated (known intent, known slots),
 * versioned with who made it, committed, and then applied to the retrieval index before the
 * call returns, so the next shopper message already sees it.
 */
@Injectable()
export class TemplateService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly retrieval: RetrievalService,
  ) {}

  async list(query: ListTemplatesQuery): Promise<{ items: AnswerTemplate[]; total: number }> {
    const qb = this.dataSource
      .getRepository(AnswerTemplate)
      .createQueryBuilder('t')
      .orderBy('t.intent', 'ASC', 'NULLS LAST')
      .addOrderBy('t.locale', 'ASC')
      .addOrderBy('t.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .take(query.limit ?? 100)
      .skip(query.offset ?? 0);
    if (query.intent !== undefined) qb.andWhere('t.intent = :intent', { intent: query.intent });
    if (query.locale !== undefined) qb.andWhere('t.locale = :locale', { locale: query.locale });
    if (query.active !== undefined) qb.andWhere('t.active = :active', { active: query.active });
    if (query.source !== undefined) qb.andWhere('t.source = :source', { source: query.source });
    if (query.q) {
      // jsonb::text keeps bodies and questions searchable without a second table.
      qb.andWhere(
        '(t.title ILIKE :q OR t.variants::text ILIKE :q OR t.example_questions::text ILIKE :q)',
        { q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` },
      );
    }
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  async get(id: string): Promise<AnswerTemplate> {
    const template = await this.dataSource.getRepository(AnswerTemplate).findOneBy({ id });
    if (!template) throw new NotFoundError('answer template', id);
    return template;
  }

  async create(input: CreateTemplateDto, editedBy: string | null): Promise<AnswerTemplate> {
    const content = await this.checked({
      ...input,
      exampleQuestions: input.exampleQuestions ?? [],
      quickReplies: input.quickReplies ?? [],
      active: input.active ?? true,
    });
    const saved = await this.dataSource.transaction(async (em) => {
      const template = await em.save(
        em.create(AnswerTemplate, { ...content, source: 'staff', version: 1 }),
      );
      await this.snapshot(em, template, editedBy);
      return template;
    });
    await this.retrieval.templateChanged(saved);
    return saved;
  }

  async update(
    id: string,
    input: UpdateTemplateDto,
    editedBy: string | null,
  ): Promise<AnswerTemplate> {
    return this.saveVersion(id, editedBy, (current) => ({ ...contentOf(current), ...input }));
  }

  async remove(id: string): Promise<void> {
    const result = await this.dataSource.getRepository(AnswerTemplate).delete({ id });
    if (!result.affected) throw new NotFoundError('answer template', id);
    await this.retrieval.templateChanged({ id, deleted: true });
  }

  async versions(id: string): Promise<TemplateVersionView[]> {
    await this.get(id);
    const rows = await this.dataSource
      .getRepository(AnswerTemplateVersion)
      .find({ where: { templateId: id }, order: { version: 'DESC' } });
    return rows.map(({ version, editedBy, createdAt, snapshot }) => ({
      version,
      editedBy,
      createdAt,
      snapshot,
    }));
  }

  /** Puts an earlier version's content back as a new version (history is never rewritten). */
  async restore(id: string, version: number, editedBy: string | null): Promise<AnswerTemplate> {
    const old = await this.dataSource
      .getRepository(AnswerTemplateVersion)
      .findOneBy({ templateId: id, version });
    if (!old) throw new NotFoundError(`version ${version} of answer template`, id);
    return this.saveVersion(id, editedBy, () => old.snapshot as unknown as TemplateContent);
  }

  /**
   * FAQ CSV → templates without an intent, all rows or none: the CSV is checked as a whole
   * first (every bad line reported), then inserted in one transaction.
   */
  async importFaq(
    csv: string,
    editedBy: string | null,
  ): Promise<{ imported: number; templates: { id: string; title: string; locale: string }[] }> {
    const drafts = parseFaqCsv(csv);
    const saved = await this.dataSource.transaction(async (em) => {
      const rows: AnswerTemplate[] = [];
      for (const draft of drafts) {
        const template = await em.save(
          em.create(AnswerTemplate, {
            intent: null,
            locale: draft.locale,
            title: draft.title,
            variants: draft.variants,
            exampleQuestions: draft.exampleQuestions,
            quickReplies: [],
            source: 'faq',
            active: true,
            version: 1,
          }),
        );
        await this.snapshot(em, template, editedBy);
        rows.push(template);
      }
      return rows;
    });
    for (const template of saved) await this.retrieval.templateChanged(template);
    return {
      imported: saved.length,
      templates: saved.map(({ id, title, locale }) => ({ id, title, locale })),
    };
  }

  private async saveVersion(
    id: string,
    editedBy: string | null,
    change: (current: AnswerTemplate) => TemplateContent,
  ): Promise<AnswerTemplate> {
    const saved = await this.dataSource.transaction(async (em) => {
      // The row lock serialises concurrent edits so two saves never claim the same version.
      const current = await em
        .getRepository(AnswerTemplate)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.id = :id', { id })
        .getOne();
      if (!current) throw new NotFoundError('answer template', id);
      // Shipped templates are seeded without history: keep the original restorable.
      if (!(await em.existsBy(AnswerTemplateVersion, { templateId: id, version: current.version })))
        await this.snapshot(em, current, null);
      const content = await this.checked(change(current));
      const template = await em.save(
        Object.assign(current, content, { version: current.version + 1 }),
      );
      await this.snapshot(em, template, editedBy);
      return template;
    });
    await this.retrieval.templateChanged(saved);
    return saved;
  }

  private async checked(content: TemplateContent): Promise<TemplateContent> {
    if (content.intent !== null) {
      const known = await this.retrieval.knownIntents();
      if (!known.includes(content.intent)) {
        throw new ValidationError(
          `intent "${content.intent}" is not an intent of the running model (use null for an FAQ entry)`,
          { knownIntents: known },
        );
      }
    }
    validateTemplate(content.variants);
    return {
      intent: content.intent,
      locale: content.locale,
      title: content.title.trim(),
      variants: content.variants.map((v) => ({
        body: v.body,
        ...(v.requires?.length ? { requires: v.requires } : {}),
      })),
      exampleQuestions: content.exampleQuestions.map((q) => q.trim()),
      quickReplies: content.quickReplies.map((q) => q.trim()),
      active: content.active,
    };
  }

  private async snapshot(
    em: EntityManager,
    template: AnswerTemplate,
    editedBy: string | null,
  ): Promise<void> {
    const row = new AnswerTemplateVersion();
    Object.assign(row, {
      templateId: template.id,
      version: template.version,
      snapshot: contentOf(template),
      editedBy,
    });
    await em.save(row);
  }
}

function contentOf(t: AnswerTemplate): TemplateContent {
  return Object.fromEntries(CONTENT_FIELDS.map((f) => [f, t[f]])) as TemplateContent;
}
