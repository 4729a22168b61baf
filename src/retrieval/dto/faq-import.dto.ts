import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** JSON form of the FAQ import; the same CSV may also be posted raw as text/csv. */
export class FaqImportDto {
  @ApiProperty({
    description: 'RFC 4180 CSV with the header question,answer or question,answer,locale.',
    example: 'question,answer\n"Do you ship to Canada?","Yes, in 5-8 working days."',
  })
  @MaxLength(5_000_000)
  @IsString()
  csv: string;
}
