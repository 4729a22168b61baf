import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  Matches,
  MinLength,
} from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '../entities/staff-user.entity';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '../password-hasher';

export class CreateStaffDto {
  @ApiProperty({ example: 'dana@shop.example' })
  @MaxLength(320)
  @IsEmail()
  email: string;

  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    description: `at most ${PASSWORD_MAX_BYTES} bytes in UTF-8`,
  })
  @MaxLength(PASSWORD_MAX_BYTES)
  @MinLength(PASSWORD_MIN_LENGTH)
  @IsString()
  password: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role: StaffRole;

  @ApiPropertyOptional({
    description: 'Display name shown to shoppers; defaults to the email user part.',
  })
  @IsOptional()
  @MaxLength(100)
  @Matches(/\S/, { message: 'name must not be blank' })
  @IsString()
  name?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 50, default: 3 })
  @IsOptional()
  @Max(50)
  @Min(0)
  @IsInt()
  maxConcurrentChats?: number;
}
