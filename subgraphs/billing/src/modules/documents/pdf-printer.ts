import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);

/** The font family of the billing documents: pdfmake's bundled Roboto (Cyrillic, «», №, ₽). */
export const DOCUMENT_FONT = 'Roboto';

const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;
/** Names in pdfmake's process-wide virtual file system, prefixed so no other user of pdfmake collides. */
const VFS_PREFIX = 'medikamente-billing-pdf/';

type VirtualFs = { writeFileSync(name: string, content: Buffer): void };
type Pdfmake = typeof pdfmake & { virtualfs?: VirtualFs };

/**
 * Our own pdfmake instance (the same pattern as the record subgraph's visit summary): fonts and
 * access policies set here neither leak into nor are changed by other users of pdfmake, and the
 * documents may read no URL and no local file.
 */
const printer = new (pdfmake.constructor as new () => Pdfmake)();
printer.setUrlAccessPolicy(() => false);
printer.setLocalAccessPolicy(() => false);

let fontsLoaded: Promise<void> | undefined;

function loadFonts(): Promise<void> {
  fontsLoaded ??= (async () => {
    const vfs = printer.virtualfs;
    if (!vfs) throw new Error('pdfmake has no virtual file system (unsupported pdfmake version)');
    const entries = await Promise.all(
      Object.entries(FONT_FILES).map(async ([style, file]) => {
        vfs.writeFileSync(VFS_PREFIX + file, await readFile(require.resolve(`pdfmake/fonts/Roboto/${file}`)));
        return [style, VFS_PREFIX + file] as const;
      }),
    );
    printer.setFonts({ [DOCUMENT_FONT]: Object.fromEntries(entries) } as TFontDictionary);
  })().catch((error: unknown) => {
    fontsLoaded = undefined;
    throw error;
  });
  return fontsLoaded;
}

/** Renders a pdfmake document definition on the server, without network or file access. */
export async function renderPdf(document: TDocumentDefinitions): Promise<Buffer> {
  await loadFonts();
  return printer.createPdf(document).getBuffer();
}
