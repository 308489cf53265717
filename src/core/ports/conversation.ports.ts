import type { Card } from '../cards/card.model.ts';

export interface EventsRepository {
  /** Marks the key done for good: true the first time (alerts, reminders, welcomes: posted once). */
  claim(key: string): Promise<boolean>;
  /**
   * Takes a chat event for its handler (issue 18): true when it is new, or when an earlier claim
   * was released or is older than `leaseSeconds` (a replica crashed mid-handler).
   */
  begin(key: string, leaseSeconds: number): Promise<boolean>;
  /** The handler finished: the key is done and every redelivery is ignored. */
  finish(key: string): Promise<void>;
  /** The handler failed: the claim is dropped, so a redelivery is handled. */
  release(key: string): Promise<void>;
  /** Forgets keys recorded before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

/** One message of the local console's conversation as stored (issue 17): the page is read back from these. */
export interface ConsoleRecord {
  id: string;
  channelId: string;
  threadRef?: string | undefined;
  /** 'bot', or the platform-qualified user who wrote it. */
  from: string;
  /** Ephemeral: only this user sees it. */
  visibleTo?: string | undefined;
  card?: Card | undefined;
  text?: string | undefined;
  html: string;
  /** `key`: where its bytes are in FileStorage, so the link outlives the process (issue 17). */
  file?: { url: string; name: string; contentType: string; size: number; key?: string | undefined } | undefined;
  at: string;
  updatedAt?: string | undefined;
}

/** The console's conversation, shared by every process on the database (the page's process and workers). */
export interface ConsoleMessagesRepository {
  /** Stores a new message; returns its rev. */
  add(m: ConsoleRecord): Promise<number>;
  /** Replaces a message's card (the summary changing in place); its rev, or undefined when there is no such message. */
  update(id: string, change: { card: Card; html: string; updatedAt: string }): Promise<number | undefined>;
  /** The channel's last `limit` messages, oldest first, and the highest rev there is. */
  recent(channelId: string, limit: number): Promise<{ messages: (ConsoleRecord & { rev: number })[]; rev: number }>;
  /** Messages added or changed after `rev`, in rev order. */
  changedSince(rev: number, limit: number): Promise<(ConsoleRecord & { rev: number })[]>;
}

export interface ConversationsRepository {
  save(platform: string, conversationId: string, reference: unknown): Promise<void>;
  get(platform: string, conversationId: string): Promise<unknown>;
}

/** Display names of platform users (`teams:<aad id>` → "Dana Reyes"), as their platform last sent them. */
export interface PeopleRepository {
  remember(user: string, displayName: string): Promise<void>;
  /** The known names of these users; unknown ones are absent. */
  names(users: string[]): Promise<Map<string, string>>;
}
