import { textCard } from '../cards/card.model.ts';
import type { CommandRunner } from './command.types.ts';

// Placeholder until the commands land: answers every command with usage.
export const createCommandRunner = (): CommandRunner => async () => ({
  card: textCard('MarginIQ', 'Commands: report, recent, pending, calls, stats, health, export, digest, role, help'),
  visibility: 'ephemeral',
});
