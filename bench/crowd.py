"""A crowd of concurrent HTTP/1.1 clients (asyncio, one process), for throughput and tail latency.

Each client keeps its connection open when the server allows it (nginx) and reconnects when the server
closes it (gunicorn's sync workers close after every response), as browsers and CDNs do.
"""
import asyncio
import ssl
import statistics
import time


class _Client:
    def __init__(self, host: str, port: int, context: ssl.SSLContext | None, headers: dict):
        self.host, self.port, self.context = host, port, context
        extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.head = f"Host: {host}\r\n{extra}"
        self.reader = self.writer = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port, ssl=self.context)
        self.writer.write(f"GET {path} HTTP/1.1\r\n{self.head}\r\n".encode())
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("closed")
        length, close = 0, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "connection" and value == "close":
                close = True
            elif name == "transfer-encoding" and "chunked" in value:
                raise ValueError("chunked responses are not expected here")
        await self.reader.readexactly(length)
        if close:
            self.close()
        return int(status_line.split()[1])

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _crowd(host, port, path, *, clients, seconds, context, headers) -> dict:
    loop = asyncio.get_running_loop()
    stop = loop.time() + seconds
    latencies, errors = [], [0]

    async def one():
        client = _Client(host, port, context, headers)
        while loop.time() < stop:
            started = time.perf_counter()
            try:
                status = await client.get(path)
            except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError):
                client.close()
                errors[0] += 1
                continue
            if status == 200:
                latencies.append(time.perf_counter() - started)
            else:
                errors[0] += 1
        client.close()

    await asyncio.gather(*(one() for _ in range(clients)))
    latencies.sort()
    return {
        "throughput_rps": round(len(latencies) / seconds, 1),
        "median_ms": round(statistics.median(latencies) * 1000, 2) if latencies else None,
        "p99_ms": round(latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000, 2) if latencies else None,
        "errors": errors[0],
    }


def crowd(port: int, path: str, *, clients: int = 50, seconds: float = 3.0, cafile: str | None = None,
          headers: dict | None = None) -> dict:
    context = ssl.create_default_context(cafile=cafile) if cafile else None
    return asyncio.run(_crowd("127.0.0.1", port, path, clients=clients, seconds=seconds, context=context,
                              headers=headers or {}))
