// Node.js workloads: fs (sync, callbacks, promises, watch), child_process,
// worker_threads, zlib, crypto, and a net server on a Unix socket.
'use strict';
const assert = require('assert');
const cp = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const path = require('path');
const zlib = require('zlib');
const { Worker } = require('worker_threads');

async function checkFs() {
    fs.mkdirSync('d/e', { recursive: true });
    fs.writeFileSync('d/e/a.txt', 'hako\n');
    fs.appendFileSync('d/e/a.txt', 'box\n');
    assert.strictEqual(fs.readFileSync('d/e/a.txt', 'utf8'), 'hako\nbox\n');
    await fs.promises.copyFile('d/e/a.txt', 'd/b.txt');
    await fs.promises.rename('d/b.txt', 'd/c.txt');
    fs.symlinkSync('c.txt', 'd/link');
    assert.strictEqual(fs.realpathSync('d/link'), path.resolve('d/c.txt'));
    assert.ok((await fs.promises.stat('d/c.txt')).isFile());
    assert.deepStrictEqual((await fs.promises.readdir('d')).sort(), ['c.txt', 'e', 'link']);
    fs.chmodSync('d/c.txt', 0o600);
    fs.utimesSync('d/c.txt', 0, 0);
    const fh = await fs.promises.open('d/c.txt', 'r');
    const { bytesRead } = await fh.read(Buffer.alloc(4), 0, 4, 0);
    await fh.close();
    assert.strictEqual(bytesRead, 4);
    await new Promise((res, rej) => fs.readFile('d/c.txt', (e, d) => (e ? rej(e) : res(d))));
    // fs.watch is what dev servers and test watchers build on (inotify).
    const changed = new Promise((res) => {
        const w = fs.watch('d', () => {
            w.close();
            res();
        });
    });
    fs.writeFileSync('d/watched.txt', 'x');
    await changed;
    fs.rmSync('d', { recursive: true });
}

async function checkChildProcess() {
    assert.strictEqual(cp.execSync('echo $((6*7))').toString().trim(), '42');
    assert.strictEqual(cp.execFileSync('cat', ['/etc/os-release']).length > 0, true);
    const out = await new Promise((res, rej) => {
        const c = cp.spawn('bash', ['-c', 'cat; echo done >&2'], { stdio: 'pipe' });
        let s = '';
        c.stdout.on('data', (d) => (s += d));
        c.on('error', rej);
        c.on('close', (code) => (code === 0 ? res(s) : rej(new Error('exit ' + code))));
        c.stdin.end('piped');
    });
    assert.strictEqual(out, 'piped');
    const killed = await new Promise((res) => {
        const c = cp.spawn('sleep', ['30'], { detached: true });
        c.on('exit', (code, sig) => res(sig));
        setTimeout(() => process.kill(-c.pid, 'SIGTERM'), 50);
    });
    assert.strictEqual(killed, 'SIGTERM');
    await new Promise((res, rej) => cp.exec('exit 3', (e) => (e && e.code === 3 ? res() : rej(e))));
}

async function checkWorkers() {
    const src = `const { parentPort, workerData } = require('worker_threads');
                 parentPort.postMessage(workerData * 2);`;
    const results = await Promise.all([1, 2, 3].map((n) => new Promise((res, rej) => {
        const w = new Worker(src, { eval: true, workerData: n });
        w.on('message', res);
        w.on('error', rej);
    })));
    assert.deepStrictEqual(results, [2, 4, 6]);
    const shared = new Int32Array(new SharedArrayBuffer(4));
    const w = new Worker(`const { workerData } = require('worker_threads');
                          Atomics.store(workerData, 0, 7); Atomics.notify(workerData, 0);`,
                         { eval: true, workerData: shared });
    await new Promise((res) => w.on('exit', res));
    assert.strictEqual(Atomics.load(shared, 0), 7);
}

async function checkMisc() {
    const data = crypto.randomBytes(1 << 16);
    assert.ok(zlib.gunzipSync(zlib.gzipSync(data)).equals(data));
    await new Promise((res, rej) => zlib.deflate(data, (e) => (e ? rej(e) : res())));
    assert.ok(crypto.createHash('sha256').update(data).digest('hex'));
    await new Promise((res, rej) => crypto.scrypt('pw', 'salt', 32, (e) => (e ? rej(e) : res())));
    const sock = path.resolve('node.sock');
    const server = net.createServer((c) => c.pipe(c));
    await new Promise((res) => server.listen(sock, res));
    const echoed = await new Promise((res, rej) => {
        const c = net.connect(sock, () => c.end('echo'));
        let s = '';
        c.on('data', (d) => (s += d));
        c.on('end', () => res(s));
        c.on('error', rej);
    });
    server.close();
    assert.strictEqual(echoed, 'echo');
    await new Promise((res) => setTimeout(res, 10));
}

(async () => {
    for (const check of [checkFs, checkChildProcess, checkWorkers, checkMisc]) {
        await check();
        console.log('ok', check.name);
    }
})().catch((e) => {
    console.error(e);
    process.exit(1);
});
