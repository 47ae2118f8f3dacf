/** Bilingual text: Chinese original and English translation (mirrors the geodata contract). */
export interface Bilingual {
  zh: string;
  en: string;
}
