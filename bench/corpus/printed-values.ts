// Values as EDGAR prints them on a Form 4: dates MM/DD/YYYY, counts with thousands commas, prices with a
// dollar sign. The parser reads these back, so they must match what real printed filings show.

/** 2017-05-23 -> 05/23/2017; anything that is not an ISO date is printed as it is. */
export function printDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[2]}/${match[3]}/${match[1]}` : iso;
}

/** The decimal digits of a number without exponent notation or binary noise (1e-7, 0.1 + 0.2). */
function plainDigits(value: number): { whole: string; fraction: string } {
  const text = Math.abs(value) < 1e-6 && value !== 0 ? value.toFixed(12) : String(value);
  const fixed = /e/i.test(text) ? value.toFixed(12) : text;
  const [whole = '0', fraction = ''] = fixed.replace('-', '').split('.');
  return { whole, fraction: fraction.replace(/0+$/, '') };
}

function withThousands(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1312260 -> "1,312,260"; 0.466 -> "0.466"; fractions keep every digit the filer gave. */
export function printShares(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const { whole, fraction } = plainDigits(value);
  const sign = value < 0 ? '-' : '';
  return `${sign}${withThousands(whole)}${fraction ? `.${fraction}` : ''}`;
}

export type PriceStyle = 'as-filed' | 'cents';

/**
 * 24.6901 -> "$24.6901"; 0 -> "$0" as filed, or "$0.00" when the variant pads to cents (filers type
 * both, and the number read back is the same).
 */
export function printPrice(value: number | null | undefined, style: PriceStyle): string {
  if (value === null || value === undefined) return '';
  const { whole, fraction } = plainDigits(value);
  const digits = style === 'cents' && fraction.length < 2 ? fraction.padEnd(2, '0') : fraction;
  const sign = value < 0 ? '-' : '';
  return `${sign}$${withThousands(whole)}${digits ? `.${digits}` : ''}`;
}

/** Footnote ids as printed after a value: ["1", "2"] -> "(1)(2)". */
export function footnoteMarks(ids: readonly string[] | undefined): string {
  return (ids ?? []).map((id) => `(${id})`).join('');
}
