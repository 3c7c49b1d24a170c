import { describe, expect, it } from 'vitest';
import {
  goMap,
  nilMap,
  nilSlice,
  parseTemplate,
  type GoValue,
} from '../../../../src/sim/userland/docker-cli/go-template.ts';
import { runTemplate } from './run-template.ts';

const run = runTemplate;

describe('Go templates as docker inspect -f evaluates them', () => {
  const data: GoValue = {
    Name: '/myredis',
    State: { Pid: 4321, Running: true, ExitCode: 0, Status: 'running' },
    Config: {
      User: '',
      Cmd: ['redis-server'],
      Entrypoint: ['docker-entrypoint.sh'],
      OnBuild: nilSlice,
      Labels: goMap({ b: '2', a: '1' }),
      Volumes: nilMap,
      Env: ['PATH=/usr/bin', 'A=<b&c>'],
    },
  };

  // fmt's %v as text/template prints values (Go spec of package fmt): a slice as [a b],
  // a nil slice as [], a map sorted as map[k:v], a nil map as map[], a missing map key as <no value>.
  it('prints values with fmt %v', () => {
    expect(run('{{.State.Pid}} {{.State.Running}} [{{.Config.User}}] {{.Name}}', data)).toBe(
      '4321 true [] /myredis',
    );
    expect(run('{{.Config.Cmd}} {{.Config.Entrypoint}} {{.Config.OnBuild}}', data)).toBe(
      '[redis-server] [docker-entrypoint.sh] []',
    );
    expect(run('{{.Config.Labels}} {{.Config.Volumes}} {{.Config.Labels.zz}}', data)).toBe(
      'map[a:1 b:2] map[] <no value>',
    );
  });

  // docker/cli templates/templates.go: json uses an Encoder with SetEscapeHTML(false), trimmed.
  it('json marshals like encoding/json without HTML escaping; nil is null', () => {
    expect(run('{{json .Config.Cmd}} {{json .Config.OnBuild}} {{json .Config.Env}}', data)).toBe(
      '["redis-server"] null ["PATH=/usr/bin","A=<b&c>"]',
    );
    expect(run('{{json .State}}', data)).toBe(
      '{"Pid":4321,"Running":true,"ExitCode":0,"Status":"running"}',
    );
    expect(run('{{json .Config.Labels}}', data)).toBe('{"a":"1","b":"2"}');
  });

  it('pipelines and docker functions: join, upper, index, len', () => {
    expect(run('{{join .Config.Env ","}}|{{.Name | upper}}|{{index .Config.Cmd 0}}', data)).toBe(
      'PATH=/usr/bin,A=<b&c>|/MYREDIS|redis-server',
    );
    expect(run('{{len .Config.Env}} {{"lit"}} {{`raw`}}', data)).toBe('2 lit raw');
  });

  // Parse errors as the docker 28.2.2 client printed them for `docker inspect -f TEMPLATE x`
  // (after "template parsing error: "), captured on this machine.
  it('refuses bad templates in text/template words', () => {
    const errors = (source: string) => {
      const parsed = parseTemplate(source);
      return 'error' in parsed ? parsed.error : '';
    };
    expect(errors('{{.Foo')).toBe('template: :1: unclosed action');
    expect(errors('{{foo .X}}')).toBe('template: :1: function "foo" not defined');
    expect(errors('{{.X}')).toBe("template: :1: bad character U+007D '}'");
    expect(errors('{{}}')).toBe('template: :1: missing value for command');
    expect(errors('{{.X | bogus}}')).toBe('template: :1: function "bogus" not defined');
    expect(errors('{{"abc}}')).toBe('template: :1: unterminated quoted string');
  });
});
