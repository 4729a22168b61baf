import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : /^-?\d+$/.test(String(value))
      ? Number(value)
      : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

/**
 * Every environment variable the platform reads, declared once with its type, default and
 * meaning. `loadConfig()` refuses to start on a bad value with one line naming the variable.
 * README.md's configuration table repeats these descriptions; keep them in step.
 */
export class AppConfig {
  /** HTTP + WebSocket port. */
  @Transform(toInt)
  @Max(65535)
  @Min(0)
  @IsInt()
  PORT = 3000;

  /** Host/interface to bind. */
  @IsString()
  HOST = '0.0.0.0';

  /** Directory for embedded data: the PGlite database, the HNSW index, trained models. */
  @IsString()
  DATA_DIR = 'data';

  /** PostgreSQL URL (postgres://user:pass@host:5432/db). Unset: embedded PGlite under DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Redis URL (redis://host:6379). Set: queues run on BullMQ; unset: in-process queues. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Log level: error, warn, info, debug. */
  @IsIn(['error', 'warn', 'info', 'debug'])
  LOG_LEVEL: 'error' | 'warn' | 'info' | 'debug' = 'info';

  /** development | production | test. Production refuses the built-in development secrets. */
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** Secret that signs staff JWTs and shopper visitor tokens (≥ 16 chars). */
  @MinLength(16)
  @IsString()
  JWT_SECRET = 'dev-only-insecure-jwt-secret-change-me';

  /** Staff JWT lifetime in seconds. */
  @Transform(toInt)
  @Min(60)
  @IsInt()
  JWT_TTL_SECONDS = 8 * 3600;

  /** Secret the shop's backend uses to sign customer ids for identity verification (HMAC-SHA256). */
  @MinLength(16)
  @IsString()
  IDENTITY_SECRET = 'dev-only-insecure-identity-secret';

  /** First admin created at start when no staff user exists (email). */
  @IsOptional()
  @IsString()
  ADMIN_EMAIL?: string = 'admin@concierge.local';

  /** Password of that first admin (≥ 8 chars). */
  @IsOptional()
  @IsString()
  @MinLength(8)
  ADMIN_PASSWORD?: string = 'concierge-admin';

  /** Origins allowed to embed the widget and call the API from a browser (comma-separated, `*` = any). */
  @Transform(toList)
  @IsString({ each: true })
  ALLOWED_ORIGINS: string[] = ['*'];

