// Writes a brotli copy (.br) of each file named on the command line, at the
// highest settings, and a gzip copy (.gz) at level 9, and beside each the
// SHA-256 of the original (.br.sum, .gz.sum): the server sends a copy only
// while its sum still matches, so a stale copy is never served. (The server
// makes gzip copies of other files itself; the WebAssembly's took it a
// second of CPU at each export.)
// Usage: node tools/compress.mjs web/app.wasm web/site.css
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
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
  const sum = createHash("sha256").update(data).digest("hex") + "\n";
  writeFileSync(file + ".br", br);
  writeFileSync(file + ".br.sum", sum);
  writeFileSync(file + ".gz", gz);
  writeFileSync(file + ".gz.sum", sum);
  console.log(`${file}: ${data.length} bytes, gzip ${gz.length}, brotli ${br.length}`);
}
