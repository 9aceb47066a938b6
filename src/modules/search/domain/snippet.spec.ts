import { HIGHLIGHT_START, HIGHLIGHT_STOP, toSnippetHtml } from './snippet';

describe('toSnippetHtml', () => {
  it('turns the highlight markers into <mark> elements', () => {
    expect(toSnippetHtml(`the ${HIGHLIGHT_START}long${HIGHLIGHT_STOP} read`)).toBe('the <mark>long</mark> read');
  });

  it('escapes markup that is part of the body text', () => {
    expect(toSnippetHtml(`<script>alert("x")</script> & ${HIGHLIGHT_START}it's${HIGHLIGHT_STOP}`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>it&#39;s</mark>',
    );
  });
});
