#!/usr/bin/env node
// Split/merge example. Run phase: {"text": "..."} -> one child per non-empty line (count-words.js).
// Merge phase (BATON_PHASE=merge): stdin is {"params": ..., "children": [{index, status, result, error}]}
// -> {"lines": n, "words": total}.
let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const data = JSON.parse(input || '{}');
  if (process.env.BATON_PHASE === 'merge') {
    const failed = data.children.filter((c) => c.status !== 'SUCCEEDED');
    if (failed.length > 0) {
      console.error(failed.length + ' line(s) failed: ' + failed.map((c) => c.error).join('; '));
      process.exit(1);
    }
    const words = data.children.reduce((sum, c) => sum + c.result.words, 0);
    process.stdout.write(JSON.stringify({ lines: data.children.length, words }));
    return;
  }
  const lines = String(data.text || '').split('\n').filter((l) => l.trim().length > 0);
  if (lines.length === 0) {
    process.stdout.write(JSON.stringify({ lines: 0, words: 0 }));
    return;
  }
  process.stdout.write(JSON.stringify({ $split: lines.map((line) => ({ handler: 'count-words.js', params: { line } })) }));
});
