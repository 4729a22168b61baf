/** Staff REST calls of the console: sign-in only; everything live goes over /agent. */
export async function login(email: string, password: string): Promise<string> {
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { accessToken?: string; error?: { message: string } };
  if (!res.ok || !body.accessToken) throw new Error(body.error?.message ?? 'sign-in failed');
  return body.accessToken;
}
