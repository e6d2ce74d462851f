/**
 * Strongly connected components with Tarjan's algorithm, written with an
 * explicit stack so that a long chain of references cannot overflow the
 * call stack.
 */

/**
 * Returns the component index of every node, for nodes `0..count-1` and
 * successor lists `next`. Components are numbered in the order Tarjan's
 * algorithm completes them, which is a reverse topological order: a
 * component's successors have smaller numbers.
 */
export function stronglyConnectedComponents(count: number, next: readonly (readonly number[])[]): Int32Array {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const component = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  let nextIndex = 0;
  let components = 0;

  // Each frame is a node and the position of the next successor to visit.
  const frames: number[] = [];
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) {
      continue;
    }
    frames.push(root, 0);
    while (frames.length > 0) {
      const at = frames.length - 2;
      const node = frames[at]!;
      let position = frames[at + 1]!;
      if (position === 0 && index[node] === -1) {
        index[node] = low[node] = nextIndex++;
        stack.push(node);
        onStack[node] = 1;
      }

      const successors = next[node]!;
      let descended = false;
      while (position < successors.length) {
        const successor = successors[position++]!;
        if (index[successor] === -1) {
          frames[at + 1] = position;
          frames.push(successor, 0);
          descended = true;
          break;
        }
        if (onStack[successor] === 1) {
          low[node] = Math.min(low[node]!, index[successor]!);
        }
      }
      if (descended) {
        continue;
      }

      frames.length = at;
      if (low[node] === index[node]) {
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component[member] = components;
        } while (member !== node);
        components++;
      }
      if (frames.length > 0) {
        const parent = frames[frames.length - 2]!;
        low[parent] = Math.min(low[parent]!, low[node]!);
      }
    }
  }
  return component;
}
