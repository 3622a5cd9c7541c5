// Bundled by packaged-app.test.ts into a packaged app's out/main/ with the main bundle's options and run there
// under Node: the PDF engine then reads pdfkit and the font from that package's node_modules, as the app does.
import fs from 'node:fs';
import { renderDocument, type PdfDocumentSpec } from '../../main/export/pdf/document';

const [specFile, outFile] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(specFile!, 'utf8')) as PdfDocumentSpec;
void renderDocument(spec).then((bytes) => fs.writeFileSync(outFile!, bytes)); // a CommonJS bundle has no top-level await
