import { describe, expect, it } from 'vitest';
import { card } from '../../src/core/cards/card.model.ts';
import { renderCard, renderFile } from '../../src/platforms/console/console.cards.ts';

describe('console card renderer', () => {
  it('escapes every piece of document text, so a statement cannot inject markup', () => {
    const evil = '<img src=x onerror=alert(1)>"\'`&';
    const html = renderCard(
      card(evil, 'warning', [
        { type: 'heading', text: evil },
        { type: 'text', text: evil },
        { type: 'fields', fields: [{ label: evil, value: evil, flagged: true }] },
        { type: 'list', title: evil, items: [evil] },
        { type: 'table', columns: [evil], rows: [[evil]] },
        { type: 'actions', actions: [{ kind: 'approve', label: evil, value: evil }] },
      ]),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/onerror=alert\(1\)>/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;&#34;&#39;&#96;&#38;');
  });

  it('marks flagged fields with a warning sign', () => {
    const html = renderCard(
      card('t', 'info', [{ type: 'fields', fields: [{ label: 'Total equity', value: '1.00 USD', flagged: true }] }]),
    );
    expect(html).toContain('field flagged');
    expect(html).toContain('⚠️');
  });

  it('loads same-origin, inline and https images; anything else becomes a link or text', () => {
    const img = (url: string) => renderCard(card('t', 'info', [{ type: 'image', url, alt: 'chart' }]));
    expect(img('/console/files/abc-123')).toContain('<img src="/console/files/abc-123"');
    expect(img('data:image/png;base64,iVBORw0KGgo=')).toContain('<img src="data:image/png;base64,');
    expect(img('https://example.com/c.png')).toContain('<img src="https://example.com/c.png"');
    expect(img('http://example.com/c.png')).toContain('<a href="http://example.com/c.png"');
    expect(img('//evil.example/x.png')).not.toContain('<img');
    expect(img('javascript:alert(1)')).not.toContain('javascript:');
  });

  it('offers files as download links and previews images', () => {
    expect(renderFile({ url: '/console/files/1', name: 'export.csv', contentType: 'text/csv', size: 2048 })).toContain(
      'download="export.csv"',
    );
    expect(renderFile({ url: '/console/files/2', name: 'chart.png', contentType: 'image/png', size: 10 })).toContain(
      '<img src="/console/files/2"',
    );
  });
});
