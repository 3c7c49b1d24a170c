import { describeToolCases } from '../support/tool-cases.ts';

/**
 * mawk 1.3.4 20200120 (Debian 12's awk): expected outputs recorded from
 * /usr/bin/awk (fixtures/awk.json, RECORD_FIXTURES=1) and compared with it live
 * when present. The first two cases are the redis Dockerfiles' own programs.
 */
const LDD = `\tlinux-vdso.so.1 (0x00007ffd5b3e0000)
\tlibm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f1c2a000000)
\tlibssl.so.3 => /lib/x86_64-linux-gnu/libssl.so.3 (0x00007f1c29f00000)
\tlibfoo.so.1 => /usr/local/lib/libfoo.so.1 (0x00007f1c29e00000)
\tlibcrypto.so.3 => /usr/lib/x86_64-linux-gnu/libcrypto.so.3 (0x00007f1c29a00000)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f1c2a200000)
`;

describeToolCases('awk', {
  "the Dockerfiles' -F- '{ print $NF }'": {
    argv: ['awk', '-F-', '{ print $NF }'],
    stdin: 'amd64\nmusl-linux-arm64\n',
  },
  "the Dockerfiles' ldd filter": {
    argv: [
      'awk',
      '/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }',
    ],
    stdin: LDD,
  },
  'fields, NR, NF and a file': { argv: ['awk', '{ print NR": "$1, NF }', 'greet'] },
  'BEGIN/END, sums, printf': {
    argv: [
      'awk',
      '{ n += length($0) } END { printf "%d lines, %5.2f avg|%-4s|%x|%c|%e|%g%%\\n", NR, n / NR, "ab", 255, 65, 12345.678, 0.0001234 }',
      'many',
    ],
  },
  'number output': {
    argv: ['awk', 'BEGIN { print 0.1 + 0.2, 1e6, 1e16, 2^31, -3, 2^10, 1/3, 123456789.5 }'],
  },
  'comparisons: strnum fields and strings': {
    argv: ['awk', '{ print ($1 < $2), ($1 "" < $2 ""), ($1 == 10) }'],
    stdin: '10 9\n2 10\nabc abd\n',
  },
  'patterns, regex match, next, ranges of statements': {
    argv: [
      'awk',
      '/foo/ { print "F:" $0; next } $0 ~ /^h/ { print "H:" toupper($1) } !/o/',
      'greet',
      'other',
      'f3',
    ],
  },
  'assigning fields rebuilds $0 with OFS': {
    argv: ['awk', 'BEGIN { OFS = "-" } { $2 = "X"; print; print NF }'],
    stdin: 'a b c\nd\n',
  },
  'split, substr, index, sub, gsub, match': {
    argv: [
      'awk',
      'BEGIN { n = split("a:b:c", p, ":"); print n, p[3]; print substr("hello", 2, 3), index("abc", "c"); s = "a.b.c"; print gsub(/\\./, "-", s), s; t = "aaa"; sub(/a/, "[&]", t); print t; print match("xxabc", /ab/), RSTART, RLENGTH }',
    ],
  },
  'loops, arrays, in, delete': {
    argv: [
      'awk',
      '{ c[$1]++ } END { for (i = 1; i <= 3; i++) s = s i; print s; while (k < 2) k++; print k; print ("a" in c), ("z" in c); delete c["a"]; print ("a" in c) }',
    ],
    stdin: 'a\nb\na\n',
  },
  '-v and command-line assignments': {
    argv: ['awk', '-v', 'x=1', '{ print x, y, $0 }', 'y=2', 'f2'],
  },
  'exit status from BEGIN, END still runs': {
    argv: ['awk', 'BEGIN { exit 3 } END { print "end" }'],
  },
  'do, break, continue, ternary, compound assignment, ^': {
    argv: [
      'awk',
      'BEGIN { i = 0; do { i++; if (i == 2) continue; if (i > 4) break; s = s i } while (i < 9); print s; x = 7; x += 3; x *= 2; x %= 6; x ^= 3; print x, (x > 5 ? "big" : "small"), 2^3^2, -2^2, !0 }',
    ],
  },
  'NF and $0 assignment, fields past NF, for-in, delete all': {
    argv: [
      'awk',
      '{ NF = 2; print; $5 = "e"; print; print NF; $0 = "p q r"; print $3, NF; a[1] = 1; a[2] = 2; n = 0; for (k in a) n++; delete a; for (k in a) n++; print n }',
    ],
    stdin: 'a b c d\n',
  },
  'sprintf, length without parens, substr edges, split on a regex, int and math': {
    argv: [
      'awk',
      '{ print length, length($2), substr($0, 2, 3), substr($0, 4), sprintf("%05.1f|%s|%d", 3.14159, $1, "42abc"); n = split($0, w, /[ o]+/); print n, w[1], w[n]; print int(-3.7), sqrt(16), exp(0), log(1), sin(0), cos(0), atan2(0, 1), tolower("AbC") }',
    ],
    stdin: 'foo bar boo\n',
  },
  'gsub with an empty match and \\& in the replacement, match that fails': {
    argv: [
      'awk',
      'BEGIN { s = "abc"; print gsub(//, "-", s), s; t = "a&b"; gsub(/&/, "\\\\&&", t); print t; print match("abc", /z/), RSTART, RLENGTH }',
    ],
  },
  '-F with a regex, OFS and ORS': {
    argv: ['awk', '-F', '[:,]', 'BEGIN { OFS = "|"; ORS = "#\\n" } { $1 = $1; print; print NF }'],
    stdin: 'a:b,c\nd\n',
  },
  // mawk 1.3.4 bi_substr: a start below 1 lengthens the count by 1 - start.
  'substr with a start below 1, fractions, arguments evaluated once': {
    argv: [
      'awk',
      'BEGIN { s = "hello"; print "[" substr(s, 0, 2) "]", "[" substr(s, -1, 3) "]", "[" substr(s, 0) "]", "[" substr(s, 1.5, 2) "]", "[" substr(s, 0.5, 2) "]", "[" substr(s, 2, 0) "]", "[" substr(s, 2, -1) "]", "[" substr(s, 4, 10) "]", "[" substr(s, 1.4, 1.4) "]", "[" substr(s, -2, 4) "]", "[" substr(s, 6) "]", "[" substr("", 0, 3) "]"; n = 1; print substr(s, n++, n++), n }',
    ],
  },
  'a referenced element exists; a place is evaluated once, before the value': {
    argv: [
      'awk',
      'BEGIN { a[1]; if (a[2] == "") n = 0; for (k in a) n++; print n, (3 in a); i = 1; b[i++] += 5; print i, b[1], b[2]; j = 1; c[j++] = j; print j, c[1], c[2]; k = 1; d[k++]++; print k, d[1]; $0 = "x y z"; f = 1; $(f++) = f; print f, $0; m = 1; s[1] = "aaa"; sub(/a/, "b", s[m++]); print m, s[1] }',
    ],
  },
  'a syntax error': { argv: ['awk', '{ print $ }'] },
  'a missing brace': { argv: ['awk', '{ print $NF'] },
  'a missing file': { argv: ['awk', '{ print }', 'f3', 'nope'] },
  'not an option': { argv: ['awk', '--nope'] },
  'no program': { argv: ['awk'] },
  '-W version': { argv: ['awk', '-W', 'version'] },
});
