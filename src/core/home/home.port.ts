import type { Platform } from '../ports/chat.ports.ts';

/** Which home: one per person per place it is drawn in. */
export interface HomeViewerKey {
  platform: Platform;
  /** Platform-qualified (`slack:U0123`). */
  user: string;
  /** '' for Slack App Home; the conversation the home card or message is in otherwise. */
  channelId: string;
}

/** Where a person's home was last drawn (issue 17), stored so any replica can draw it again. */
export interface HomeViewer extends HomeViewerKey {
  surface: 'private' | 'conversation';
  /** The home card's message (a Teams activity, a console message); null for Slack App Home. */
  messageRef: string | null;
  seenAt: string;
}

export interface HomeViewersRepository {
  /** Records that a home was just drawn here (a new home card in a chat replaces the one before). */
  seen(v: Omit<HomeViewer, 'seenAt'>): Promise<void>;
  /** Homes drawn since `since`, most recently seen first. */
  recent(since: Date, limit: number): Promise<HomeViewer[]>;
  /** Marks homes to be drawn again; a mark already there keeps its time. Returns how many rows exist. */
  markDue(keys: HomeViewerKey[]): Promise<number>;
  /** Takes up to `limit` marked homes, oldest mark first, clearing the marks: each mark is taken by one caller. */
  takeDue(limit: number): Promise<HomeViewer[]>;
  /** Forgets a home that cannot be drawn any more (its card was deleted). */
  forget(key: HomeViewerKey): Promise<void>;
}
