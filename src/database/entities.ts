import { ApiKey } from '../auth/entities/api-key.entity';
import { StaffUser } from '../auth/entities/staff-user.entity';
import { Conversation } from '../chat/entities/conversation.entity';
import { Message } from '../chat/entities/message.entity';
import { Customer } from '../commerce/entities/customer.entity';
import { OrderItem } from '../commerce/entities/order-item.entity';
import { Order } from '../commerce/entities/order.entity';
import { Product } from '../commerce/entities/product.entity';
import { HandoffTicket } from '../handoff/entities/handoff-ticket.entity';
import { IntentCorrection } from '../handoff/entities/intent-correction.entity';
import { FailedJob } from '../queue/entities/failed-job.entity';
import { AnswerTemplateVersion } from '../retrieval/entities/answer-template-version.entity';
import { AnswerTemplate } from '../retrieval/entities/answer-template.entity';
import { BehaviourEvent } from '../signals/entities/behaviour-event.entity';

/** Every TypeORM entity. The schema itself is owned by migrations/ (synchronize is never on). */
export const allEntities = [
  Customer,
  Product,
  Order,
  OrderItem,
  StaffUser,
  ApiKey,
  Conversation,
  Message,
  BehaviourEvent,
  AnswerTemplate,
  AnswerTemplateVersion,
  FailedJob,
  IntentCorrection,
  HandoffTicket,
];
