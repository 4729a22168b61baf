import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentStaff, Roles, type StaffPrincipal } from '../auth';
import { ValidationError } from '../common/domain-error';
import { CreateTemplateDto } from './dto/create-template.dto';
import { FaqImportDto } from './dto/faq-import.dto';
import { ListTemplatesQuery } from './dto/list-templates.query';
import { UpdateTemplateDto } from './dto/update-template.dto';
import { AnswerTemplate } from './entities/answer-template.entity';
import { TemplateService, TemplateVersionView } from './template.service';

@ApiTags('templates')
@Roles('admin', 'manager')
@Controller('api/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplateService) {}

  @Get()
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({ summary: 'Templates filtered by intent, locale, active, source and text (q).' })
  list(@Query() query: ListTemplatesQuery): Promise<{ items: AnswerTemplate[]; total: number }> {
    return this.templates.list(query);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a template (400 TEMPLATE_INVALID lists unknown slots); answers at once.',
  })
  create(
    @Body() body: CreateTemplateDto,
    @CurrentStaff() staff?: StaffPrincipal,
  ): Promise<AnswerTemplate> {
    return this.templates.create(body, staff?.id ?? null);
  }

  @Post('faq-import')
  @HttpCode(200)
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({ type: FaqImportDto, description: 'JSON {csv} or the CSV itself as text/csv' })
  @ApiOperation({
    summary:
      'Import a question,answer[,locale] CSV as FAQ templates: all rows or none (400 FAQ_CSV_INVALID with the line).',
  })
  importFaq(@Req() req: Request, @CurrentStaff() staff?: StaffPrincipal) {
    return this.templates.importFaq(csvOf(req), staff?.id ?? null);
  }

  @Get(':id')
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({ summary: 'One template.' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<AnswerTemplate> {
    return this.templates.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change any fields; saves a new version with who edited it.' })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateTemplateDto,
    @CurrentStaff() staff?: StaffPrincipal,
  ): Promise<AnswerTemplate> {
    return this.templates.update(id, body, staff?.id ?? null);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a template and its history; it stops answering at once.' })
  remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.templates.remove(id);
  }

  @Get(':id/versions')
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({ summary: 'Version history, newest first.' })
  versions(@Param('id', new ParseUUIDPipe()) id: string): Promise<TemplateVersionView[]> {
    return this.templates.versions(id);
  }

  @Post(':id/versions/:version/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put an earlier version back, as a new version.' })
  restore(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('version', new ParseIntPipe()) version: number,
    @CurrentStaff() staff?: StaffPrincipal,
  ): Promise<AnswerTemplate> {
    return this.templates.restore(id, version, staff?.id ?? null);
  }
}

/**
 * The body is read by hand because it comes in two shapes (raw text/csv or JSON {csv}), which
 * one DTO cannot describe; the JSON shape is still checked field by field.
 */
function csvOf(req: Request): string {
  const body: unknown = req.body;
  if (typeof body === 'string') return body;
  if (
    body &&
    typeof body === 'object' &&
    typeof (body as FaqImportDto).csv === 'string' &&
    Object.keys(body).length === 1
  )
    return (body as FaqImportDto).csv;
  throw new ValidationError('send the CSV as text/csv, or JSON {"csv": "..."}');
}
