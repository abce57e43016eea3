import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A port free at this moment (the system picks it), for a server started in another process. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `manasik start --no-demo` in a child process on a free port and waits until `path`
 * answers. Its output is kept (and read, so a full pipe never stalls it): when the process exits or
 * does not answer within `seconds`, the error carries the port and the output's last lines.
 */
export async function startChildServer(env: NodeJS.ProcessEnv, options: { path?: string; seconds?: number } = {}): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/manasik.mjs', 'start', '--no-demo'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-4000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.seconds ?? 60) * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server on ${port} exited with ${child.exitCode}:\n${output}`);
    if (await fetch(`${base}${options.path ?? '/ready'}`).then((r) => r.ok, () => false)) return { child, base };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the server on ${port} did not answer within ${options.seconds ?? 60} s:\n${output}`);
}