  /** Accent colour of the storefront chat widget (launcher, header, shopper bubbles): `#rrggbb`. */
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'must be a #rrggbb colour' })
  WIDGET_THEME_COLOR = '#4f46e5';

  /** Load the demo shop on first start when the database has no products (embedded default). */
  @IsIn(['true', 'false', 'auto'])
  SEED_DEMO: 'true' | 'false' | 'auto' = 'auto';

  /** Intent model directory (ONNX + featuriser). */
  @IsString()
  INTENT_MODEL_DIR = 'models/intent';

  /** Optional local transformers.js model folder used as the sentence encoder. */
  @IsOptional()
  @IsString()
  ENCODER_DIR?: string;

  /** Max login attempts per minute, counted separately per client IP and per email. */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  LOGIN_RATE_LIMIT = 10;

  /** Shopper visitor token lifetime in seconds (the widget refreshes it on each visit). */
  @Transform(toInt)
  @Min(60)
  @IsInt()
  VISITOR_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

  /** Max shopper session starts/refreshes (`POST /api/chat/session`) per minute per client IP. */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  SESSION_RATE_LIMIT = 30;

  /** Run queue processors in this process (false for API-only instances scaled out with `npm run worker`). */
  @IsIn(['true', 'false'])
  RUN_PROCESSORS: 'true' | 'false' = 'true';

  /** Redis key prefix of the BullMQ queues (lets several deployments share one Redis). */
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'must be letters, digits, _ or -' })
  QUEUE_PREFIX = 'concierge';

  /** BullMQ: a job whose worker stopped renewing its lock for this long (ms) is run again elsewhere. */
  @Transform(toInt)
  @Min(500)
  @IsInt()
  QUEUE_STALL_TIMEOUT_MS = 30_000;

  /** On shutdown, how long (ms) running jobs may take to finish before they are handed back. */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  QUEUE_SHUTDOWN_TIMEOUT_MS = 10_000;

  /** Longest shopper message accepted, in characters. */
  @Transform(toInt)
  @Max(100000)
  @Min(1)
  @IsInt()
  CHAT_MAX_MESSAGE_CHARS = 2000;

  /** Messages a visitor may send per minute (flood protection). */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  CHAT_MESSAGES_PER_MINUTE = 30;

  /** Messages one IP address may send per minute, all visitors together. */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  CHAT_IP_MESSAGES_PER_MINUTE = 600;

  /** Answer each request of a message that asks two things (false: the message as one request). */
  @IsIn(['true', 'false'])
  CHAT_ANSWER_EACH_REQUEST: 'true' | 'false' = 'true';

  /** A bot conversation idle this long is closed as resolved by the bot (deflection). */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  CHAT_IDLE_MINUTES = 30;

  /** An agent disconnected this long goes offline and their chats return to the queue. */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  HANDOFF_GRACE_SECONDS = 60;

  /** A waiting shopper who writes again gets a queue notice at most once per this many seconds. */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  HANDOFF_NOTICE_QUIET_SECONDS = 30;

  /** Shop name used in answers ({{shop.name}}) and on the demo storefront. */
  @IsString()
  SHOP_NAME = 'Northwind Goods';

  /** Support e-mail used in answers ({{shop.supportEmail}}). */
  @IsString()
  SHOP_SUPPORT_EMAIL = 'support@example.com';

  /** When human agents are available ({{shop.supportHours}}). */
  @IsString()
  SHOP_SUPPORT_HOURS = 'Mon–Fri 9:00–18:00';

  /** The same hours for answers in Chinese. */
  @IsString()
  SHOP_SUPPORT_HOURS_ZH = '周一至周五 9:00–18:00';

  /** Days a return is accepted ({{shop.returnWindowDays}}). */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  SHOP_RETURN_WINDOW_DAYS = 30;

  /** Cosine similarity an FAQ entry needs to answer an out-of-scope message (0–1). */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @Max(1)
  @Min(0)
  @IsNumber()
  RETRIEVAL_FAQ_MIN_SCORE = 0.85;

  /**
   * Share of important words an FAQ question and a message must have in common (0–1) for the
   * FAQ entry to answer before the intent's template (bench/results/faq-words.md).
   */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @Max(1)
  @Min(0)
  @IsNumber()
  RETRIEVAL_FAQ_WORDS_MIN_SCORE = 0.5;

  /**
   * Share of important words an out-of-scope message must also have in common with the FAQ entry
   * its sentence vector found (0–1): vectors of out-of-scope messages lie close together, so
   * without it "秦始皇是哪年统一六国的" got the paying-safely answer (bench/results/faq-words.md).
   */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @Max(1)
  @Min(0)
  @IsNumber()
  RETRIEVAL_FAQ_VECTOR_WORDS_MIN_SCORE = 0.3;

  /** Publish committed behaviour events from the outbox to the queue in this process. */
  @IsIn(['true', 'false'])
  SIGNALS_RELAY: 'true' | 'false' = 'true';

  /** How often (ms) the outbox relay looks for unpublished events (it also runs right after writes). */
  @Transform(toInt)
  @Min(10)
  @IsInt()
  SIGNALS_RELAY_INTERVAL_MS = 250;

  /** Most events the relay claims and publishes in one pass. */
  @Transform(toInt)
  @Max(10000)
  @Min(1)
  @IsInt()
  SIGNALS_RELAY_BATCH = 1000;

  /** Storefront `track()` events a visitor may send per minute (`POST /api/events/track`). */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  SIGNALS_TRACK_PER_MINUTE = 120;

  /** Window (ms) in which profile changes of one customer share one `churn-score` job (0: one job per change). */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  SIGNALS_CHURN_DEBOUNCE_MS = 2000;

  /** Churn model directory (written by `train churn`); without one, churn jobs complete unscored. */
  @IsString()
  CHURN_MODEL_DIR = 'models/churn';

  /** UTC hour (0–23) of the nightly full churn rescoring; -1 turns it off. */
  @Transform(toInt)
  @Max(23)
  @Min(-1)
  @IsInt()
  CHURN_NIGHTLY_HOUR = 3;

  get usesPostgres(): boolean {
    return !!this.DATABASE_URL;
  }

  get usesRedis(): boolean {
    return !!this.REDIS_URL;
  }
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/** Builds the validated config from an environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defaults = new AppConfig();
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults) as (keyof AppConfig)[]) {
    const value = env[key as string];
    if (value !== undefined && value !== '') raw[key as string] = value;
  }
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'ENCODER_DIR'] as const) {
    if (env[key]) raw[key] = env[key];
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false, stopAtFirstError: true });
  if (errors.length > 0) {
    const first = errors[0];
    const reason = Object.values(first.constraints ?? {})[0] ?? 'invalid value';
    const shown =
      first.property.includes('SECRET') || first.property.includes('PASSWORD')
        ? '(hidden)'
        : JSON.stringify(first.value);
    throw new ConfigError(`invalid configuration: ${first.property}=${shown}: ${reason}`);
  }
  if (
    config.NODE_ENV === 'production' &&
    (config.JWT_SECRET.startsWith('dev-only') || config.IDENTITY_SECRET.startsWith('dev-only'))
  ) {
    throw new ConfigError(
      'invalid configuration: JWT_SECRET/IDENTITY_SECRET must be set in production',
    );
  }
  return config;
}
