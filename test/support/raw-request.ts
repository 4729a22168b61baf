import { request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** Sends exact bytes (supertest would re-serialise a Buffer as JSON). */
export async function rawPost(
  server: Server,
  path: string,
  body: Buffer,
  contentType: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  if (!server.listening)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-type': contentType, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = {};
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = { raw: text };
          }
          resolve({
            status: res.statusCode ?? 0,
            body: parsed as { error?: { code: string; message: string } },
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
