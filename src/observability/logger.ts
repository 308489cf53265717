import pino, { type Logger } from 'pino';

export type { Logger };

// Keys whose values never reach a log line, at any depth pino can address.
const REDACT_PATHS = [
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.headers.cookie',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.clientSecret',
  '*.secret',
  '*.password',
  '*.key',
  '*.apiKey',
  'token',
  'botToken',
  'signingSecret',
  'clientSecret',
  'password',
];

// Slack tokens, bearer headers and JWTs inside free text (error messages, URLs).
const SECRET_PATTERNS: RegExp[] = [
  /xox[abposr]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  /Bearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  /(postgres(?:ql)?:\/\/[^:/\s]+:)[^@\s]+@/g,
];

export function scrubSecrets(text: string): string {
  let out = text;
  for (const re of SECRET_PATTERNS) {
    out = out.replace(re, (m, prefix: unknown) =>
      typeof prefix === 'string' && m.startsWith('postgres') ? `${prefix}[Redacted]@` : '[Redacted]',
    );
  }
  return out;
}

export interface LoggerOptions {
  level: string;
  pretty?: boolean;
  destination?: pino.DestinationStream;
  base?: Record<string, unknown>;
  /** 1 for services (stdout), 2 for commands whose stdout is their output. */
  fd?: 1 | 2;
}

export function createLogger(opts: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level: opts.level,
    base: opts.base ?? { service: 'marginiq' },
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    serializers: {
      err: (err: unknown) => {
        const s = pino.stdSerializers.err(err as Error);
        return { ...s, message: scrubSecrets(s.message ?? ''), stack: s.stack ? scrubSecrets(s.stack) : undefined };
      },
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a)) as Parameters<typeof method>;
        method.apply(this, scrubbed);
      },
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (opts.destination) return pino(options, opts.destination);
  if (opts.pretty) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { colorize: true, destination: opts.fd ?? 1 } },
    });
  }
  return pino(options, pino.destination({ dest: opts.fd ?? 1, sync: false }));
}
