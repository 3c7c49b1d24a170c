/** The binary operators of coreutils 9.1's test (src/test.c: no string < and > yet). */
export const COREUTILS_TEST_BINARY: ReadonlySet<string> = new Set([
  '=',
  '==',
  '!=',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
]);

/** The shells' test and `[` add the string comparisons < and >; bash's `[[ ]]` adds =~ to these. */
export const TEST_BINARY: ReadonlySet<string> = new Set([...COREUTILS_TEST_BINARY, '<', '>']);
