// Drives `hako-host serve --mcp` with the official MCP TypeScript SDK client,
// as an agent app would: lists the tools, runs bash and the editor in a real
// container, gets clear tool errors on bad input, receives progress and
// cancels a long call. Run by run-mcp-test.sh with HAKO_HOST set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ErrorCode, LATEST_PROTOCOL_VERSION, McpError } from '@modelcontextprotocol/sdk/types.js';

const host = process.env.HAKO_HOST;
assert.ok(host, 'HAKO_HOST must name the hako-host binary');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hako-mcp-'));
const runtimeDir = path.join(root, 'run');
let client;
let transport;
let negotiated;
const sent = []; // every message to the server
const received = []; // and from it

const text = (result) => result.content.filter((c) => c.type === 'text').map((c) => c.text).join('');
const bash = (command, extra = {}, options = {}) =>
    client.callTool({ name: 'bash', arguments: { command, ...extra } }, undefined, options);
const edit = (args) => client.callTool({ name: 'str_replace_based_edit_tool', arguments: args });
const instanceId = () => fs.readFileSync(path.join(runtimeDir, 'instance-id'), 'utf8').trim();
const ourContainers = () =>
    execFileSync('docker', ['ps', '-aq', '--filter', `label=org.hako.instance=${instanceId()}`], { encoding: 'utf8' })
        .split('\n').filter(Boolean);

before(async () => {
    transport = new StdioClientTransport({
        command: host,
        args: ['serve', '--mcp', '--set', `paths.workspaces=${root}/workspaces`, '--set', `paths.runtime=${runtimeDir}`],
        env: { ...process.env },
        stderr: 'inherit',
    });
    transport.setProtocolVersion = (version) => { negotiated = version; };
    const send = transport.send.bind(transport);
    transport.send = (message, options) => { sent.push(message); return send(message, options); };
    client = new Client({ name: 'hako-integration-test', version: '1.0.0' });
    await client.connect(transport);
    const deliver = transport.onmessage;
    transport.onmessage = (message, extra) => { received.push(message); deliver(message, extra); };
});

after(async () => {
    // Whatever the outcome, stop the server (it holds the workspaces' mounts) and leave no
    // container of this run behind.
    await client.close().catch(() => {});
    try {
        const left = ourContainers();
        if (left.length) execFileSync('docker', ['rm', '-f', ...left]);
    } catch { /* no instance yet */ }
    fs.rmSync(root, { recursive: true, force: true });
});

test('initialize negotiates the newest protocol revision', () => {
    assert.equal(client.getServerVersion().name, 'hako');
    assert.equal(negotiated, LATEST_PROTOCOL_VERSION);
    assert.deepEqual(client.getServerCapabilities().tools, { listChanged: false });
    assert.match(client.getInstructions(), /conversation "mcp-[0-9a-f]{32}"/);
});

test('lists the plugin tools with a conversation argument', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(),
        ['bash', 'read_file', 'str_replace_based_edit_tool', 'write_file']);
    for (const tool of tools) {
        assert.equal(tool.inputSchema.type, 'object');
        assert.equal(tool.inputSchema.properties.conversation.type, 'string');
        assert.ok(tool.description.length > 20, `${tool.name} has a description`);
    }
});

test('bash runs in a real container, and its shell state persists', async () => {
    const first = await bash('echo hello from $(id -u); cd /workspace && export HAKO_MCP=kept; exit 3');
    assert.equal(first.isError, false);
    assert.equal(first.structuredContent.exit_code, 3);
    assert.equal(text(first), 'hello from 1000\n[exit code 3]');
    const [container] = ourContainers();
    assert.ok(container, 'a container of this instance exists');
    const inspect = JSON.parse(execFileSync('docker', ['inspect', container], { encoding: 'utf8' }))[0];
    assert.equal(inspect.State.Running, true);
    assert.equal(inspect.HostConfig.NetworkMode, 'none');
    assert.equal(inspect.HostConfig.ReadonlyRootfs, true);
    const second = await bash('echo "$PWD $HAKO_MCP"; echo oops >&2');
    assert.equal(text(second), '/workspace kept\n[stderr]\noops\n[exit code 0]');
});

