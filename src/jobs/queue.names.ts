/** Queue names shared by the producer (chat adapters) and the workers. */
export const INGEST_QUEUE = 'marginiq-ingest';
export const INGEST_DEAD_LETTER_QUEUE = 'marginiq-ingest-dead';
