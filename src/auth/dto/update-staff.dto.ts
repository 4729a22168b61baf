import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
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

/** Every field optional; absent fields are left unchanged. */
export class UpdateStaffDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(100)
  @Matches(/\S/, { message: 'name must not be blank' })
  @IsString()
  name?: string;

  @ApiPropertyOptional({ description: 'false signs the user out everywhere at once.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 50 })
  @IsOptional()
  @Max(50)
  @Min(0)
  @IsInt()
  maxConcurrentChats?: number;

  @ApiPropertyOptional({ format: 'password', minLength: PASSWORD_MIN_LENGTH })
  @IsOptional()
  @MaxLength(PASSWORD_MAX_BYTES)
  @MinLength(PASSWORD_MIN_LENGTH)
  @IsString()
  password?: string;
}
