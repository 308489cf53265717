import type { Permission } from '../access/roles.ts';
import type { Command } from './command.grammar.ts';

/** The permission each command needs (null: anyone), checked before it runs. */
export const PERMISSION: Record<Command['name'], Permission | null> = {
  report: 'read',
  recent: 'read',
  pending: 'read',
  calls: 'read',
  call: 'read',
  stats: 'read',
  health: 'health',
  export: 'export',
  digest: 'subscribe',
  role: 'role',
  'four-eyes': 'settings',
  channel: 'channel',
  home: 'read',
  layouts: 'layouts',
  forget: 'layouts',
  help: null,
};

/** The sentence a refused command answers, by the permission it lacked. */
export const REFUSAL: Record<Permission, string> = {
  upload: 'Only analysts and above can upload reports.',
  read: 'Reading reports needs at least the viewer role.',
  approve: 'Only approvers and admins can approve reports.',
  reject: 'Only approvers and admins can reject reports.',
  edit: 'Only approvers and admins can edit reports.',
  replace: 'Only approvers and admins can resolve duplicate reports.',
  keep: 'Only approvers and admins can resolve duplicate reports.',
  export: 'Only analysts, approvers and admins can export reports. Ask an admin for the analyst role.',
  subscribe: 'Only analysts, approvers and admins can manage digests in a channel. Ask an admin for the analyst role.',
  role: 'Only admins can assign roles.',
  health: 'Only admins can see service health and the recent problems.',
  settings: 'Only admins can change four-eyes approval.',
  channel: 'Only admins can mark risk channels.',
  layouts: 'Only admins can list or delete what layout memory learned.',
};
