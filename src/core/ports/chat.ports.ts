import type { Card } from '../cards/card.model.ts';
import type { HomeViewer } from '../home/home.port.ts';

/** A place a message lives: enough for any platform to reply in the thread or update it. */
export interface ConversationRef {
  platform: Platform;
  channelId: string;
  threadRef?: string | undefined;
}

export type Platform = 'slack' | 'teams' | 'console';

export interface PostedMessage {
  messageRef: string;
  /**
   * Issue 17: the simpler form the platform took when it refused the native one (`table`: no native
   * charts or sortable tables; `fields`: no tables either; `text`: no cards). Absent when native.
   */
  fallback?: 'table' | 'fields' | 'text';
}

/** What the core needs from a chat platform. Each adapter implements it; the core never sees an SDK. */
export interface ChatGateway {
  readonly platform: Platform;
  post(to: ConversationRef, card: Card): Promise<PostedMessage>;
  /**
   * `progress`: a best-effort step of work in progress (issue 17), dropped by the caller if it fails:
   * the adapter does not wait out rate limits for it but fails fast, with `details.retryAfterMs` when
   * the platform said how long to wait.
   */
  update(to: ConversationRef, messageRef: string, card: Card, opts?: { progress?: boolean }): Promise<void>;
  /** A message only one user sees (refusals). Platforms without it post a normal reply. */
  postEphemeral(to: ConversationRef, userId: string, card: Card): Promise<void>;
  uploadFile(
    to: ConversationRef,
    file: { name: string; bytes: Uint8Array; contentType: string; title?: string; comment?: string },
  ): Promise<void>;
  /**
   * Issue 17: draws a person's home again where it was last drawn (Slack: App Home's views.publish;
   * Teams and the console: the home card's message, updated in place). `gone`: it cannot be drawn
   * there any more (no message to update), and is forgotten.
   */
  refreshHome?(home: HomeViewer, card: Card): Promise<'drawn' | 'gone'>;
}

export type GatewayRegistry = Partial<Record<Platform, ChatGateway>>;
