import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, setenv, type Gen } from '../lib/io.ts';
import { execvp } from '../lib/execvp.ts';
import { program, progName } from '../lib/program.ts';
import {
  groupByName,
  initGroups,
  readUserDb,
  userById,
  userByName,
  type PasswdEntry,
} from '../lib/user-db.ts';

/**
 * su-exec v0.3 (github.com/ncopa/su-exec, su-exec.c at 212b751): parse
 * "user[:group]", setgroups, setgid, setuid, set HOME, execvp — no fork.
 * Errors come from err(3), so a failed lookup reads "getpwnam(x): Success"
 * (glibc leaves errno 0); all exit 1. Recorded with v0.3 built against glibc.
 */
export const suExec = program(
  'su-exec-0.3/su-exec',
  { vszKb: 2484, rssKb: 1024 },
  function* (context) {
    const prog = progName(context, 'su-exec');
    if (context.argv.length < 3) {
      yield* out(`Usage: ${prog} user-spec command [args]\n`);
      return 0;
    }
    const spec = context.argv[1] as string;
    const colon = spec.indexOf(':');
    const user = colon < 0 ? spec : spec.slice(0, colon);
    const group = colon < 0 ? undefined : spec.slice(colon + 1);
    const db = yield* readUserDb();
    const me = yield* sys.self();
    let uid = me.ruid;
    let gid = me.rgid;
    let pw: PasswdEntry | undefined;
    if (user !== '') {
      if (/^\d+$/.test(user)) uid = Number(user);
      else {
        pw = userByName(db, user);
        if (!pw) return yield* fail(`getpwnam(${user}): Success`);
      }
    }
    pw ??= userById(db, uid);
    if (pw) [uid, gid] = [pw.uid, pw.gid];
    const env = setenv(context.envp, 'HOME', pw ? pw.home : '/');
    if (group !== undefined && group !== '') {
      pw = undefined;
      if (/^\d+$/.test(group)) gid = Number(group);
      else {
        const gr = groupByName(db, group);
        if (!gr) return yield* fail(`getgrnam(${group}): Success`);
        gid = gr.gid;
      }
    }
    const groups = pw ? initGroups(db, pw.name, gid) : [gid];
    if ((yield* sys.setgroups(groups)) instanceof Errno)
      return yield* fail(
        pw ? 'setgroups: Operation not permitted' : `setgroups(${gid}): Operation not permitted`,
      );
    const g = yield* sys.setgid(gid);
    if (g instanceof Errno) return yield* fail(`setgid(${gid}): ${g.message}`);
    const u = yield* sys.setuid(uid);
    if (u instanceof Errno) return yield* fail(`setuid(${uid}): ${u.message}`);
    const command = context.argv.slice(2);
    const failure = yield* execvp(command[0] as string, command, env);
    return yield* fail(`${command[0]}: ${failure.message}`);
  },
);

/** err(3) prints program_invocation_short_name: "su-exec: …". */
function* fail(message: string): Gen<number> {
  yield* err(`su-exec: ${message}\n`);
  return 1;
}
