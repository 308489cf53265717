import { TIME_OF_DAY_WORDS } from '../vocabulary/prose.words.ts';
import { phrasePattern } from '../vocabulary/word.patterns.ts';

/**
 * Times of day are numbers that are never money: `10:30`, `10:30:15 PM`, `12.00 noon`, `by 2 pm`,
 * `1500 hrs`. A clock with a colon is a time by itself; an hour (with minutes after a colon or a dot, or
 * four digits `1500`) is one when a time word (`noon`, `a.m.`, `hrs`) follows it.
 */
const WORD = phrasePattern(TIME_OF_DAY_WORDS);
const HOUR = String.raw`(?:[01]?\d|2[0-4])(?:[:.][0-5]\d)?|(?:[01]\d|2[0-3])[0-5]\d`;
/** A colon clock, seconds optional: `7:23`, `23:59`, `08:14:22`. */
const CLOCK = String.raw`\b\d{1,2}:\d{2}(?::\d{2})?`;

/** Clock times in free text, global: a colon clock, or an hour followed by a time word. */
export const TIME_OF_DAY = new RegExp(String.raw`${CLOCK}(?:\s?${WORD})?|(?<![\d.,:])(?:${HOUR})\s?${WORD}`, 'gi');

/** A colon clock standing alone, not the start of a longer number (`1:23.5`, `2:345`). */
const CLOCK_ALONE = new RegExp(String.raw`${CLOCK}(?:\s?${WORD})?(?![\d.,])`, 'i');

/** True when the text prints a clock time (`7:23 PM`, `23:59`, `08:14:22`), e.g. beside a date. */
export const printsClockTime = (text: string): boolean => CLOCK_ALONE.test(text);

const HOUR_ALONE = new RegExp(String.raw`^\s*(?:${HOUR})\s*$`);
const WORD_FIRST = new RegExp(String.raw`^\s*${WORD}`, 'i');

/** A number that could be an hour of the clock (`12.00`, `9`, `10:30`, `1500`), read on its own. */
export const mayBeHour = (text: string): boolean => HOUR_ALONE.test(text);

/** Text that starts with a time word (`noon on 8 December`, `p.m. Eastern`). */
export const startsWithTimeWord = (text: string): boolean => WORD_FIRST.test(text);
