import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth';
import { CONSOLE_PAGE, readConsoleAsset } from './console-assets';

/**
 * Serves the agent console (apps/console). The page itself is public; everything it shows comes
 * over the staff-authenticated API and /agent namespace.
 */
@ApiExcludeController()
@Public()
@Controller('console')
export class ConsoleController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  @Header(
    'Content-Security-Policy',
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:",
  )
  page(): string {
    return CONSOLE_PAGE;
  }

  @Get('console.js')
  @Header('Content-Type', 'application/javascript; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  script(): string {
    return readConsoleAsset('console.js');
  }

  @Get('console.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  styles(): string {
    return readConsoleAsset('console.css');
  }
}
