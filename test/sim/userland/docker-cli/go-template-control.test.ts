import { describe, expect, it } from 'vitest';
import {
  goMap,
  nilMap,
  type GoValue,
} from '../../../../src/sim/userland/docker-cli/go-template.ts';
import { runTemplate, templateError } from './run-template.ts';

const run = runTemplate;
const error = templateError;

/**
 * Every expectation below is what the real docker 28.2.2 client printed on this
 * machine, run as `env -i PATH=… docker context inspect -f 'TEMPLATE' default`
 * (the same text/template engine and docker functions as `docker inspect -f`,
 * no daemon needed), minus the newline docker adds after each result. The data
 * is the default context as `{{json .}}` and `{{$}}` showed it:
 * {"Name":"default","Metadata":{},"Endpoints":{"docker":{"Host":"unix:///var/run/docker.sock",
 * "SkipTLSVerify":false}},"TLSMaterial":{},"Storage":{"MetadataPath":"<IN MEMORY>",...}}.
 */
const context: GoValue = {
  Name: 'default',
  Metadata: { Description: '', Fields: nilMap },
  Endpoints: goMap({ docker: { Host: 'unix:///var/run/docker.sock', SkipTLSVerify: false } }),
  TLSMaterial: nilMap,
  Storage: { MetadataPath: '<IN MEMORY>', TLSPath: '<IN MEMORY>' },
};

