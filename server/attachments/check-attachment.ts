import { fileTypeFromBuffer } from 'file-type';

export type AttachmentCheck = { ok: true; contentType: string } | { ok: false; reason: string };

/** What may be stored and handed to agents: pictures, PDFs, text, office documents. */
const ALLOWED = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/avif',
  'image/bmp',
  'image/tiff',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/rtf',
]);

// Old Office files are OLE containers, as are .msi installers: the name tells them apart.
const OLE_TYPES: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

// Text that a machine would run, or a browser would render as a page.
const SCRIPT_EXTENSIONS = new Set(
  'js mjs cjs ts vbs vbe wsf wsh ps1 psm1 sh bash zsh bat cmd com py pl rb php jsp asp aspx html htm xhtml svg hta jar reg scr lnk desktop command applescript'.split(
    ' ',
  ),
);
const SCRIPT_CONTENT = /^\s*(#!|<\?php|<!doctype html|<html|<script|<svg|<\?xml)/i;

const extensionOf = (filename: string) =>
  /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? '';

function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    // Latin-1 and friends: text if it has no control characters but tabs and line breaks.
    return !bytes.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c);
  }
}

/**
 * Decides from the bytes (file-type's magic numbers), never the name or declared type,
 * what a file is and whether Casedesk keeps it. Executables and scripts are refused.
 */
export async function checkAttachment(
  bytes: Uint8Array,
  filename: string,
): Promise<AttachmentCheck> {
  const ext = extensionOf(filename);
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    if (detected.mime === 'application/x-cfb') {
      const office = OLE_TYPES[ext];
      return office
        ? { ok: true, contentType: office }
        : { ok: false, reason: 'an OLE container that is not a Word, Excel or PowerPoint file' };
    }
    if (ALLOWED.has(detected.mime)) return { ok: true, contentType: detected.mime };
    return { ok: false, reason: `files of type ${detected.mime} are not accepted` };
  }
  if (!isText(bytes)) return { ok: false, reason: 'the file type could not be recognised' };
  if (
    SCRIPT_EXTENSIONS.has(ext) ||
    SCRIPT_CONTENT.test(new TextDecoder().decode(bytes.slice(0, 256)))
  ) {
    return { ok: false, reason: 'scripts and web pages are not accepted' };
  }
  return { ok: true, contentType: ext === 'csv' ? 'text/csv' : 'text/plain' };
}
