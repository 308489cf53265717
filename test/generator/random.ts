// The generator draws from the fixtures' seeded PRNG (mulberry32): offline and reproducible. Sharing the
// PRNG does not share vocabulary — the generator's words stay its own (test/generator/vocabulary.test.ts).
export { createRng as seeded, type Rng } from '../fixtures/prng.ts';
