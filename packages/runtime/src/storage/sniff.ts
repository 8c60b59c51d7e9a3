/**
 * The content types an upload may have, recognised by their bytes. SVG is never allowed: it is
 * XML that browsers run as a document (scripts, event handlers, foreignObject HTML, external
 * references, entities), and sanitising it is a known arms race; documents and photos need none
 * of it. DICOM is allowed (imaging devices); RAW camera formats, Office files, archives are not.
 */
export const ALLOWED_CONTENT = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/tiff': 'tif',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'application/dicom': 'dcm',
} as const;
export type AllowedMime = keyof typeof ALLOWED_CONTENT;

export type SniffRefusal =
  /** No bytes. */
  | 'EMPTY'
  /** A program: PE (MZ), ELF, Mach-O, Java class/jar, APK, WebAssembly, a shebang script, … */
  | 'EXECUTABLE'
  /** An HTML document, or an allowed type whose first bytes carry HTML (a polyglot). */
  | 'HTML'
  /** SVG with scripts, event handlers, foreignObject or javascript: URLs (plain SVG: NOT_ALLOWED). */
  | 'SCRIPT_SVG'
  /** A PDF with JavaScript, launch actions or embedded files (best effort: unpacked dictionaries). */
  | 'ACTIVE_PDF'
  /** A recognised type outside the allowlist, or a declared name with a dangerous extension. */
  | 'NOT_ALLOWED'
  /** Bytes of no recognised type (plain text, scripts without a shebang, …). */
  | 'UNKNOWN';

export type SniffResult =
  | { ok: true; mime: AllowedMime; ext: string }
  /** `detected`: the type the bytes were recognised as, when one was (safe to log). */
  | { ok: false; reason: SniffRefusal; detected?: string };

export type SniffOptions = {
  /** A narrower allowlist (e.g. only PDF for reports); default: all of ALLOWED_CONTENT. */
  allow?: readonly AllowedMime[];
};

const EXECUTABLE_MIMES = new Set([
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
  'application/java-vm',
  'application/java-archive',
  'application/vnd.android.package-archive',
  'application/wasm',
  'application/x-shockwave-flash',
  'application/x-ms-shortcut',
  'application/x-ms-regedit',
  'application/x-google-chrome-extension',
  'application/x-xpinstall',
  'application/x-asar',
  'application/vnd.ms-htmlhelp',
  'application/x-apple-diskimage',
  'application/x-deb',
  'application/x-rpm',
  'application/vnd.ms-cab-compressed',
]);

/**
 * Extensions a declared name may not have: the name can reach the user's operating system on
 * download, which picks a program by it (report.pdf.exe, scan.html).
 */
const DANGEROUS_EXTENSIONS = new Set(
  (
    'exe dll com scr pif cpl msi msp msc bat cmd ps1 psm1 vbs vbe js jse mjs cjs wsf wsh hta jar apk ' +
    'app dmg pkg deb rpm sh bash zsh csh ksh py pl rb php phtml lnk reg inf scf url html htm xhtml ' +
    'shtml mht mhtml svg svgz xml xsl xslt swf wasm chm iso img vhd vhdx appimage'
  )
    .split(' ')
    .filter(Boolean),
);

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

/** Own checks of executable signatures, independent of the library's detection order. */
function executableSignature(bytes: Uint8Array): boolean {
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  return (
    startsWith(bytes, [0x4d, 0x5a]) || // MZ: DOS/PE (.exe, .dll, .scr)
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xce]) || // Mach-O 32
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf]) || // Mach-O 64
    startsWith(bytes, [0xce, 0xfa, 0xed, 0xfe]) || // Mach-O 32, little-endian
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || // Mach-O 64, little-endian
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe]) || // Mach-O universal / Java class
    startsWith(bytes, [0x00, 0x61, 0x73, 0x6d]) || // WebAssembly
    startsWith(bytes, [0x23, 0x21], bom) // #! script
  );
}

const latin1 = (bytes: Uint8Array, max = bytes.length) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, max)).toString('latin1');

// The WHATWG MIME sniffing standard's HTML patterns (after leading whitespace), plus <svg.
const HTML_START =
  /^(?:\xef\xbb\xbf)?[\t\n\f\r ]*<(?:!doctype[\t\n\f\r ]+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)(?:[\t\n\f\r />]|$)/i;
