/**
 * Cutting text for messages and findings without splitting what a reader sees as one character: an
 * emoji with its skin tone, a flag, a letter with a combining accent. A cut inside a surrogate pair
 * would also leave a lone surrogate, which no JSON consumer or terminal handles well.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * At most `max` UTF-16 code units of `text`, ended on a grapheme boundary, with `ellipsis` appended when
 * something was cut (the ellipsis is not counted).
 */
export function clipGraphemes(text: string, max: number, ellipsis = ''): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { segment, index } of segmenter.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end) + ellipsis;
}
