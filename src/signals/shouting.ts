/**
 * SHOUTING: three or more consecutive words in capitals (acronyms such as IBAN, DNI or 4G do not count),
 * or a run of three or more "!", "¡" or "?". A doubled "¡¡Gracias!!" is enthusiasm, not shouting.
 */

export interface Shouting {
  shouting: boolean;
  /** The shouted words or the run of marks, as written. */
  quote?: string;
}

/** Capitalised words that are names of things, not raised voices. */
const ACRONYMS = new Set([
  'IBAN',
  'DNI',
  'NIE',
  'NIF',
  'CIF',
  'CUPS',
  'SMS',
  'MMS',
  'ADSL',
  'FAQ',
  'PDF',
  'URL',
  'OK',
  'USA',
  'UK',
  'EU',
  'UE',
  'IVA',
  'ID',
  'PIN',
  'PUK',
  'TV',
  'HD',
  'WIFI',
  'WI',
  'FI',
  'APP',
  'IOS',
  'GPS',
  'SIM',
  'ESIM',
  'MB',
  'GB',
  'KB',
  'TB',
  'KW',
  'KWH',
  'CEO',
  'CV',
  'IT',
  'VIP',
  'DM',
  'MD',
  'RRSS',
  'ONG',
  'IRPF',
  'SEPA',
  'BIC',
  'SWIFT',
  'RGPD',
  'GDPR',
  'LOPD',
  'ATM',
  'NFC',
  'QR',
  'VAT',
  'PO',
  'SAT',
  'RFC',
  'CURP',
  'IMSS',
  'CFE',
  'INE',
  'OXXO',
  'SPEI',
  'CLABE',
  'ETA',
  'AM',
  'PM',
  'FTTH',
  'LTE',
  'CP',
  'NY',
  'LA',
  'SL',
  'SA',
]);

/** Words, skipping @mentions and #hashtags (handles are often written in capitals). */
const WORD = /(?<![@#\p{L}\p{N}_])[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const MARKS = /[!¡?¿]{3,}/u;

export function detectShouting(text: string): Shouting {
  const marks = MARKS.exec(text.slice(0, 20_000));
  // Runs as [start, end, words] in the original text, so the quote is verbatim.
  let run: { start: number; end: number; words: number } | undefined;
  let best: { start: number; end: number; words: number } | undefined;
  WORD.lastIndex = 0;
  const sample = text.slice(0, 20_000);
  for (let m = WORD.exec(sample); m; m = WORD.exec(sample)) {
    const word = m[0];
    const letters = word.replace(/[^\p{L}]/gu, '');
    const capital = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    const end = m.index + word.length;
    if (capital && !ACRONYMS.has(letters.toUpperCase()) && !/\d/.test(word)) {
      run = run ? { start: run.start, end, words: run.words + 1 } : { start: m.index, end, words: 1 };
      if (!best || run.words > best.words) best = run;
    } else if (capital && run && ACRONYMS.has(letters)) {
      run = { ...run, end }; // an acronym inside shouted words neither counts nor breaks the run
    } else {
      run = undefined;
    }
  }
  if (best && best.words >= 3) return { shouting: true, quote: sample.slice(best.start, best.end) };
  if (marks) return { shouting: true, quote: marks[0] };
  return { shouting: false };
}
