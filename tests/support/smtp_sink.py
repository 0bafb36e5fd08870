"""A mail server for the tests: takes every message over SMTP and writes it, as received,
to a file of its own in FOLDER (1.eml, 2.eml, ...), with the envelope in 1.envelope.
Usage: smtp_sink.py FOLDER PORT. Prints "ready" once it listens; stops on SIGTERM."""
import asyncio
import os
import signal
import sys

from aiosmtpd.controller import Controller


class Folder:
    def __init__(self, folder):
        self.folder = folder
        self.count = len([name for name in os.listdir(folder) if name.endswith(".eml")])

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.folder, str(self.count))
        # Written under a temporary name first, so a reader never sees half a message.
        with open(base + ".tmp", "wb") as file:
            file.write(envelope.original_content)
        with open(base + ".envelope", "w") as file:
            file.write(envelope.mail_from + "\n" + "\n".join(envelope.rcpt_tos) + "\n")
        os.rename(base + ".tmp", base + ".eml")
        return "250 OK"


def main(folder, port):
    controller = Controller(Folder(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signal_number, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
