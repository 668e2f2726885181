import { readFile } from 'node:fs/promises';
import { verifyCaseFile } from './verify-case-file';

// npm run verify-case-file -- <case-file.json> [case-file.pdf]
const [jsonPath, pdfPath] = process.argv.slice(2);
if (!jsonPath) {
  process.stderr.write('Usage: npm run verify-case-file -- <case-file.json> [case-file.pdf]\n');
  process.exit(2);
}
const verdict = await verifyCaseFile(
  await readFile(jsonPath, 'utf8'),
  pdfPath ? new Uint8Array(await readFile(pdfPath)) : undefined,
);
process.stdout.write(`${verdict.lines.join('\n')}\n${verdict.ok ? 'VERIFIED' : 'NOT VERIFIED'}\n`);
process.exit(verdict.ok ? 0 : 1);