test('the editor creates, replaces and views a file that bash then sees', async () => {
    const created = await edit({ command: 'create', path: '/workspace/notes.txt', file_text: 'alpha\nbeta\n' });
    assert.equal(created.isError, false, text(created));
    const replaced = await edit({ command: 'str_replace', path: '/workspace/notes.txt', old_str: 'beta', new_str: 'gamma' });
    assert.equal(replaced.isError, false, text(replaced));
    const viewed = await edit({ command: 'view', path: '/workspace/notes.txt' });
    assert.match(text(viewed), /1\talpha\n\s+2\tgamma/);
    assert.equal(text(await bash('cat /workspace/notes.txt')), 'alpha\ngamma\n[exit code 0]');
});

test('bad input gives a clear tool error, not a protocol error', async () => {
    const wrongType = await bash(1);
    assert.equal(wrongType.isError, true);
    assert.equal(text(wrongType), 'Invalid input for tool "bash": "command" must be of type string.');
    assert.equal(wrongType._meta['org.hako/error'], 'bad_input');
    const noMatch = await edit({ command: 'str_replace', path: '/workspace/notes.txt', old_str: 'delta', new_str: 'x' });
    assert.equal(noMatch.isError, true);
    assert.match(text(noMatch), /The text to replace was not found/);
    const outside = await edit({ command: 'view', path: '/etc/passwd' });
    assert.equal(outside.isError, true);
    assert.match(text(outside), /outside \/workspace/);
});

test('an unknown tool is a JSON-RPC invalid-params error', async () => {
    await assert.rejects(client.callTool({ name: 'rm_rf', arguments: {} }),
        (e) => e instanceof McpError && e.code === ErrorCode.InvalidParams && /no tool named "rm_rf"/.test(e.message));
});

test('a long call streams its output as progress notifications', async () => {
    const updates = [];
    const result = await bash('for i in 1 2 3; do echo tick$i; sleep 1; done', {},
        { onprogress: (p) => updates.push(p) });
    assert.equal(text(result), 'tick1\ntick2\ntick3\n[exit code 0]');
    assert.ok(updates.length >= 2, `got ${updates.length} progress notifications`);
    for (let i = 1; i < updates.length; ++i) assert.ok(updates[i].progress > updates[i - 1].progress);
    assert.match(updates.map((u) => u.message).join(''), /tick1\n/);
});

test('cancelling a call kills its processes in the container', async () => {
    const controller = new AbortController();
    const call = bash('sleep 300 & echo $! > /workspace/sleeper.pid; echo started; wait', {}, {
        signal: controller.signal,
        onprogress: (p) => { if (p.message.includes('started')) controller.abort('test cancels'); },
    });
    await assert.rejects(call, (e) => controller.signal.aborted && /test cancels/.test(String(e)));
    const request = sent.find((m) => m.method === 'tools/call' && /sleeper/.test(m.params.arguments.command));
    assert.ok(sent.some((m) => m.method === 'notifications/cancelled' && m.params.requestId === request.id));
    // The sleeper was a child of the cancelled call: it must be gone, not orphaned.
    const check = await bash('pid=$(cat /workspace/sleeper.pid); for i in $(seq 50); do '
        + 'kill -0 "$pid" 2>/dev/null || { echo gone; exit 0; }; sleep 0.1; done; echo "alive $pid"');
    assert.equal(text(check), 'gone\n[exit code 0]');
    assert.ok(!received.some((m) => m.id === request.id), 'a cancelled request gets no response');
});

test('the conversation argument selects another sandbox', async () => {
    const other = 'mcp-test-other';
    const written = await client.callTool({ name: 'write_file',
        arguments: { conversation: other, path: 'only-there.txt', content: 'other side\n' } });
    assert.equal(written.isError, false, text(written));
    const here = await client.callTool({ name: 'read_file', arguments: { path: 'only-there.txt' } });
    assert.equal(here.isError, true);
    assert.match(text(here), /No such file/);
    const there = await client.callTool({ name: 'read_file', arguments: { conversation: other, path: 'only-there.txt' } });
    assert.equal(text(there), 'other side\n');
    assert.equal(ourContainers().length, 2);
});

test('closing the session removes its containers and its workspace', async () => {
    const workspaces = path.join(root, 'workspaces');
    // As root a workspace is a directory and its size-capped image beside it: count directories.
    const conversations = () => fs.readdirSync(workspaces, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).length;
    assert.equal(conversations(), 2);
    const started = Date.now();
    await client.close();
    console.log(`# session closed in ${Date.now() - started} ms`);
    assert.deepEqual(ourContainers(), []);
    // The session's own conversation goes; a named one keeps its workspace.
    assert.equal(conversations(), 1);
});
