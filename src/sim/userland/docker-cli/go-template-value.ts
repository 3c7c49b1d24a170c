/**
 * The values a Go template works on and how text/template sees them: fmt's
 * %v (a slice as [a b], a nil slice as [], a map as map[k:v], a missing map
 * key as <no value>), encoding/json for docker's json function, Go's truth
 * rule for {{if}}/{{with}}, and docker/cli's template functions
 * (templates/templates.go) plus text/template's index, len, print, println.
 */

/** A Go nil of a given kind: a nil slice prints [], a nil map map[], a nil pointer <nil>; all marshal to null. */
export interface GoNil {
  readonly goNil: 'slice' | 'map' | 'ptr';
}
/** A Go map (a plain object is a struct): keys print sorted, as map[k:v]. */
export interface GoMap {
  readonly goMap: Readonly<Record<string, GoValue>>;
}
export type GoValue =
  | string
  | number
  | boolean
  | GoNil
  | GoMap
  | readonly GoValue[]
  | { readonly [field: string]: GoValue };

export const nilSlice: GoNil = { goNil: 'slice' };
export const nilMap: GoNil = { goNil: 'map' };
export const nilPtr: GoNil = { goNil: 'ptr' };
/** A []string, nil when empty-and-absent (undefined). */
export const stringSlice = (values: readonly string[] | undefined): GoValue =>
  values === undefined ? nilSlice : values;
export const goMap = (entries: Readonly<Record<string, GoValue>>): GoMap => ({ goMap: entries });

export const NO_VALUE = Symbol('no value');
export type Val = GoValue | typeof NO_VALUE;

export const isNil = (v: unknown): v is GoNil =>
  typeof v === 'object' && v !== null && 'goNil' in v;
export const isMap = (v: unknown): v is GoMap =>
  typeof v === 'object' && v !== null && 'goMap' in v;

/** fmt's %v. */
export function formatValue(v: Val): string {
  if (v === NO_VALUE) return '<no value>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNil(v)) return v.goNil === 'slice' ? '[]' : v.goNil === 'map' ? 'map[]' : '<nil>';
  if (Array.isArray(v)) return `[${v.map((e: GoValue) => formatValue(e)).join(' ')}]`;
  if (isMap(v)) {
    const keys = Object.keys(v.goMap).sort();
    return `map[${keys.map((k) => `${k}:${formatValue(v.goMap[k] as GoValue)}`).join(' ')}]`;
  }
  return `{${Object.values(v as Record<string, GoValue>)
    .map((e) => formatValue(e))
    .join(' ')}}`;
}

/** encoding/json with SetEscapeHTML(false), as docker's json function. */
export function toJson(v: Val): string {
  if (v === NO_VALUE) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNil(v)) return 'null';
  if (Array.isArray(v)) return `[${v.map((e: GoValue) => toJson(e)).join(',')}]`;
  const entries = isMap(v)
    ? Object.keys(v.goMap)
        .sort()
        .map((k) => [k, v.goMap[k] as GoValue] as const)
    : Object.entries(v as Record<string, GoValue>);
  return `{${entries.map(([k, e]) => `${JSON.stringify(k)}:${toJson(e)}`).join(',')}}`;
}

/** text/template's isTrue: false, 0, "", nil and empty slices and maps are false; a struct is true. */
export function isTrue(v: Val): boolean {
  if (v === NO_VALUE || isNil(v)) return false;
  if (typeof v === 'string') return v !== '';
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v.goMap).length > 0;
  return true;
}

type Fn = (args: Val[]) => Val;
const asString = (v: Val): string => (typeof v === 'string' ? v : formatValue(v));
export const FUNCTIONS: Readonly<Record<string, Fn>> = {
  json: ([v]) => toJson(v ?? NO_VALUE),
  join: ([list, sep]) =>
    Array.isArray(list) ? (list as GoValue[]).map(asString).join(asString(sep ?? '')) : '',
  split: ([s, sep]) => asString(s ?? '').split(asString(sep ?? '')),
  lower: ([s]) => asString(s ?? '').toLowerCase(),
  upper: ([s]) => asString(s ?? '').toUpperCase(),
  title: ([s]) => asString(s ?? '').replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (m) => m.toUpperCase()),
  pad: ([s, before, after]) => {
    const text = asString(s ?? '');
    return text === ''
      ? text
      : ' '.repeat(Number(before ?? 0)) + text + ' '.repeat(Number(after ?? 0));
  },
  truncate: ([s, n]) => {
    const text = asString(s ?? '');
    return text.length < Number(n) ? text : text.slice(0, Number(n));
  },
  index: ([v, i]) => {
    if (Array.isArray(v)) return (v as GoValue[])[Number(i)] ?? NO_VALUE;
    if (isMap(v)) return v.goMap[asString(i ?? '')] ?? NO_VALUE;
    return NO_VALUE;
  },
  len: ([v]) =>
    Array.isArray(v) ? v.length : isMap(v) ? Object.keys(v.goMap).length : asString(v ?? '').length,
  print: (args) => args.map(asString).join(''),
  println: (args) => args.map(asString).join(' ') + '\n',
};
