import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** One body variant; `requires` lists the slots it needs, so a missing slot picks another variant. */
export interface TemplateVariant {
  body: string;
  requires?: string[];
}

@Entity('answer_templates')
export class AnswerTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Intent this answers; null for FAQ entries no intent covers. */
  @Column({ type: 'text', nullable: true })
  intent: string | null;

  @Column({ type: 'text' })
  locale: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'jsonb' })
  variants: TemplateVariant[];

  @Column({ name: 'example_questions', type: 'jsonb', default: [] })
  exampleQuestions: string[];

  @Column({ name: 'quick_replies', type: 'jsonb', default: [] })
  quickReplies: string[];

  /** shipped | staff | faq */
  @Column({ type: 'text', default: 'staff' })
  source: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
