/** The currency lookups live in `src/contract/`: the one strict amount parser (edit forms) builds on them. */
export * from '../../contract/currency.parser.ts';
