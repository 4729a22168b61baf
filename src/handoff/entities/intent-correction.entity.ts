import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** An agent's verdict on one shopper message's intent: a labelled training example. */
@Entity('intent_corrections')
export class IntentCorrection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'message_id', type: 'uuid', unique: true })
  messageId: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId: string;

  /** What the model understood when the message arrived. */
  @Column({ name: 'predicted_intent', type: 'text', nullable: true })
  predictedIntent: string | null;

  /** The label the agent chose (`oos` = out of scope). */
  @Column({ type: 'text' })
  intent: string;

  /** PII-masked text: the only form that leaves the database as training data. */
  @Column({ name: 'text_redacted', type: 'text' })
  textRedacted: string;

  @Column({ name: 'corrected_by', type: 'uuid', nullable: true })
  correctedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
