import type { RiskChannelsRepository, RolesRepository } from '../ports/access.ports.ts';
import { createScopes, type Scopes } from './scope.ts';

export type Role = 'viewer' | 'analyst' | 'approver' | 'admin';

export const ROLES: readonly Role[] = ['viewer', 'analyst', 'approver', 'admin'];
export const DEFAULT_ROLE: Role = 'analyst';

export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);
export const atLeast = (role: Role, needed: Role) => ROLES.indexOf(role) >= ROLES.indexOf(needed);

/** What each action needs. One table, so a matrix test can walk it. */
export const REQUIRED_ROLE = {
  upload: 'analyst',
  read: 'viewer',
  approve: 'approver',
  reject: 'approver',
  edit: 'approver',
  replace: 'approver',
  keep: 'approver',
  export: 'analyst',
  subscribe: 'analyst',
  role: 'admin',
  /** `/margin health`: service health and the last problems, with file names from every channel. */
  health: 'admin',
  settings: 'admin',
  channel: 'admin',
  /** `/margin layouts` and `/margin forget` (issue 16): what corrections taught, and deleting it. */
  layouts: 'admin',
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof REQUIRED_ROLE;

export interface Access extends Scopes {
  roleOf(user: string): Promise<Role>;
  can(user: string, permission: Permission): Promise<boolean>;
}

/** Admins come from ADMINS and from the roles table; everyone else the bot can see is an analyst. */
export function createAccess(deps: {
  admins: readonly string[];
  roles: RolesRepository;
  /** Issue 18: channels marked risk with `/margin channel risk`, and DIGEST_CHANNELS, which are risk channels too. */
  riskChannels?: Pick<RiskChannelsRepository, 'isRisk'>;
  digestChannels?: readonly string[];
}): Access {
  const admins = new Set(deps.admins);
  const roleOf = async (user: string): Promise<Role> => {
    if (admins.has(user)) return 'admin';
    return (await deps.roles.get(user)) ?? DEFAULT_ROLE;
  };
  return {
    ...createScopes({
      decides: async (user) => atLeast(await roleOf(user), 'approver'),
      riskChannels: deps.riskChannels,
      digestChannels: deps.digestChannels,
    }),
    roleOf,
    async can(user, permission) {
      return atLeast(await roleOf(user), REQUIRED_ROLE[permission]);
    },
  };
}
