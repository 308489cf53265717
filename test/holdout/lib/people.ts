// Fictional account holders and addresses.

import type { Rng } from './prng.ts';

const FIRST = [
  'Margaret',
  'Daniel',
  'Priya',
  'Tomasz',
  'Helen',
  'Marcus',
  'Ingrid',
  'Samuel',
  'Aiko',
  'Ruth',
  'Oliver',
  'Nadia',
];
const LAST = [
  'Whitcombe',
  'Okafor',
  'Lindqvist',
  'Ramirez',
  'Hartley',
  'Brennan',
  'Castellano',
  'Ferreira',
  'Nakamura',
  'Osei',
];
const STREETS = [
  'Orchard Lane',
  'Harbor View Dr',
  'Maple Ridge Rd',
  'W 74th St',
  'Lakeshore Blvd',
  'Cedar Hollow Ct',
  'Elm Street',
];
const CITIES = [
  'Evanston, IL 60201',
  'Portland, OR 97209',
  'Scarsdale, NY 10583',
  'Austin, TX 78703',
  'Naperville, IL 60540',
  'Newton, MA 02458',
];
const FUNDS = [
  'Ashgrove Capital Partners LP',
  'Blue Heron Opportunities Fund',
  'Carraway Macro Master Fund Ltd',
  'Dunmore Equity Long/Short LP',
];
const UK_TOWNS = ['Guildford GU1 3JX', 'Harrogate HG1 2RQ', 'Bath BA1 5LS', 'Cheltenham GL50 1QA', 'London SW11 4NB'];
const UK_STREETS = ['Mulberry Close', 'Kingsway Gardens', 'Old Rectory Lane', 'Prince Albert Road'];
const DE_TOWNS = ['50667 Koeln', '40213 Duesseldorf', '60311 Frankfurt am Main', '53111 Bonn'];
const DE_STREETS = ['Rheinuferstrasse', 'Lindenallee', 'Goethestrasse', 'Am Hofgarten'];

export function person(rng: Rng): { name: string; address: string[] } {
  const name = `${rng.pick(FIRST)} ${String.fromCharCode(65 + rng.int(0, 25))}. ${rng.pick(LAST)}`;
  return { name, address: [`${rng.int(12, 4980)} ${rng.pick(STREETS)}`, rng.pick(CITIES)] };
}

export function ukPerson(rng: Rng): { name: string; address: string[] } {
  const title = rng.pick(['Mr', 'Mrs', 'Ms', 'Dr']);
  return {
    name: `${title} ${rng.pick(FIRST)} ${rng.pick(LAST)}`,
    address: [`${rng.int(2, 140)} ${rng.pick(UK_STREETS)}`, rng.pick(UK_TOWNS)],
  };
}

export function dePerson(rng: Rng): { name: string; address: string[] } {
  return {
    name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
    address: [`${rng.pick(DE_STREETS)} ${rng.int(1, 88)}`, rng.pick(DE_TOWNS)],
  };
}

export const fund = (rng: Rng): string => rng.pick(FUNDS);

const TICKERS: [string, string][] = [
  ['AAPL', 'APPLE INC'],
  ['MSFT', 'MICROSOFT CORP'],
  ['NVDA', 'NVIDIA CORP'],
  ['AMZN', 'AMAZON.COM INC'],
  ['JPM', 'JPMORGAN CHASE & CO'],
  ['XOM', 'EXXON MOBIL CORP'],
  ['KO', 'COCA-COLA CO'],
  ['PG', 'PROCTER & GAMBLE CO'],
  ['V', 'VISA INC CL A'],
  ['UNH', 'UNITEDHEALTH GROUP INC'],
  ['HD', 'HOME DEPOT INC'],
  ['PFE', 'PFIZER INC'],
  ['T', 'AT&T INC'],
  ['INTC', 'INTEL CORP'],
  ['CSCO', 'CISCO SYSTEMS INC'],
  ['DIS', 'WALT DISNEY CO'],
  ['SPY', 'SPDR S&P 500 ETF TRUST'],
  ['QQQ', 'INVESCO QQQ TRUST'],
  ['IWM', 'ISHARES RUSSELL 2000 ETF'],
  ['TLT', 'ISHARES 20+ YR TREASURY'],
  ['XLE', 'ENERGY SELECT SECTOR SPDR'],
  ['GLD', 'SPDR GOLD SHARES'],
  ['BA', 'BOEING CO'],
  ['CAT', 'CATERPILLAR INC'],
  ['MMM', '3M CO'],
  ['NKE', 'NIKE INC CL B'],
  ['ORCL', 'ORACLE CORP'],
  ['AMD', 'ADVANCED MICRO DEVICES'],
  ['TSLA', 'TESLA INC'],
  ['NFLX', 'NETFLIX INC'],
  ['CRM', 'SALESFORCE INC'],
  ['COST', 'COSTCO WHOLESALE CORP'],
  ['WMT', 'WALMART INC'],
  ['MRK', 'MERCK & CO INC'],
  ['ABBV', 'ABBVIE INC'],
  ['GS', 'GOLDMAN SACHS GROUP INC'],
  ['MS', 'MORGAN STANLEY'],
  ['C', 'CITIGROUP INC'],
  ['F', 'FORD MOTOR CO'],
  ['GM', 'GENERAL MOTORS CO'],
  ['UBER', 'UBER TECHNOLOGIES INC'],
  ['SHOP', 'SHOPIFY INC CL A'],
  ['SQ', 'BLOCK INC CL A'],
];

export function tickers(rng: Rng, n: number): [string, string][] {
  return rng.shuffle(TICKERS).slice(0, Math.min(n, TICKERS.length));
}
