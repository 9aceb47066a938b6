import { WEBHOOK_EVENTS } from '../../src/modules/webhooks/domain/webhook-events';
import { createTestApp, TestApp } from '../helpers/create-test-app';

// The mapping from audit actions to events lives in the database (one function that several migrations
// have replaced); every subscribable event must still come out of it.
describe('webhook_event_for_action', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('raises every subscribable event from the audit action of the same name', async () => {
    const events = WEBHOOK_EVENTS.filter((event) => !event.endsWith('.*'));
    const rows = await t.prisma.$queryRaw<Array<{ action: string; event: string | null }>>`
      SELECT a AS action, webhook_event_for_action(a) AS event FROM unnest(${[...events]}::text[]) AS a`;
    expect(rows.filter((row) => row.event !== row.action)).toEqual([]);
  });

  it('counts a restored revision as an update and raises nothing for actions without events', async () => {
    const rows = await t.prisma.$queryRaw<Array<{ action: string; event: string | null }>>`
      SELECT a AS action, webhook_event_for_action(a) AS event
      FROM unnest(ARRAY['post.restored', 'page.restored', 'token.created', 'preview_link.created', 'author.updated']) AS a`;
    expect(Object.fromEntries(rows.map((row) => [row.action, row.event]))).toEqual({
      'post.restored': 'post.updated',
      'page.restored': 'page.updated',
      'token.created': null,
      'preview_link.created': null,
      'author.updated': null,
    });
  });
});
