// A PNG file from the canvas's RGBA pixels, compressed by node:zlib at its fastest level. Skia's own PNG
// encoder (canvas.toBuffer) compresses harder and took 50–60 ms for a 1600×400 timeline on a loaded 2-core
// machine; a timeline is a few flat colours and text, which level 1 packs almost as small in a fraction of it.
import { deflateSync } from "node:zlib";

let scratch = Buffer.alloc(0);

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    const entry = CRC_TABLE[(c ^ byte) & 0xff];
    // The index is one byte and the table has 256 entries.
    if (entry === undefined) throw new Error("CRC table index out of range");
    c = entry ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An 8-bit RGBA PNG of `width`×`height` pixels (`rgba`: 4 bytes a pixel, rows top to bottom, not premultiplied). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height)
    throw new Error(`expected ${stride * height} bytes, got ${rgba.length}`);
  // Each row starts with its filter type: 0, none. The rows buffer is kept between calls: a timeline's few MB
  // allocated afresh each time made the collector's pauses the slowest part of a picture.
  const size = (stride + 1) * height;
  if (scratch.length < size) scratch = Buffer.allocUnsafe(size);
  const rows = scratch.subarray(0, size);
  for (let y = 0; y < height; y++) {
    rows[y * (stride + 1)] = 0;
    rows.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method beyond 0, not interlaced
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 1 })),
    chunk("IEND", new Uint8Array()),
  ]);
}
