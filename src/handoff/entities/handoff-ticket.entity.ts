import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A shopper's e-mail left while no agent was online: followed up by the team later. */
@Entity('handoff_tickets')
export class HandoffTicket {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'conversation_id', type: 'uuid', unique: true })
  conversationId: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', default: 'open' })
  status: 'open' | 'closed';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
