/** The digit reader lives in `src/contract/`: the one strict amount parser (edit forms) builds on it. */
export * from '../../contract/number.reader.ts';
