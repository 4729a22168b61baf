import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { toErrorResponse } from './error-mapping';

/** One place where errors become HTTP responses; 5xx are logged (without request bodies). */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = toErrorResponse(exception);
    if (status >= 500) {
      const err = exception as Error;
      this.logger.error({ msg: 'unhandled error', error: err?.message, stack: err?.stack });
    }
    if (!response.headersSent) response.status(status).json(body);
  }
}
