import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import path from 'node:path';
import { type Env, envSchema } from './env.schema.ts';

export interface ConfigProblem {
  setting: string;
  reason: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

/** The resolved configuration every other module receives (never process.env). */
export function loadConfig(source: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      setting: String(i.path[0] ?? 'environment'),
      reason: i.message.replace(/^Invalid input: /, ''),
    }));
    return { ok: false, problems: dedupe(problems) };
  }
  const env = parsed.data;
  // node-cron (and the crypto it loads) only when a schedule was given: the default is valid (tested), and
  // `marginiq extract` never schedules anything.
  if (source.DIGEST_CRON !== undefined && !validCron(env.DIGEST_CRON)) {
    return { ok: false, problems: [{ setting: 'DIGEST_CRON', reason: 'is not a valid cron expression' }] };
  }
  return { ok: true, config: resolve(env) };
}

function validCron(expression: string): boolean {
  const cron = createRequire(import.meta.url)('node-cron') as typeof import('node-cron');
  return cron.validate(expression);
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.setting}:${p.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function resolve(env: Env) {
  const dataDir = path.resolve(env.DATA_DIR);
  const slackConfigured = Boolean(env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN));
  const teamsCredentials = Boolean(env.TEAMS_CLIENT_ID && env.TEAMS_CLIENT_SECRET && env.TEAMS_TENANT_ID);
  const teamsConfigured = teamsCredentials || env.TEAMS_ENABLED;
  const anyPlatform = slackConfigured || teamsConfigured;
  // With a platform the console never runs without a token (the schema refuses CONSOLE_ENABLED=true without one).
  const consoleEnabled = env.CONSOLE_ENABLED !== 'false' && (!anyPlatform || Boolean(env.CONSOLE_TOKEN));
  return {
    env: env.NODE_ENV,
    // The console with no platform configured is for one person on a laptop: localhost unless HOST says otherwise.
    http: { port: env.PORT, host: env.HOST ?? (anyPlatform ? '0.0.0.0' : '127.0.0.1') },
    database: env.DATABASE_URL
      ? { kind: 'postgres' as const, url: env.DATABASE_URL }
      : { kind: 'pglite' as const, dir: path.join(dataDir, 'db') },
    dataDir,
    logLevel: env.LOG_LEVEL,
    slack: slackConfigured
      ? {
          botToken: env.SLACK_BOT_TOKEN!,
          signingSecret: env.SLACK_SIGNING_SECRET,
          appToken: env.SLACK_APP_TOKEN,
          apiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`,
          // Beside the bot token's own workspace (auth.test), which is always allowed.
          allowedTeams: env.SLACK_ALLOWED_TEAMS,
        }
      : undefined,
    teams: teamsConfigured
      ? {
          clientId: env.TEAMS_CLIENT_ID,
          clientSecret: env.TEAMS_CLIENT_SECRET,
          tenantId: env.TEAMS_TENANT_ID,
          unauthenticated: !teamsCredentials,
          // TEAMS_TENANT_ID and any listed in TEAMS_ALLOWED_TENANTS; empty (no check) only without credentials.
          allowedTenants: [
            ...new Set([...(env.TEAMS_TENANT_ID ? [env.TEAMS_TENANT_ID] : []), ...env.TEAMS_ALLOWED_TENANTS]),
          ],
        }
      : undefined,
    storage:
      env.SUPABASE_URL && env.SUPABASE_SERVICE_ROLE_KEY
        ? {
            kind: 'supabase' as const,
            url: env.SUPABASE_URL,
            key: env.SUPABASE_SERVICE_ROLE_KEY,
            bucket: env.SUPABASE_BUCKET,
          }
        : { kind: 'local' as const, dir: path.join(dataDir, 'files') },
    admins: env.ADMINS,
    digest: { cron: env.DIGEST_CRON, tz: env.DIGEST_TZ, channels: env.DIGEST_CHANNELS },
    limits: {
      maxFileBytes: Math.round(env.MAX_FILE_MB * 1024 * 1024),
      maxPages: env.MAX_PAGES,
      extractTimeoutMs: Math.round(env.EXTRACT_TIMEOUT_S * 1000),
    },
    ocrWorkers: env.OCR_WORKERS ?? Math.max(1, cpus().length),
    ocrIdleMs: Math.round(env.OCR_IDLE_S * 1000),
    console: { enabled: consoleEnabled, token: env.CONSOLE_TOKEN, platformConfigured: anyPlatform },
    publicUrl: env.PUBLIC_URL,
    replicaId: env.REPLICA_ID,
    calls: { dueDays: env.CALL_DUE_DAYS, minutesSavedPerReport: env.MINUTES_SAVED_PER_REPORT },
    trust: {
      fourEyes: env.FOUR_EYES,
      dualApprovalAbove: env.DUAL_APPROVAL_ABOVE,
      flags: {
        equityDropPct: env.FLAG_EQUITY_DROP_PCT,
        requirementRisePct: env.FLAG_REQUIREMENT_RISE_PCT,
        excessTurnsNegative: env.FLAG_EXCESS_TURNS_NEGATIVE,
      },
    },
    reminders: {
      afterMinutes: env.REMIND_AFTER,
      escalateAfterMinutes: env.ESCALATE_AFTER,
      hours: env.REMIND_HOURS
        ? { from: Number(env.REMIND_HOURS.split('-')[0]), to: Number(env.REMIND_HOURS.split('-')[1]) }
        : undefined,
      tz: env.DIGEST_TZ,
    },
  };
}

export type Config = ReturnType<typeof resolve>;
