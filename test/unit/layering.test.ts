import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The stages of a run, in order: a module may import from its own stage, earlier stages and common/.
const STAGES = ['common', 'inputs', 'dists', 'checks', 'index', 'attest', 'confirm', 'report', 'dry-run'];
const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)].map((match) =>
      relative(SRC, resolve(dirname(file), `${match[1]}.ts`)),
    );
    graph.set(relative(SRC, file), targets);
  }
  return graph;
}

function stageOf(module: string): number {
  const folder = module.includes('/') ? module.slice(0, module.indexOf('/')) : '';
  return STAGES.indexOf(folder);
}

function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('the layout of src/', () => {
  const graph = importGraph();

  it('finds the modules and their imports', () => {
    expect(graph.get('main.ts')?.length).toBeGreaterThan(3);
  });

  it('puts every folder of src/ in a stage', () => {
    const folders = new Set([...graph.keys()].filter((module) => module.includes('/')).map((m) => m.split('/')[0]));
    const unknown = [...folders].filter((folder) => folder !== undefined && !STAGES.includes(folder));
    // A new folder goes into STAGES at its place in the pipeline.
    expect(unknown).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('imports only from the same or an earlier stage (or common/)', () => {
    const backwards: string[] = [];
    for (const [module, targets] of graph) {
      const stage = stageOf(module);
      if (stage < 0) continue; // main.ts and the step entries sit above every stage
      for (const target of targets) {
        if (stageOf(target) > stage) backwards.push(`${module} imports ${target}`);
      }
    }
    expect(backwards).toEqual([]);
  });

  it('would notice a cycle', () => {
    const cyclic = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts']],
    ]);
    expect(findCycles(cyclic)).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });
});
