import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { StripNul } from '../../common/strip-nul';

export class AgentConversationRefDto {
  @IsUUID()
  conversationId: string;
}

export class AgentSendDto {
  @IsUUID()
  conversationId: string;

  @StripNul()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text: string;

  /** An internal note: other agents see it, the shopper never does. */
  @IsOptional()
  @IsBoolean()
  internal?: boolean;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'clientMsgId must be 8–64 letters, digits, _ or -' })
  clientMsgId?: string;
}

export class AgentTypingDto {
  @IsUUID()
  conversationId: string;

  @IsIn([true, false])
  typing: boolean;
}

export class PresenceDto {
  @IsIn(['online', 'away'])
  presence: 'online' | 'away';
}

export class TransferDto {
  @IsUUID()
  conversationId: string;

  @IsUUID()
  toAgentId: string;
}

export class CorrectIntentDto {
  @IsUUID()
  messageId: string;

  @IsString()
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'intent must be a lower-case intent name' })
  intent: string;
}

export class CannedQueryDto {
  @IsUUID()
  conversationId: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
