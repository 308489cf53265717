/**
 * Words of a printed e-mail that mark where an older message starts below the new one: a reply's
 * header (`From: … Sent: …`), a client's reply line (`On 3 Dec 2026, X wrote:`), a separator
 * (`-----Original Message-----`) and the quote mark of a quoted line (`> …`).
 */

/** The field that opens a message header (`From:`). */
export const HEADER_FROM_WORDS: readonly string[] = ['from'];
/** A field of the same header that dates it (`Sent:`, `Date:`), on the same line or just below. */
export const HEADER_DATE_WORDS: readonly string[] = ['sent', 'date'];
/** The verb that ends a reply line (`… wrote:`). */
export const REPLY_VERBS: readonly string[] = ['wrote'];
/** The word that opens a reply line (`On Thursday, …`). */
export const REPLY_LEADS: readonly string[] = ['on'];
/** Separator lines a mail program prints before the older message. */
export const ORIGINAL_MESSAGE_WORDS: readonly string[] = ['original message', 'forwarded message'];
/** The mark that starts a quoted line. */
export const QUOTE_MARKS: readonly string[] = ['>'];
