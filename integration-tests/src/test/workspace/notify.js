#!/usr/bin/env node
// Shared body of the notification senders: answers {"sent": "<channel>", "params": <stdin params>}.
module.exports = (channel) => {
  let input = '';
  process.stdin.on('data', (chunk) => (input += chunk));
  process.stdin.on('end', () => {
    process.stdout.write(JSON.stringify({ sent: channel, params: JSON.parse(input || '{}') }));
  });
};
if (require.main === module) {
  module.exports(process.argv[2] || 'notify');
}
