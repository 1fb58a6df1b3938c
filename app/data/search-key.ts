/**
 * Folds case, diacritics, punctuation and spacing so "wi sunglac" finds "Wi Sung-lac" and
 * "sao tome" finds "São Tomé". Hangul and Han characters are kept (NFD splits Hangul into jamo
 * on both sides alike, so partial syllables still match).
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
