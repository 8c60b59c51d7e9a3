import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type ReadPdf = { pages: string[]; text: string; metadata: string };

/**
 * Reads a PDF back with pdf.js (for tests): each page's text with runs of white space — no-break
 * spaces included — collapsed to one space, and the document information.
 */
export async function readPdf(pdf: Buffer): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false })
    .promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join('')
          .replace(/\s+/g, ' '),
      );
    }
    const { info, metadata } = await doc.getMetadata();
    return { pages, text: pages.join('\n'), metadata: JSON.stringify(info) + (metadata?.getRaw() ?? '') };
  } finally {
    await doc.destroy();
  }
}

/** Collapses white space (no-break spaces included) the way {@link readPdf} does. */
export const plain = (text: string): string => text.replace(/\s+/g, ' ');
