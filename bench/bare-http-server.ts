// The baseline for the HTTP endpoint bench: bare node:http that verifies the same Ed25519 signature over the
// raw body and returns a fixed reply. Prints `listening <port>` on stdout.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { checkSignature, publicKeyFromHex } from "../src/http/signature.ts";

const key = publicKeyFromHex(process.env.DISCORD_PUBLIC_KEY ?? "");
const fixed = JSON.stringify({ type: 4, data: { content: "fixed reply", allowed_mentions: { parse: [] } } });

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === "string" ? value : undefined;
  };
  const check = checkSignature(
    key,
    header("x-signature-ed25519"),
    header("x-signature-timestamp"),
    Buffer.concat(chunks),
    Math.floor(Date.now() / 1000),
  );
  res.writeHead(check.ok ? 200 : 401, { "content-type": "application/json" });
  res.end(check.ok ? fixed : "{}");
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
