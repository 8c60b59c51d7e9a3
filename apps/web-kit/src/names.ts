/// <reference path="./types/petrovich.d.ts" />
import petrovich from 'petrovich';

type Case = 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';

/**
 * A full name "Фамилия Имя Отчество" in a grammatical case ("к врачу Ивановой Марии Сергеевне"),
 * by petrovich's rules. The gender comes from the patronymic; without one, `gender` decides
 * (otherwise the surname is inflected as gender-neutral). Anything that is not two or three words
 * is returned as it is.
 */
export function inflectName(fullName: string, gcase: Case, gender?: 'male' | 'female'): string {
  const words = fullName.trim().split(/\s+/);
  if (words.length < 2 || words.length > 3) return fullName;
  const [last, first, middle] = words as [string, string, string | undefined];
  const detected = middle ? petrovich.detect_gender(middle) : undefined;
  const person: { last: string; first: string; middle?: string; gender: 'male' | 'female' | 'androgynous' } =
    {
      last,
      first,
      ...(middle ? { middle } : {}),
      gender: detected && detected !== 'androgynous' ? detected : (gender ?? 'androgynous'),
    };
  const out = petrovich(person, gcase);
  return [out.last, out.first, out.middle].filter(Boolean).join(' ');
}

/** "Ивановой Марии Сергеевне": to whom ("к врачу …"). */
export const dativeName = (fullName: string) => inflectName(fullName, 'dative');
