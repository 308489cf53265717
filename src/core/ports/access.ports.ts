import type { Role } from '../access/roles.ts';

/** A role given in chat (`/margin role`): the platform-qualified user and the role. */
export interface RoleGrant {
  user: string;
  role: Role;
}

export interface RolesRepository {
  get(user: string): Promise<Role | undefined>;
  set(user: string, role: Role, by: string): Promise<void>;
  list(): Promise<RoleGrant[]>;
}

export type SubscriptionKind = 'digest' | 'weekly' | 'alerts';

/** A conversation that asked for a kind of post (`/margin digest here`). */
export interface Subscription {
  platform: string;
  channelId: string;
}

export interface SubscriptionsRepository {
  subscribe(platform: string, channelId: string, kind: SubscriptionKind, by: string): Promise<boolean>;
  unsubscribe(platform: string, channelId: string, kind: SubscriptionKind): Promise<boolean>;
  list(kind: SubscriptionKind): Promise<Subscription[]>;
}

/** Channels an admin marked with `/margin channel risk`: the whole book may be posted there (issue 18). */
export interface RiskChannelsRepository {
  isRisk(platform: string, channelId: string): Promise<boolean>;
  /** True when it changed. */
  mark(platform: string, channelId: string, by: string): Promise<boolean>;
  /** True when it changed. */
  unmark(platform: string, channelId: string): Promise<boolean>;
}

/** Settings an admin changes from chat, overriding the environment's default (`/margin four-eyes on|off`). */
export interface SettingsRepository {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, by: string): Promise<void>;
}
