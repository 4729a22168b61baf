import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'shop backend (production)', description: 'What the key is for.' })
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  @IsString()
  name: string;
}
