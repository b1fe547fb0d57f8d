#!/usr/bin/env node
// Orchestra's example: {"a": 1, "b": 2} on stdin -> 3 on stdout.
let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const params = JSON.parse(input || '{}');
  if (typeof params.a !== 'number' || typeof params.b !== 'number') {
    console.error('add.js needs numeric params a and b, got ' + input);
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(params.a + params.b));
});
