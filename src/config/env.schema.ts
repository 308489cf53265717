import { z } from 'zod';

const platformUser = /^(slack|teams|console):[^,\s]+$/;

const list = (pattern: RegExp, what: string) =>
  z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine((items) => items.every((i) => pattern.test(i)), {
      message: `must be a comma list of ${what}`,
    });

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (def: number, max: number) => z.coerce.number().int().positive().max(max).default(def);

const onOff = (def: 'on' | 'off') =>
  z
    .enum(['on', 'off', 'true', 'false', '1', '0', ''], { error: 'must be on or off' })
    .default(def)
    .transform((v) => (v === '' ? def === 'on' : v === 'on' || v === 'true' || v === '1'));

/** `2h`, `90m`, `1h30m`: a duration in minutes. */
const duration = (def: string) =>
  z
    .string()
    .default(def)
    .refine((v) => /^(\d{1,4}h)?(\d{1,5}m)?$/i.test(v.trim()) && v.trim() !== '', {
      message: 'must be a duration such as 2h, 90m or 1h30m',
    })
    .transform((v) => {
      const m = /^(?:(\d+)h)?(?:(\d+)m)?$/i.exec(v.trim())!;
      return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
    })
    .refine((minutes) => minutes > 0, { message: 'must be longer than zero' });

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** The environment table of the interface, and nothing else reads process.env. */
export const envSchema = z
  .object({
    NODE_ENV: z.string().default('development'),
    PORT: z.coerce
      .number({ error: 'must be a port number from 0 to 65535' })
      .int('must be a port number from 0 to 65535')
      .min(0, 'must be a port number from 0 to 65535')
      .max(65535, 'must be a port number from 0 to 65535')
      .default(3000),
    HOST: z.string().min(1).optional(),
    DATABASE_URL: optionalNonEmpty.refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: 'must be a postgres:// or postgresql:// connection string',
    }),
    DATA_DIR: z.string().min(1).default('./data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SLACK_BOT_TOKEN: optionalNonEmpty,
    SLACK_SIGNING_SECRET: optionalNonEmpty,
    SLACK_APP_TOKEN: optionalNonEmpty,
    SLACK_API_URL: z.string().url().default('https://slack.com/api/'),
    SLACK_ALLOWED_TEAMS: list(/^[TE][A-Z0-9]{2,}$/, 'Slack workspace or enterprise ids, e.g. T0123,E0456'),
    TEAMS_CLIENT_ID: optionalNonEmpty,
    TEAMS_CLIENT_SECRET: optionalNonEmpty,
    TEAMS_TENANT_ID: optionalNonEmpty,
    TEAMS_ENABLED: bool,
    TEAMS_ALLOWED_TENANTS: list(/^[0-9a-fA-F-]{36}$/, 'Microsoft Entra tenant ids (GUIDs)'),
    SUPABASE_URL: optionalNonEmpty.refine((v) => v === undefined || /^https?:\/\//.test(v), {
      message: 'must be an http(s) URL',
    }),
    SUPABASE_SERVICE_ROLE_KEY: optionalNonEmpty,
    SUPABASE_BUCKET: z.string().min(1).default('margin-reports'),
    ADMINS: list(platformUser, 'platform:user ids, e.g. slack:U0123,teams:<aad-object-id>'),
    DIGEST_CRON: z.string().default('0 7 * * 1-5'),
    DIGEST_TZ: z.string().default('UTC'),
    DIGEST_CHANNELS: list(platformUser, 'platform:channel ids, e.g. slack:C0123,teams:<conversation-id>'),
    MAX_FILE_MB: z.coerce.number().positive().max(1024).default(25),
    MAX_PAGES: positiveInt(50, 10_000),
    CONSOLE_ENABLED: z.enum(['true', 'false', 'auto']).default('auto'),
    CONSOLE_TOKEN: optionalNonEmpty,
    PUBLIC_URL: optionalNonEmpty,
    OCR_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
    OCR_IDLE_S: z.coerce.number().min(0).max(86_400).default(60),
    EXTRACT_TIMEOUT_S: z.coerce.number().positive().max(3600).default(120),
    REPLICA_ID: optionalNonEmpty,
    // Margin calls and the scoreboard (issue 15).
    CALL_DUE_DAYS: z.coerce.number().int().min(0).max(60).default(1),
    MINUTES_SAVED_PER_REPORT: z.coerce.number().min(0).max(1440).default(10),
    // Trust at decision time (issue 14).
    FOUR_EYES: onOff('on'),
    DUAL_APPROVAL_ABOVE: optionalNonEmpty.pipe(
      z
        .string()
        .regex(/^\d+(\.\d+)?$/, 'must be an amount such as 250000')
        .transform(Number)
        .optional(),
    ),
    REMIND_AFTER: duration('2h'),
    ESCALATE_AFTER: duration('8h'),
    REMIND_HOURS: optionalNonEmpty.refine(
      (v) => {
        if (v === undefined) return true;
        const m = /^(\d{1,2})-(\d{1,2})$/.exec(v);
        return Boolean(m && Number(m[1]) < Number(m[2]) && Number(m[2]) <= 24);
      },
      { message: 'must be hours like 08-18 (start before end, end at most 24)' },
    ),
    FLAG_EQUITY_DROP_PCT: z.coerce.number().min(0).max(100).default(30),
    FLAG_REQUIREMENT_RISE_PCT: z.coerce.number().min(0).max(10_000).default(50),
    FLAG_EXCESS_TURNS_NEGATIVE: onOff('on'),
  })
  .superRefine((env, ctx) => {
    const slackPartial = Boolean(env.SLACK_BOT_TOKEN) !== Boolean(env.SLACK_SIGNING_SECRET) && !env.SLACK_APP_TOKEN;
    if (slackPartial) {
      const missing = env.SLACK_BOT_TOKEN ? 'SLACK_SIGNING_SECRET' : 'SLACK_BOT_TOKEN';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is required when Slack is configured' });
    }
    if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required with SLACK_APP_TOKEN' });
    }
    const teams = [env.TEAMS_CLIENT_ID, env.TEAMS_CLIENT_SECRET, env.TEAMS_TENANT_ID];
    if (teams.some(Boolean) && !teams.every(Boolean)) {
      for (const [name, v] of [
        ['TEAMS_CLIENT_ID', env.TEAMS_CLIENT_ID],
        ['TEAMS_CLIENT_SECRET', env.TEAMS_CLIENT_SECRET],
        ['TEAMS_TENANT_ID', env.TEAMS_TENANT_ID],
      ] as const) {
        if (!v) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when Teams credentials are set' });
      }
    }
    // The console acts as any role it is asked to: where a chat platform makes the service reachable
    // from outside, only a token may open it (never a Host allow-list).
    const platform = Boolean(env.SLACK_BOT_TOKEN) || teams.some(Boolean) || env.TEAMS_ENABLED;
    if (env.CONSOLE_ENABLED === 'true' && platform && !env.CONSOLE_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['CONSOLE_TOKEN'],
        message: 'is required with CONSOLE_ENABLED=true when Slack or Teams is configured',
      });
    }
    if (Boolean(env.SUPABASE_URL) !== Boolean(env.SUPABASE_SERVICE_ROLE_KEY)) {
      const missing = env.SUPABASE_URL ? 'SUPABASE_SERVICE_ROLE_KEY' : 'SUPABASE_URL';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is required when Supabase Storage is configured' });
    }
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: env.DIGEST_TZ });
    } catch {
      ctx.addIssue({ code: 'custom', path: ['DIGEST_TZ'], message: 'is not a known IANA time zone' });
    }
  });

export type Env = z.infer<typeof envSchema>;
