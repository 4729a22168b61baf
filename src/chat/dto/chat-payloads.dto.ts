import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { StripNul } from '../../common/strip-nul';

export class SendMessageDto {
  /** Client-generated id (UUID or similar) that makes a resend idempotent. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'clientMsgId must be 8–64 letters, digits, _ or -' })
  clientMsgId: string;

  /** Checked against CHAT_MAX_MESSAGE_CHARS by the service (so the limit is configurable). */
  @StripNul()
  @IsString()
  @MinLength(1)
  text: string;

  @IsOptional()
  @IsUUID()
  conversationId?: string;

  @IsOptional()
  @IsIn(['en', 'zh'])
  locale?: 'en' | 'zh';
}

export class ConversationRefDto {
  @IsUUID()
  conversationId: string;
}

export class TypingDto {
  @IsUUID()
  conversationId: string;

  @IsIn([true, false])
  typing: boolean;
}

export class ReadReceiptDto {
  @IsUUID()
  conversationId: string;

  @IsUUID()
  messageId: string;
}

export class RatingDto {
  @IsUUID()
  conversationId: string;

  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
