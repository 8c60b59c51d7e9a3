import { describe, expect, it } from 'vitest';
import { sniffContent } from '../src/storage';
import {
  sampleElf,
  sampleExe,
  sampleHtml,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleScriptSvg,
  sampleShellScript,
  sampleSvg,
} from '../src/testing/sample-files';

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** A zip with one stored (uncompressed) entry: enough for signature detection. */
function zipWith(name: string): Uint8Array {
  const head = Buffer.alloc(30);
  head.writeUInt32LE(0x04034b50, 0);
  head.writeUInt16LE(20, 4);
  head.writeUInt16LE(name.length, 26);
  return cat(head, latin1(name), latin1('Manifest-Version: 1.0\n'));
}

describe('sniffContent accepts the allowlist by bytes', () => {
  it.each([
    ['PDF', samplePdf(), 'application/pdf', 'pdf'],
    ['PNG', samplePng(), 'image/png', 'png'],
    ['JPEG', sampleJpeg(), 'image/jpeg', 'jpg'],
    ['GIF', latin1('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), 'image/gif', 'gif'],
    ['WebP', latin1('RIFF\x1a\x00\x00\x00WEBPVP8 \x0e\x00\x00\x00'), 'image/webp', 'webp'],
    ['TIFF', cat(latin1('II*\x00\x08\x00\x00\x00'), new Uint8Array(64)), 'image/tiff', 'tif'],
    [
      'HEIC',
      cat(latin1('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic'), new Uint8Array(64)),
      'image/heic',
      'heic',
    ],
    ['DICOM', cat(new Uint8Array(128), latin1('DICM'), new Uint8Array(64)), 'application/dicom', 'dcm'],
  ])('%s', async (_name, bytes, mime, ext) => {
    expect(await sniffContent(bytes)).toEqual({ ok: true, mime, ext });
  });

  it('ignores a misleading declared name when the bytes are allowed (a PNG named .pdf stays a PNG)', async () => {
    expect(await sniffContent(samplePng(), 'scan.pdf')).toEqual({ ok: true, mime: 'image/png', ext: 'png' });
  });

  it('narrows the allowlist with `allow` (lab reports: PDF only)', async () => {
    const onlyPdf = { allow: ['application/pdf'] as const };
    expect(await sniffContent(samplePdf(), 'r.pdf', onlyPdf)).toMatchObject({ ok: true });
    expect(await sniffContent(samplePng(), 'r.png', onlyPdf)).toEqual({
      ok: false,
      reason: 'NOT_ALLOWED',
      detected: 'image/png',
    });
  });
});

describe('sniffContent refuses', () => {
  it('empty content', async () => {
    expect(await sniffContent(new Uint8Array(0), 'a.pdf')).toEqual({ ok: false, reason: 'EMPTY' });
  });

  it.each([
    ['a PE executable', sampleExe(), 'setup.exe'],
    ['a PE executable named .pdf', sampleExe(), 'analysis.pdf'],
    ['a bare MZ header', cat(latin1('MZ'), new Uint8Array(10)), 'x.jpg'],
    ['an ELF binary', sampleElf(), 'photo.png'],
    [
      'a Mach-O binary',
      cat(new Uint8Array([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), new Uint8Array(64)),
      'a.pdf',
    ],
    ['a shebang script', sampleShellScript(), 'notes.txt'],
    ['a shebang script after a BOM', cat(latin1('\xef\xbb\xbf'), sampleShellScript()), 'notes.txt'],
    ['a Java archive', zipWith('META-INF/MANIFEST.MF'), 'report.pdf'],
    ['a WebAssembly module', latin1('\x00asm\x01\x00\x00\x00'), 'a.pdf'],
  ])('%s as EXECUTABLE', async (_name, bytes, declared) => {
    expect(await sniffContent(bytes, declared)).toMatchObject({ ok: false, reason: 'EXECUTABLE' });
  });

  it.each([
    ['HTML after leading whitespace', sampleHtml()],
    ['HTML after a BOM', cat(latin1('\xef\xbb\xbf'), latin1('<html><body>x</body></html>'))],
    ['a bare script tag', latin1('  <SCRIPT>alert(1)</SCRIPT>')],
    ['a PNG carrying HTML in its head (polyglot)', cat(samplePng(), latin1('<script>alert(1)</script>'))],
  ])('%s as HTML', async (_name, bytes) => {
    expect(await sniffContent(bytes, 'a.png')).toMatchObject({ ok: false, reason: 'HTML' });
  });

  it('plain SVG as NOT_ALLOWED (no SVG is accepted, see ALLOWED_CONTENT)', async () => {
    expect(await sniffContent(sampleSvg(), 'a.svg')).toEqual({
      ok: false,
      reason: 'NOT_ALLOWED',
      detected: 'image/svg+xml',
    });
  });

  it.each([
    ['a script element', sampleScriptSvg()],
    ['an event handler', latin1('<!-- logo --><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['a javascript: URL', latin1('<svg><a href="javascript:alert(1)"><text>x</text></a></svg>')],
    ['a foreignObject', latin1('<svg><foreignObject><div>x</div></foreignObject></svg>')],
  ])('SVG with %s as SCRIPT_SVG', async (_name, bytes) => {
    expect(await sniffContent(bytes, 'a.png')).toMatchObject({ ok: false, reason: 'SCRIPT_SVG' });
  });

  it('a PDF with JavaScript as ACTIVE_PDF, but not one whose stream data merely contains "/JS"', async () => {
    const pdf = Buffer.from(samplePdf()).toString('latin1');
    const withJs = pdf.replace(
      '<< /Type /Catalog',
      '<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> /Type /Catalog',
    );
    expect(await sniffContent(latin1(withJs))).toEqual({
      ok: false,
      reason: 'ACTIVE_PDF',
      detected: 'application/pdf',
    });
    const inStream = pdf.replace('Tj ET', 'Tj ET % /JS ');
    expect(await sniffContent(latin1(inStream))).toMatchObject({ ok: true, mime: 'application/pdf' });
  });

  it('an allowed type under a dangerous declared name as NOT_ALLOWED', async () => {
    for (const name of ['report.pdf.exe', 'scan.HTML', 'C:\\tmp\\x.svg', 'run.sh'])
      expect(await sniffContent(samplePdf(), name)).toMatchObject({ ok: false, reason: 'NOT_ALLOWED' });
  });

  it('recognised types outside the allowlist as NOT_ALLOWED', async () => {
    expect(await sniffContent(zipWith('a.txt'), 'a.pdf')).toEqual({
      ok: false,
      reason: 'NOT_ALLOWED',
      detected: 'application/zip',
    });
  });

  it('unrecognised bytes (plain text, a script without a shebang) as UNKNOWN', async () => {
    expect(await sniffContent(latin1('Hello, world'), 'a.pdf')).toEqual({ ok: false, reason: 'UNKNOWN' });
    expect(await sniffContent(latin1('@echo off\r\ndel /q *\r\n'), 'a.pdf')).toEqual({
      ok: false,
      reason: 'UNKNOWN',
    });
  });
});
