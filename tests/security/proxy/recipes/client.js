// In-container recipe: Node's http module with socketPath.
// usage: node client.js SOCKET
const http = require('http');

const request = http.request({
    socketPath: process.argv[2] || '/var/run/hako/proxy.sock',
    host: 'bedrock-runtime.us-east-1.amazonaws.com',
    path: '/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke',
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
}, (response) => {
    let body = '';
    response.on('data', (chunk) => { body += chunk; });
    response.on('end', () => console.log(body));
});
request.end('{"anthropic_version":"bedrock-2023-05-31"}');
