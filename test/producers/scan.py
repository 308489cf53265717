"""Turns the greyscale pages pdftoppm wrote (PGM, 200 dpi) into scanner-like PNGs: a slight rotation, a light
blur, sensor noise and a few specks. Deterministic per document (seeded by its name). Needs numpy.
Usage: python3 scan.py NAME PAGE.pgm... (writes PAGE.png beside each page)."""
import sys, zlib, struct, hashlib
import numpy as np


def read_pgm(path):
    data = open(path, 'rb').read()
    parts, pos = [], 0
    while len(parts) < 4:  # magic, width, height, maxval (no comments from pdftoppm)
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        parts.append(data[pos:end])
        pos = end
    w, h = int(parts[1]), int(parts[2])
    return np.frombuffer(data[pos + 1:pos + 1 + w * h], dtype=np.uint8).reshape(h, w).astype(np.float32)


def write_png(path, img):
    h, w = img.shape
    raw = b''.join(b'\x00' + img[y].tobytes() for y in range(h))
    chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0))
    png += chunk(b'IDAT', zlib.compress(raw, 6)) + chunk(b'IEND', b'')
    open(path, 'wb').write(png)


def degrade(img, rng, angle_deg):
    h, w = img.shape
    a = np.deg2rad(angle_deg)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = w / 2, h / 2
    sx = np.cos(a) * (xx - cx) + np.sin(a) * (yy - cy) + cx  # inverse rotation, nearest neighbour
    sy = -np.sin(a) * (xx - cx) + np.cos(a) * (yy - cy) + cy
    ix, iy = np.rint(sx).astype(int), np.rint(sy).astype(int)
    ok = (ix >= 0) & (ix < w) & (iy >= 0) & (iy < h)
    out = np.full_like(img, 246.0)
    out[ok] = img[iy[ok], ix[ok]]
    k = np.array([0.2, 0.6, 0.2], dtype=np.float32)  # light blur, separable
    out = k[0] * np.roll(out, 1, 0) + k[1] * out + k[2] * np.roll(out, -1, 0)
    out = k[0] * np.roll(out, 1, 1) + k[1] * out + k[2] * np.roll(out, -1, 1)
    out = out * 0.9 + 20 + rng.normal(0, 9, out.shape)  # greyer paper, sensor noise
    specks = rng.random(out.shape) < 0.0004
    out[specks] = rng.uniform(40, 140, specks.sum())
    return np.clip(out, 0, 255).astype(np.uint8)


name, pages = sys.argv[1], sys.argv[2:]
seed = int(hashlib.sha256(name.encode()).hexdigest()[:8], 16)
rng = np.random.default_rng(seed)
for page in pages:
    angle = rng.uniform(0.3, 0.9) * rng.choice([-1, 1])
    write_png(page[:-4] + '.png', degrade(read_pgm(page), rng, angle))
    print(f'{page}: rotated {angle:.2f} deg')
