import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ApiKeyPrincipal, StaffPrincipal } from './auth-principal';
import { ApiKeyAuth, CurrentApiKey, CurrentStaff, Public } from './auth.decorators';
import { RateLimitedError } from './auth.errors';
import { LoginDto } from './dto/login.dto';
import { LoginResult, LoginService } from './login.service';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly logins: LoginService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Staff sign-in with email and password; returns a Bearer JWT.' })
  @ApiOkResponse({ description: '{ accessToken, tokenType, expiresIn, user }' })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResult> {
    try {
      return await this.logins.login(body.email, body.password, req.ip ?? 'unknown');
    } catch (error) {
      if (error instanceof RateLimitedError)
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Get('me')
  @ApiBearerAuth('staff')
  @ApiOperation({ summary: 'The signed-in staff member.' })
  me(@CurrentStaff() staff: StaffPrincipal): StaffPrincipal {
    return staff;
  }

  @Get('principal')
  @ApiKeyAuth()
  @ApiOperation({
    summary: 'Integration check for the shop backend: which API key (or admin) is calling.',
  })
  principal(
    @CurrentApiKey() apiKey: ApiKeyPrincipal | undefined,
    @CurrentStaff() staff: StaffPrincipal | undefined,
  ): { apiKey: ApiKeyPrincipal | null; staff: StaffPrincipal | null } {
    return { apiKey: apiKey ?? null, staff: staff ?? null };
  }
}
