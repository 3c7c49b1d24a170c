/**
 * A Go text/template evaluator as `docker inspect -f` and `docker ps --format`
 * use it. The parser (go-template-parse.ts) reads text, comments, trim
 * markers, pipelines, variables and the control structures; the values and
 * docker's functions live in go-template-value.ts. Here: executing the tree,
 * with Go's truth rule for {{if}}/{{with}}, {{range}} over slices, maps (in
 * sorted key order) and integers, variables ($ is the root), {{break}} and
 * {{continue}}. Execution errors (e.g. range over a string) are not modelled:
 * such a range runs its {{else}}.
 */
import type { Command, Node, Operand, Pipeline, Template } from './go-template-parse.ts';
import {
  FUNCTIONS,
  NO_VALUE,
  formatValue,
  isMap,
  isNil,
  isTrue,
  type GoValue,
  type Val,
} from './go-template-value.ts';

export { parseTemplate, type Template } from './go-template-parse.ts';
export {
  formatValue,
  goMap,
  nilMap,
  nilPtr,
  nilSlice,
  stringSlice,
  toJson,
  type GoMap,
  type GoNil,
  type GoValue,
} from './go-template-value.ts';

function field(data: Val, path: readonly string[]): Val {
  let v: Val = data;
  for (const name of path) {
    if (v === NO_VALUE || typeof v !== 'object' || isNil(v) || Array.isArray(v)) return NO_VALUE;
    const next: GoValue | undefined = isMap(v)
      ? v.goMap[name]
      : (v as Record<string, GoValue>)[name];
    if (next === undefined) return NO_VALUE;
    v = next;
  }
  return v;
}

type Signal = 'break' | 'continue' | undefined;

/** One execution: the output so far and the variable stack ($ first). */
class State {
  out = '';
  readonly vars: { name: string; value: Val }[];
  constructor(root: GoValue) {
    this.vars = [{ name: '$', value: root }];
  }

  variable(name: string): Val {
    for (let i = this.vars.length - 1; i >= 0; i--)
      if (this.vars[i]?.name === name) return (this.vars[i] as { value: Val }).value;
    return NO_VALUE;
  }

  operand(op: Operand, dot: Val): Val {
    if (op.kind === 'field') return field(dot, op.path);
    if (op.kind === 'variable') return field(this.variable(op.name), op.path);
    return op.kind === 'literal' ? op.value : NO_VALUE;
  }

  command(command: Command, dot: Val, piped: Val | undefined): Val {
    const [head, ...rest] = command;
    if (!head) return NO_VALUE;
    if (head.kind === 'func') {
      const args = rest.map((op) => this.operand(op, dot));
      if (piped !== undefined) args.push(piped);
      return (FUNCTIONS[head.name] as (args: Val[]) => Val)(args);
    }
    return this.operand(head, dot);
  }

  /** Evaluates a pipeline and performs its declaration or assignment. */
  pipeline(pipe: Pipeline, dot: Val): Val {
    let value: Val | undefined;
    for (const command of pipe.commands) value = this.command(command, dot, value);
    const result = value ?? NO_VALUE;
    const [name] = pipe.decl;
    if (pipe.assign && name !== undefined) {
      for (let i = this.vars.length - 1; i >= 0; i--) {
        const slot = this.vars[i] as { name: string; value: Val };
        if (slot.name === name) {
          slot.value = result;
          break;
        }
      }
    } else if (pipe.decl.length === 1 && name !== undefined) {
      this.vars.push({ name, value: result });
    }
    return result;
  }

  list(nodes: readonly Node[], dot: Val): Signal {
    for (const node of nodes) {
      const signal = this.node(node, dot);
      if (signal) return signal;
    }
    return undefined;
  }

  node(node: Node, dot: Val): Signal {
    if ('text' in node) this.out += node.text;
    else if ('loop' in node) return node.loop;
    else if ('action' in node) {
      const value = this.pipeline(node.action, dot);
      if (node.action.decl.length === 0) this.out += formatValue(value);
    } else {
      const mark = this.vars.length;
      const signal =
        node.control === 'range' ? this.range(node.pipe, node.list, node.elseList, dot) : undefined;
      if (node.control !== 'range') {
        const value = this.pipeline(node.pipe, dot);
        const branch = isTrue(value) ? node.list : node.elseList;
        const result = this.list(branch, node.control === 'with' && isTrue(value) ? value : dot);
        this.vars.length = mark;
        return result;
      }
      this.vars.length = mark;
      return signal;
    }
    return undefined;
  }

  range(pipe: Pipeline, list: readonly Node[], elseList: readonly Node[], dot: Val): Signal {
    const value = this.pipeline({ ...pipe, decl: [] }, dot);
    const entries: [Val, Val][] = Array.isArray(value)
      ? (value as GoValue[]).map((e, i) => [i, e])
      : isMap(value)
        ? Object.keys(value.goMap)
            .sort()
            .map((k) => [k, value.goMap[k] as GoValue])
        : typeof value === 'number'
          ? Array.from({ length: Math.max(0, value) }, (_, i) => [i, i])
          : [];
    if (entries.length === 0) return this.list(elseList, dot);
    const mark = this.vars.length;
    for (const [key, element] of entries) {
      const [first, second] = pipe.decl;
      if (second !== undefined) this.vars.push({ name: first as string, value: key });
      if (first !== undefined) this.vars.push({ name: second ?? first, value: element });
      const signal = this.list(list, element);
      this.vars.length = mark;
      if (signal === 'break') break;
    }
    return undefined;
  }
}

/** Executes a parsed template against a value. */
export function executeTemplate(template: Template, data: GoValue): string {
  const state = new State(data);
  state.list(template.nodes, data);
  return state.out;
}
