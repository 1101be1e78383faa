/**
 * Agent signatures at the end of a brand reply: "^AL", "/AB", "*SR", "-Becky", "– Laura", "Un saludo,
 * Laura", "Thanks, Sam". Returns the agent's tag as written, or undefined.
 */
const SIGNATURES = [
  /[\^/*]\s?([A-Z]{2,3})\s*$/u,
  /(?:^|\s)[-–—]\s?([A-ZÁÉÍÓÚÑ][\p{Ll}]{1,20})\s*$/u,
  // The greeting in any case, the name capitalised (no "i" flag: "Saludos cordiales" is not an agent).
  /(?:[Uu]n saludo|[Ss]aludos|[Aa]tentamente|[Cc]heers|[Tt]hanks|[Bb]est|[Gg]racias)[,.!]?\s+(?!Regards|Cordiales|Again|Wishes)([A-ZÁÉÍÓÚÑ][\p{Ll}]{1,20})[.!]?\s*$/u,
];

export function detectSignature(text: string): string | undefined {
  const tail = text.slice(-80).trimEnd();
  for (const pattern of SIGNATURES) {
    const m = pattern.exec(tail);
    if (m) return m[1];
  }
  return undefined;
}