describe('Go template control structures, as the real engine runs them', () => {
  it('prints the root $ as fmt %v prints the struct', () => {
    expect(run('{{$}}', context)).toBe(
      '{default { map[]} map[docker:{unix:///var/run/docker.sock false}] map[] {<IN MEMORY> <IN MEMORY>}}',
    );
    expect(run('{{$.Name}}{{with .Storage}}{{$.Name}}{{.TLSPath}}{{end}}', context)).toBe(
      'defaultdefault<IN MEMORY>',
    );
  });

  it('if / else if / else with Go truth (0 and "" are false, a struct is true)', () => {
    // docker context ls --format '{{if .Current}}*{{end}}{{.Name}}' printed "*default".
    expect(run('{{if .Current}}*{{end}}{{.Name}}', { Current: true, Name: 'default' })).toBe(
      '*default',
    );
    expect(run('{{if .Name}}a{{else if .Metadata}}b{{end}}', context)).toBe('a');
    expect(run('{{if 0}}a{{else if ""}}b{{else}}c{{end}}', context)).toBe('c');
    expect(run('{{if .Name -}}  a  {{- end}}', context)).toBe('a');
  });

  it('with, with $x :=, else with', () => {
    expect(run('{{with .Metadata}}x{{else}}none{{end}}', context)).toBe('x');
    expect(
      run(
        '{{with .Storage}}{{.TLSPath}}{{end}} {{with $s := .Storage}}{{$s.MetadataPath}}{{end}}',
        context,
      ),
    ).toBe('<IN MEMORY> <IN MEMORY>');
    expect(run('{{with 0}}a{{else with 2}}b{{end}}', context)).toBe('b');
  });

  it('range over maps, slices and integers, with variables, break and continue', () => {
    expect(run('{{range $k, $v := .Endpoints}}{{$k}}={{$v.Host}}{{end}}', context)).toBe(
      'docker=unix:///var/run/docker.sock',
    );
    expect(run('{{range .Endpoints}}{{.Host}}{{else}}none{{end}}', context)).toBe(
      'unix:///var/run/docker.sock',
    );
    // docker version -f '{{range $i, $e := split .Client.Version "."}}[{{$i}}:{{$e}}]{{end}}'
    // printed [0:28][1:2][2:2] on stdout (and its daemon error on stderr).
    expect(
      run('{{range $i, $e := split .Client.Version "."}}[{{$i}}:{{$e}}]{{end}}', {
        Client: { Version: '28.2.2' },
      }),
    ).toBe('[0:28][1:2][2:2]');
    expect(run('{{range $i, $e := split "a,b" ","}}{{if $i}},{{end}}{{$e}}{{end}}', context)).toBe(
      'a,b',
    );
    expect(run('{{range 3}}{{.}}{{end}}|{{range $i := 3}}{{$i}}{{end}}', context)).toBe('012|012');
    expect(run('{{range .Endpoints}}{{break}}{{end}}', context)).toBe('');
    expect(run('{{range $k, $v := .Endpoints}}{{continue}}{{end}}y', context)).toBe('y');
  });

  it('variables, assignment, pipelines into functions, comments and trim markers', () => {
    expect(run('{{$x := 1}}{{$x = 2}}{{$x}}', context)).toBe('2');
    expect(run('{{$x := .Name}}{{$x | upper}}', context)).toBe('DEFAULT');
    expect(run('{{/* hi */}}a {{- /* x */ -}} b', context)).toBe('ab');
    expect(run('{{/*hi*/}}', context)).toBe('');
    expect(run('{{-3}} {{- 3}} {{3 -}} x', context)).toBe('-33 3x');
    expect(run('{{if 1}}a{{else -}}   b{{end -}}  c', context)).toBe('ac');
  });

  // The real client: "template parsing error: " + these, exit status 64.
  it('refuses bad control structures in text/template words', () => {
    expect(error('{{if .Name}}a')).toBe('template: :1: unexpected EOF');
    expect(error('{{if 1}}a{{else}}')).toBe('template: :1: unexpected EOF');
    expect(error('a\n{{if 1}}\nb')).toBe('template: :3: unexpected EOF');
    expect(error('{{end}}')).toBe('template: :1: unexpected {{end}}');
    expect(error('a\n{{end}}\nb')).toBe('template: :2: unexpected {{end}}');
    expect(error('{{.Name}}{{end}}{{if 1}}')).toBe('template: :1: unexpected {{end}}');
    expect(error('{{else}}')).toBe('template: :1: unexpected {{else}}');
    expect(error('x{{$x}}')).toBe('template: :1: undefined variable "$x"');
    expect(error('{{with $x := .Name}}{{$x}}{{end}}{{$x}}')).toBe(
      'template: :1: undefined variable "$x"',
    );
    expect(error('{{if .Name}}{{$y := 1}}{{end}}{{$y}}')).toBe(
      'template: :1: undefined variable "$y"',
    );
    expect(error('{{if}}a{{end}}')).toBe('template: :1: missing value for if');
    expect(error('{{with}}a{{end}}')).toBe('template: :1: missing value for with');
    expect(error('{{range}}a{{end}}')).toBe('template: :1: missing value for range');
    expect(error('{{$x := }}')).toBe('template: :1: missing value for command');
    expect(error('{{break}}')).toBe('template: :1: {{break}} outside {{range}}');
    expect(error('{{continue}}')).toBe('template: :1: {{continue}} outside {{range}}');
    expect(error('{{if .Name}}a{{else}}b{{else}}c{{end}}')).toBe(
      'template: :1: expected end; found {{else}}',
    );
    expect(error('{{range .Endpoints}}a{{else}}b{{else}}c{{end}}')).toBe(
      'template: :1: expected end; found {{else}}',
    );
    expect(error('{{if 1}}a{{else with 2}}b{{end}}')).toBe(
      'template: :1: unexpected <with> in input',
    );
    expect(error('{{range .Endpoints}}{{else if 1}}{{end}}')).toBe(
      'template: :1: unexpected <if> in input',
    );
    expect(error('{{range $a, $b, $c := .Endpoints}}{{end}}')).toBe(
      'template: :1: too many declarations in range',
    );
    expect(error('{{/* hi }}')).toBe('template: :1: unclosed comment');
    expect(error('{{/* a */ }}')).toBe('template: :1: comment ends before closing delimiter');
    expect(error('{{else if 1}}')).toBe('template: :1: unexpected {{else}}');
    expect(error('{{range $i, $e := .Endpoints}}{{$i}}{{end}}{{$i}}')).toBe(
      'template: :1: undefined variable "$i"',
    );
  });
});
