import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisResult } from '../core/index';

/** Papers on disk that are not open in the editor: found under the workspace folders, analysed on demand. */
export class WorkspaceFiles {
  private readonly cache = new Map<string, { mtimeMs: number; size: number; result: AnalysisResult }>();

  constructor(
    private readonly analyzeText: (file: string, text: string) => AnalysisResult,
    readonly maxFiles = 2000,
    readonly maxBytes = 5 * 1024 * 1024,
  ) {}

  /** Markdown files under the roots, skipping node_modules and dot-folders. */
  list(roots: readonly string[]): string[] {
    const out: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (depth > 12 || out.length >= this.maxFiles) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p, depth + 1);
        else if (e.isFile() && /\.(md|markdown)$/i.test(e.name) && out.length < this.maxFiles) out.push(p);
      }
    };
    for (const r of roots) walk(r, 0);
    return out;
  }

  /** The analysis of a file, cached by size and modification time; throws a readable reason when it cannot be read. */
  async analyze(file: string): Promise<AnalysisResult> {
    const stat = await fs.promises.stat(file).catch((e: NodeJS.ErrnoException) => {
      throw new Error(e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.message);
    });
    if (!stat.isFile()) throw new Error('not a file');
    if (stat.size > this.maxBytes) throw new Error(`larger than ${this.maxBytes / 1024 / 1024} MB`);
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.result;
    const text = await fs.promises.readFile(file, 'utf8');
    const result = this.analyzeText(file, text);
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, result });
    return result;
  }

  /** Synchronous variant for requests that must answer at once (workspace symbols); undefined when unreadable. */
  analyzeSync(file: string): AnalysisResult | undefined {
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile() || stat.size > this.maxBytes) return undefined;
      const hit = this.cache.get(file);
      if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.result;
      const result = this.analyzeText(file, fs.readFileSync(file, 'utf8'));
      this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, result });
      return result;
    } catch {
      return undefined;
    }
  }

  clear(): void {
    this.cache.clear();
  }
}
