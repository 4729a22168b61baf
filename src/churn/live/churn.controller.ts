import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth';
import { ValidationError } from '../../common/domain-error';
import { RiskTier } from '../churn-model';
import { atRiskCsv } from './at-risk-csv';
import {
  AtRiskCustomer,
  ChurnScoringService,
  StoredChurnScore,
  TIER_RANK,
} from './churn-scoring.service';

const MAX_LIMIT = 5000;

function tierOf(value: string | undefined): RiskTier {
  const tier = value ?? 'high';
  if (!(tier in TIER_RANK)) throw new ValidationError('tier must be low, medium or high');
  return tier as RiskTier;
}

function limitOf(value: string | undefined): number {
  if (value === undefined || value === '') return 100;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new ValidationError(`limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}

@ApiTags('churn')
@Controller('api')
export class ChurnController {
  constructor(private readonly scoring: ChurnScoringService) {}

  @Get('churn/at-risk')
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Customers whose latest churn score is in the tier or above, riskiest first.',
    description:
      'tier=high (default) | medium | low; limit 1–5000 (default 100); format=csv for a spreadsheet export. Reasons are the factors that raised the risk most, in plain words.',
  })
  @ApiQuery({ name: 'tier', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: '{ tier, customers: [...] } or CSV' })
  async atRisk(
    @Query('tier') tier: string | undefined,
    @Query('limit') limit: string | undefined,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ tier: RiskTier; customers: AtRiskCustomer[] } | string> {
    if (format !== undefined && format !== 'json' && format !== 'csv') {
      throw new ValidationError('format must be json or csv');
    }
    const t = tierOf(tier);
    const customers = await this.scoring.atRisk({ tier: t, limit: limitOf(limit) });
    if (format !== 'csv') return { tier: t, customers };
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="churn-at-risk-${t}.csv"`);
    return atRiskCsv(customers);
  }

  @Get('customers/:id/churn')
  @Roles('agent', 'manager', 'admin')
  @ApiOperation({
    summary: 'Latest churn score of a customer (id or externalId) with its reasons and history.',
  })
  @ApiOkResponse({ description: '{ customerId, latest, history }' })
  customer(
    @Param('id') id: string,
  ): Promise<{ customerId: string; latest: StoredChurnScore | null; history: StoredChurnScore[] }> {
    return this.scoring.history(id);
  }
}
