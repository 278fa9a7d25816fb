// corpus writes (once for each state of the real content and of the
// generator) a content folder of the real pages plus n synthetic ones
// (cmd/corpus), under .cache/bench, and returns its path.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function corpus(n) {
  const cache = join(root, ".cache", "bench");
  mkdirSync(cache, { recursive: true });
  const h = createHash("sha256");
  for (const f of readdirSync(join(root, "content"), { recursive: true }).sort()) {
    const full = join(root, "content", f);
    if (statSync(full).isFile()) h.update(f + "\0").update(readFileSync(full));
  }
  h.update(readFileSync(join(root, "cmd", "corpus", "main.go")));
  const dir = join(cache, `corpus-${n}-${h.digest("hex").slice(0, 12)}`);
  if (!existsSync(join(dir, "site.json"))) {
    execFileSync("go", ["run", "./cmd/corpus", "-n", String(n), "-out", dir], { cwd: root, stdio: "inherit" });
  }
  return dir;
}
