/**
 * The typed errors live in `src/contract/` because extraction throws them too and imports no code
 * from core; core modules keep importing them from here.
 */
export * from '../contract/errors.ts';
