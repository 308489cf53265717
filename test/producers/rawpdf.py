"""A PDF written byte by byte, with no PDF library: the `rawpdf` producer of set4 (generate.sh puts this folder on
PYTHONPATH). Type1 Helvetica and Helvetica-Bold in WinAnsiEncoding, every text placed with its own absolute text
matrix, right-aligned text from Helvetica's digit widths, rules drawn as filled rectangles.

A page is a list of operations, y measured down from the top of the page:
  ('t', x, y, size, text)  text;  ('b', …) bold;  ('r', x, y, size, text) text ending at x;
  ('rule', x, y, width, height)  a grey filled rectangle."""

W = {c: 556 for c in '0123456789'}
W.update({',': 278, '.': 278, '-': 333, ' ': 278, '/': 278, '%': 889, '(': 333, ')': 333})


def width(s, size):
    return sum(W.get(c, 556) for c in s) * size / 1000


def esc(s):
    return s.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)').encode('cp1252')


def write_pdf(out, pages, w=595, h=842, title='Estratto conto'):
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>', None,
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>']
    kids = []
    for ops in pages:
        stream = b''
        for op in ops:
            if op[0] == 'rule':
                _, x, y, ww, hh = op
                stream += b'0.35 g %.2f %.2f %.2f %.2f re f 0 g\n' % (x, h - y, ww, hh)
                continue
            kind, x, y, size, text = op
            font = b'/F2' if kind == 'b' else b'/F1'
            if kind == 'r':
                x -= width(text, size)
            stream += b'BT %s %d Tf 1 0 0 1 %.2f %.2f Tm (' % (font, size, x, h - y) + esc(text) + b') Tj ET\n'
        objs.append(b'<< /Length %d >>\nstream\n' % len(stream) + stream + b'endstream')
        objs.append(b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>' % (w, h, len(objs)))
        kids.append(len(objs))
    objs[1] = b'<< /Type /Pages /Kids [%s] /Count %d >>' % (b' '.join(b'%d 0 R' % k for k in kids), len(kids))
    objs.append(b'<< /Producer (hand-written PDF, set4) /Title (%s) >>' % esc(title))
    data, offs = b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', []
    for i, o in enumerate(objs, 1):
        offs.append(len(data))
        data += b'%d 0 obj\n' % i + o + b'\nendobj\n'
    xref = len(data)
    data += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1) + b''.join(b'%010d 00000 n \n' % o for o in offs)
    data += b'trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, len(objs), xref)
    open(out, 'wb').write(data)
