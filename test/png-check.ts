// Reads a PNG file back: its chunks in order with their CRCs checked, its size, and its pixels inflated.
import { crc32, inflateSync } from "node:zlib";

export interface PngInfo {
  width: number;
  height: number;
  chunks: string[];
  /** The first pixel's RGBA. */
  firstPixel: number[];
}

export function readPng(file: Uint8Array): PngInfo {
  const bytes = Buffer.from(file);
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    throw new Error("not a PNG signature");
  const chunks: string[] = [];
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length))
      throw new Error(`bad CRC in ${type}`);
    chunks.push(type);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 6) throw new Error("not 8-bit RGBA");
    }
    if (type === "IDAT") idat.push(data);
    at += 12 + length;
  }
  const pixels = inflateSync(Buffer.concat(idat));
  if (pixels.length !== (width * 4 + 1) * height) throw new Error("pixel data of the wrong size");
  return { width, height, chunks, firstPixel: [...pixels.subarray(1, 5)] };
}
