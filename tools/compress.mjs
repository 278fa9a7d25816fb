// Writes brotli (.br) and gzip (.gz) copies of the files named on the
// command line, at the highest settings, for the server to send to browsers
// that accept them. Usage: node tools/compress.mjs web/app.wasm web/site.css
import { readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

for (const file of process.argv.slice(2)) {
  const data = readFileSync(file);
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const gz = gzipSync(data, { level: 9 });
  writeFileSync(file + ".br", br);
  writeFileSync(file + ".gz", gz);
  console.log(`${file}: ${data.length} bytes, gzip ${gz.length}, brotli ${br.length}`);
}
