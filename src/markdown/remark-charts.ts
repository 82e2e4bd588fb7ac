// Checks every <Chart dataset="…" /> in a chapter while it compiles, and numbers the charts of the
// page in order (Grafik 1, 2, …). A chart naming an unknown dataset stops the build with the file,
// line and column of the tag. (Structural types only: no dependency on the MDX AST packages.)
import { visit } from 'unist-util-visit';
import { datasetIds } from '../data/read.ts';
import { DATA_DIR } from '../paths.ts';

interface Point {
  line: number;
  column: number;
}
interface Node {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: Point; end: Point };
}
interface File {
  path?: string;
  cwd: string;
  fail(reason: string, place?: Node): never;
}

export const CHART_COMPONENT = 'Chart';

/** The project root of a chapter file (…/content/chapters/…), else the working directory. */
function rootOf(file: File): string {
  const i = file.path?.lastIndexOf('/content/chapters/') ?? -1;
  return i >= 0 ? file.path!.slice(0, i) : file.cwd;
}

export function remarkCharts() {
  return (tree: Node, file: File) => {
    let known: string[] | undefined;
    const placed = new Map<string, number>();
    let number = 0;
    visit(tree as never, (node: Node) => {
      if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== CHART_COMPONENT) return;
      const attrs = node.attributes ?? [];
      const dataset = attrs.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'dataset');
      if (!dataset || typeof dataset.value !== 'string' || !dataset.value) {
        file.fail(`<${CHART_COMPONENT}> needs dataset="…" naming a file in ${DATA_DIR}/ (a plain string)`, node);
      }
      const id = dataset.value;
      known ??= datasetIds(rootOf(file));
      if (!known.includes(id)) {
        file.fail(`<${CHART_COMPONENT} dataset="${id}"> names no dataset: there is no ${DATA_DIR}/${id}.yaml (known: ${known.join(', ') || 'none'})`, node);
      }
      const earlier = placed.get(id);
      if (earlier !== undefined) file.fail(`dataset "${id}" is already charted on line ${earlier} of this chapter`, node);
      placed.set(id, node.position?.start.line ?? 0);
      if (attrs.some((a) => a.name === 'number')) file.fail(`<${CHART_COMPONENT}> is numbered automatically; remove number=…`, node);
      attrs.push({ type: 'mdxJsxAttribute', name: 'number', value: String(++number) });
    });
  };
}
