import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TFontDictionary } from 'pdfmake/interfaces';
import { buildVisitSummaryDocument, VISIT_SUMMARY_FONT } from './visit-summary.document';
import type { VisitSummaryInput } from './visit-summary.types';

const require = createRequire(import.meta.url);

/** pdfmake's bundled Roboto: TrueType with Latin, Cyrillic (incl. Ё), «», №, ₽ and —. */
const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;
/** Names in pdfmake's process-wide virtual file system, prefixed so no other user of pdfmake collides. */
const VFS_PREFIX = 'medikamente-record-pdf/';

type VirtualFs = { writeFileSync(name: string, content: Buffer): void };
type Pdfmake = typeof pdfmake & { virtualfs?: VirtualFs };

/**
 * Our own pdfmake instance (the package exports a process-wide one): fonts and access policies set
 * here cannot leak into, or be changed by, other users of pdfmake. It shares the virtual file system.
 */
const printer = new (pdfmake.constructor as new () => Pdfmake)();
printer.setUrlAccessPolicy(() => false);
printer.setLocalAccessPolicy(() => false);

let fontsLoaded: Promise<void> | undefined;

/** Reads the font files once from the installed pdfmake package into pdfmake's in-memory file system. */
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
    printer.setFonts({ [VISIT_SUMMARY_FONT]: Object.fromEntries(entries) } as TFontDictionary);
  })().catch((error: unknown) => {
    fontsLoaded = undefined;
    throw error;
  });
  return fontsLoaded;
}

/**
 * Renders the printable visit summary ("Консультативное заключение") of one signed record version.
 *
 * Runs on the server without network or file access: the fonts come from the installed pdfmake
 * package, and both URL and local file access are denied to the document. The output is
 * byte-for-byte deterministic for the same input (the creation date is the signing time).
 */
export async function renderVisitSummaryPdf(input: VisitSummaryInput): Promise<Buffer> {
  await loadFonts();
  return printer.createPdf(buildVisitSummaryDocument(input)).getBuffer();
}
