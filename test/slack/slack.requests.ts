import { createHmac, randomUUID } from 'node:crypto';

/**
 * Requests as Slack sends them to /slack/events: JSON for the Events API, form bodies for slash
 * commands, `payload=` forms for clicks and modal submissions, each signed `v0=HMAC-SHA256(v0:ts:body)`.
 */

export const TEAM = 'T0001';

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Replaces the computed signature (forgeries). */
  signature?: string;
  headers?: Record<string, string>;
}

export function slackSender(baseUrl: string, secret: string) {
  const send = async (body: string, contentType: string, o: SendOptions = {}) => {
    const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
    const res = await fetch(`${baseUrl}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': o.signature ?? signature(secret, timestamp, body),
        ...o.headers,
      },
      body,
    });
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  return {
    send,
    event: (event: Record<string, unknown>, o: SendOptions & { eventId?: string } = {}) =>
      send(JSON.stringify(eventEnvelope(event, o.eventId)), 'application/json', o),
    command: (fields: Record<string, string>, o: SendOptions = {}) =>
      send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', o),
    interaction: (payload: Record<string, unknown>, o: SendOptions = {}) =>
      send(
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        'application/x-www-form-urlencoded',
        o,
      ),
  };
}

export type SlackSender = ReturnType<typeof slackSender>;

export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${randomUUID().slice(0, 8)}`) {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: 'A0001',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export function fileShareMessage(o: {
  channel: string;
  user: string;
  ts: string;
  thread_ts?: string;
  files: unknown[];
  text?: string;
}) {
  return {
    type: 'message',
    subtype: 'file_share',
    text: o.text ?? '',
    files: o.files,
    upload: false,
    user: o.user,
    display_as_bot: false,
    ts: o.ts,
    ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}),
    channel: o.channel,
    channel_type: 'channel',
    event_ts: o.ts,
  };
}

export function fileSharedEvent(o: { channel: string; user: string; fileId: string }) {
  return {
    type: 'file_shared',
    channel_id: o.channel,
    file_id: o.fileId,
    user_id: o.user,
    file: { id: o.fileId },
    event_ts: `${Math.floor(Date.now() / 1000)}.000200`,
  };
}

export function buttonClick(o: {
  user: string;
  channel: string;
  messageTs: string;
  threadTs?: string;
  actionId: string;
  value: string;
  responseUrl: string;
  /** A button on an ephemeral message (a command's answer): Slack sends no `message` for those. */
  ephemeral?: boolean;
}) {
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'double' },
    user: { id: o.user, username: o.user.toLowerCase(), name: o.user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: o.messageTs,
      channel_id: o.channel,
      is_ephemeral: Boolean(o.ephemeral),
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    },
    trigger_id: `trig.${randomUUID()}`,
    channel: { id: o.channel, name: 'margin' },
    ...(o.ephemeral
      ? {}
      : {
          message: {
            type: 'message',
            ts: o.messageTs,
            ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
            text: '',
            bot_id: 'BBOT',
          },
        }),
    response_url: o.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: o.actionId,
        block_id: 'marginiq.actions.0',
        text: { type: 'plain_text', text: 'Approve', emoji: true },
        value: o.value,
        action_ts: `${Math.floor(Date.now() / 1000)}.000300`,
      },
    ],
  };
}

export function viewSubmission(o: {
  user: string;
  callbackId: string;
  privateMetadata: string;
  values: Record<string, string | undefined>;
}) {
  const state: Record<string, Record<string, unknown>> = {};
  for (const [block, value] of Object.entries(o.values)) {
    state[block] =
      block === 'report_date'
        ? { value: { type: 'datepicker', selected_date: value ?? null } }
        : block === 'reason_code'
          ? {
              value: {
                type: 'static_select',
                selected_option: value ? { text: { type: 'plain_text', text: value }, value } : null,
              },
            }
          : { value: { type: 'plain_text_input', value: value ?? null } };
  }
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'double' },
    user: { id: o.user, username: o.user.toLowerCase(), name: o.user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    trigger_id: `trig.${randomUUID()}`,
    view: {
      id: 'V0001',
      team_id: TEAM,
      type: 'modal',
      callback_id: o.callbackId,
      private_metadata: o.privateMetadata,
      blocks: [],
      state: { values: state },
      hash: 'h',
      title: { type: 'plain_text', text: 'Edit report' },
      app_id: 'A0001',
      bot_id: 'BBOT',
    },
    response_urls: [],
  };
}

export function slashCommand(o: { user: string; channel: string; text: string; responseUrl: string }) {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'double',
    channel_id: o.channel,
    channel_name: 'margin',
    user_id: o.user,
    user_name: o.user.toLowerCase(),
    command: '/margin',
    text: o.text,
    api_app_id: 'A0001',
    response_url: o.responseUrl,
    trigger_id: `trig.${randomUUID()}`,
  };
}

/** Slack's event when someone opens the app's Home tab. */
export function appHomeOpened(user: string) {
  return {
    type: 'app_home_opened',
    user,
    channel: `D${user.replace(/^[UW]/, '')}`,
    tab: 'home',
    event_ts: `${Math.floor(Date.now() / 1000)}.000400`,
  };
}

/** A button click on the App Home tab: the container is the view; there is no channel and no message. */
export function homeClick(o: { user: string; actionId: string; value: string }) {
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'double' },
    user: { id: o.user, username: o.user.toLowerCase(), name: o.user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: { type: 'view', view_id: 'VHOME' },
    trigger_id: `trig.${randomUUID()}`,
    view: { id: 'VHOME', team_id: TEAM, type: 'home', blocks: [], private_metadata: '', callback_id: '', hash: 'h' },
    actions: [
      {
        type: 'button',
        action_id: o.actionId,
        block_id: 'marginiq.actions.0',
        text: { type: 'plain_text', text: 'Approve', emoji: true },
        value: o.value,
        action_ts: `${Math.floor(Date.now() / 1000)}.000500`,
      },
    ],
  };
}
