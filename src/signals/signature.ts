/**
 * Agent signatures at the end of a brand reply: "^AL", "/AB", "*SR", "-Becky", "– Laura", "Un saludo,
 * Laura", "Thanks, Sam". Returns the agent's tag as written, or undefined.
 */
const SIGNATURES = [
  /[\^/*]\s?([A-Z]{2,3})\s*$/u,
  /(?:^|\s)[-–—]\s?([A-ZÁÉÍÓÚÑ][\p{Ll}]{1,20})\s*$/u,
  /(?:un saludo|saludos|atentamente|cheers|thanks|best|regards|gracias)[,.!]?\s+([A-ZÁÉÍÓÚÑ][\p{Ll}]{1,20})[.!]?\s*$/iu,
];

export function detectSignature(text: string): string | undefined {
  const tail = text.slice(-80).trimEnd();
  for (const pattern of SIGNATURES) {
    const m = pattern.exec(tail);
    if (m) return m[1];
  }
  return undefined;
}
