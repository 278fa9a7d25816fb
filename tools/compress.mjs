// Writes a brotli copy (.br) of each file named on the command line, at the
// highest settings, and beside it the SHA-256 of the original (.br.sum): the
// server sends the brotli copy only while that sum still matches, so a stale
// copy is never served. (The server makes gzip copies itself.)
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
  writeFileSync(file + ".br", br);
  writeFileSync(file + ".br.sum", createHash("sha256").update(data).digest("hex") + "\n");
  const gz = gzipSync(data, { level: 9 }).length;
  console.log(`${file}: ${data.length} bytes, gzip ${gz}, brotli ${br.length}`);
}
