import type { Response } from 'supertest';

/** Asserts the documented REST error shape (RFC 9457 + code + requestId) and returns the body. */
export function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toEqual(
    expect.objectContaining({
      type: expect.stringContaining(code.toLowerCase().replace(/_/g, '-')),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      instance: expect.stringMatching(/^\//),
      code,
      requestId: expect.any(String),
    }),
  );
  expect(JSON.stringify(res.body)).not.toMatch(/at \S+ \(|prisma|P20\d\d|SELECT /i);
  return res.body as { detail: string; errors?: { field: string; message: string }[] };
}
