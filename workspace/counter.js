#!/usr/bin/env node
// Adds to a counter in Baton's shared storage with compare-and-set, so concurrent tasks never lose an
// increment: params {"path":"counters.demo","by":1} (both optional) -> {"path","value","version","retries"}.
// Baton gives every script BATON_API_URL, BATON_API_USER and BATON_API_PASSWORD (see README.md).
const api = process.env.BATON_API_URL;
const auth = 'Basic ' + Buffer.from(`${process.env.BATON_API_USER}:${process.env.BATON_API_PASSWORD}`).toString('base64');

async function main() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const params = JSON.parse(input || '{}');
  const path = params.path || 'counters.demo';
  const by = params.by === undefined ? 1 : params.by;
  if (!api || typeof by !== 'number') {
    throw new Error('counter.js needs BATON_API_URL and a numeric "by", got ' + input);
  }
  const url = `${api}/storage/${path}`;
  for (let retries = 0; retries < 1000; retries++) {
    const read = await fetch(url, { headers: { Authorization: auth } });
    let current = 0;
    let condition;
    if (read.status === 404) {
      condition = { 'If-None-Match': '*' }; // create only: someone else may create it first
    } else if (read.ok) {
      current = await read.json();
      // a value has an ETag (its version); a subtree (a path with children) has none
      if (typeof current !== 'number' || !read.headers.get('ETag')) {
        throw new Error(`${path} holds ${JSON.stringify(current)}, not a number`);
      }
      condition = { 'If-Match': read.headers.get('ETag') }; // replace only the version we read
    } else {
      throw new Error(`GET ${path}: ${read.status} ${await read.text()}`);
    }
    const write = await fetch(url, {
      method: 'PUT',
      headers: { Authorization: auth, 'Content-Type': 'application/json', ...condition },
      body: JSON.stringify(current + by),
    });
    if (write.status === 200 || write.status === 201) {
      const stored = await write.json();
      process.stdout.write(JSON.stringify({ path, value: stored.value, version: stored.version, retries }));
      return;
    }
    if (write.status !== 412) {
      throw new Error(`PUT ${path}: ${write.status} ${await write.text()}`);
    }
    // 412: another writer was first; read again and retry after a short random pause
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * Math.min(retries + 1, 10)));
  }
  throw new Error(`${path}: gave up after 1000 conflicting writes`);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
