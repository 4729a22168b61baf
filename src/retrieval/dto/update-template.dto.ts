import { PartialType } from '@nestjs/swagger';
import { CreateTemplateDto } from './create-template.dto';

/** Any subset of the fields; each save makes a new version. */
export class UpdateTemplateDto extends PartialType(CreateTemplateDto) {}
