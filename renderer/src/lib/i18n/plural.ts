// English plural forms through Intl.PluralRules (one/other), for the English table; Chinese needs none.
const ENGLISH_PLURALS = new Intl.PluralRules('en');

/** "1 card", "3 cards". */
export const counted = (count: number, one: string, other: string): string => `${count} ${ENGLISH_PLURALS.select(count) === 'one' ? one : other}`;
