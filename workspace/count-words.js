#!/usr/bin/env node
// Child of wordcount.js: {"line": "..."} -> {"words": n}.
let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const line = String(JSON.parse(input || '{}').line || '');
  process.stdout.write(JSON.stringify({ words: line.split(/\s+/).filter((w) => w.length > 0).length }));
});
