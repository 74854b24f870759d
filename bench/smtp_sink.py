"""An SMTP sink on 127.0.0.1 for the benchmarks: accept every message, note when it came.

    .venv/bin/python bench/smtp_sink.py RESULTS_FILE

Listens on a port the system picks and prints that port on the first line of stdout.
For every message it appends one line to RESULTS_FILE: the message's X-Bench-Event
header, its X-Cocreate-Committed header and the time the message's data had been read
(time.time(), seconds), separated by spaces; "-" for a missing header. Each line is
flushed at once, so another process can follow the file. Stops on SIGTERM or SIGINT.

It runs in a process of its own so that receiving does not compete for the GIL with
the process that commits the events.
"""

import asyncio
import logging
import re
import signal
import sys
import time
from typing import TextIO

from aiosmtpd.smtp import SMTP, Envelope, Session

HEADER = re.compile(rb"^(X-Bench-Event|X-Cocreate-Committed):[ \t]*(\S+)", re.IGNORECASE | re.M)


class Recorder:
    """The aiosmtpd handler: write a line per message, refuse nothing."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        received = time.time()
        content = envelope.original_content or b""
        head = re.split(rb"\r?\n\r?\n", content, maxsplit=1)[0]
        fields = {name.lower(): value.decode() for name, value in HEADER.findall(head)}
        event = fields.get(b"x-bench-event", "-")
        committed = fields.get(b"x-cocreate-committed", "-")
        self.out.write(f"{event} {committed} {received:.6f}\n")
        self.out.flush()
        return "250 OK"


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    with open(sys.argv[1], "a", encoding="ascii") as out:
        loop = asyncio.new_event_loop()
        handler = Recorder(out)
        # A fixed hostname: the default asks the resolver for this host's name per connection.
        server = loop.run_until_complete(
            loop.create_server(
                lambda: SMTP(handler, hostname="sink.bench.local", loop=loop),
                host="127.0.0.1",
                port=0,
                backlog=512,
            )
        )
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, loop.stop)
        print(server.sockets[0].getsockname()[1], flush=True)
        try:
            loop.run_forever()
        finally:
            server.close()
            loop.run_until_complete(server.wait_closed())
            loop.close()


if __name__ == "__main__":
    main()