// HTML hidden in the head of an image or PDF, for a browser or viewer that sniffs.
const HTML_INSIDE =
  /<(?:!doctype[\t\n\f\r ]+html|html|head|script|iframe|body|svg|object|embed)[\t\n\f\r />]/i;
const SVG_ROOT = /<svg[\t\n\f\r />]/i;
const HTML_ROOT = /<(?:html|!doctype[\t\n\f\r ]+html)[\t\n\f\r />]/i;
const SVG_ACTIVE =
  /<script|<foreignobject|<iframe|<embed|<object|<handler|[\s"'/]on[a-z]+[\t\n\f\r ]*=|(?:java|vb)script[\t\n\f\r ]*:|data[\t\n\f\r ]*:[^,]*(?:html|script)|<!entity|<\?xml-stylesheet/i;
const PDF_ACTIVE = /\/(?:JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)(?![A-Za-z0-9])/;

/**
 * A PDF's text without the contents of its streams: names of active features are looked for in
 * dictionaries only, since compressed stream bytes match "/JS" by chance in large files.
 */
const pdfOutsideStreams = (bytes: Uint8Array) => latin1(bytes).replace(/stream\r?\n[\s\S]*?endstream/g, '');

/** The extension of a declared file name, lower-cased, or null. */
const extensionOf = (name: string) => {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : null;
};

/**
 * Decides what an uploaded file is from its bytes alone — the declared name and content type are
 * never trusted (a "report.pdf" that is an EXE is refused) — and whether it may be stored:
 * refused when empty, an executable, HTML (or an allowed type carrying HTML in its head), any
 * SVG, a PDF with active content, anything outside the allowlist or unrecognised. The declared
 * name only adds a refusal: a dangerous extension (.exe, .html, .svg, …) is NOT_ALLOWED.
 * Serve stored files with the returned `mime`, `X-Content-Type-Options: nosniff` and
 * `Content-Disposition: attachment`.
 */
export async function sniffContent(
  bytes: Uint8Array,
  declaredName?: string,
  options: SniffOptions = {},
): Promise<SniffResult> {
  if (bytes.length === 0) return { ok: false, reason: 'EMPTY' };
  // Loaded on first use (ESM-only; most processes importing the runtime never sniff).
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected?.mime as string | undefined;
  const withType = mime ? { detected: mime } : {};
  if (executableSignature(bytes) || (mime && (EXECUTABLE_MIMES.has(mime) || /macroenabled/i.test(mime))))
    return { ok: false, reason: 'EXECUTABLE', ...withType };
  if (mime && mime in ALLOWED_CONTENT) {
    const allowed = mime as AllowedMime;
    if (HTML_INSIDE.test(latin1(bytes, 1024))) return { ok: false, reason: 'HTML', detected: mime };
    if (allowed === 'application/pdf' && PDF_ACTIVE.test(pdfOutsideStreams(bytes)))
      return { ok: false, reason: 'ACTIVE_PDF', detected: mime };
    if (options.allow && !options.allow.includes(allowed))
      return { ok: false, reason: 'NOT_ALLOWED', detected: mime };
    const ext = declaredName === undefined ? null : extensionOf(declaredName);
    if (ext && DANGEROUS_EXTENSIONS.has(ext)) return { ok: false, reason: 'NOT_ALLOWED', detected: mime };
    return { ok: true, mime: allowed, ext: ALLOWED_CONTENT[allowed] };
  }
  const head = latin1(bytes, 4096);
  if (SVG_ROOT.test(head) && !HTML_ROOT.test(head)) {
    const svg = latin1(bytes);
    return {
      ok: false,
      reason: SVG_ACTIVE.test(svg) ? 'SCRIPT_SVG' : 'NOT_ALLOWED',
      detected: 'image/svg+xml',
    };
  }
  if (HTML_START.test(head)) return { ok: false, reason: 'HTML', ...withType };
  if (mime) return { ok: false, reason: 'NOT_ALLOWED', detected: mime };
  return { ok: false, reason: 'UNKNOWN' };
}
