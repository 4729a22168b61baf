import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@concierge.local' })
  @MaxLength(320)
  @MinLength(3)
  @IsString()
  email: string;

  @ApiProperty({ example: 'concierge-admin', format: 'password' })
  @MaxLength(200)
  @MinLength(1)
  @IsString()
  password: string;
}
