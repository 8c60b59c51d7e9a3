import type { Narrative } from '@medplum/fhirtypes';

// Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF):
// a stray one would make the whole narrative unparseable, so they are dropped.
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XHTML element content and attribute values. */
export function escapeXhtml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** One escaped paragraph; line breaks of the source text become `<br/>`. */
export function paragraph(text: string): string {
  return `<p>${text
    .trim()
    .split(/\r\n|\r|\n/)
    .map(escapeXhtml)
    .join('<br/>')}</p>`;
}

/** An escaped bulleted list. */
export function list(items: string[]): string {
  return `<ul>${items.map((item) => `<li>${escapeXhtml(item)}</li>`).join('')}</ul>`;
}

/**
 * A FHIR narrative from already escaped XHTML fragments (built with `paragraph`/`list`):
 * free text never reaches this function unescaped.
 */
export function narrative(fragments: string[]): Narrative {
  return {
    status: 'generated',
    div: `<div xmlns="http://www.w3.org/1999/xhtml">${fragments.join('')}</div>`,
  };
}

/** The text if it has any non-blank content, else undefined. */
export const present = (text: string | undefined): string | undefined => (text?.trim() ? text : undefined);
