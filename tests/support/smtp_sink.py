"""A mail server for the tests: takes every message over SMTP and writes it, as received,
to a file of its own in FOLDER (1.eml, 2.eml, ...), with the envelope in 1.envelope.
Usage: smtp_sink.py FOLDER PORT [--starttls CERT KEY | --tls CERT KEY] [--login USER:PASSWORD]
--starttls demands STARTTLS before anything is sent, --tls speaks TLS from the first byte
(smtps), and --login demands that login (over TLS only). Prints "ready" once it listens;
stops on SIGTERM."""
import argparse
import asyncio
import signal
import ssl
import os

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


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


def checks_login(expected):
    user, password = expected.encode().split(b":", 1)

    def authenticator(server, session, envelope, mechanism, auth_data):
        given = (getattr(auth_data, "login", None), getattr(auth_data, "password", None))
        return AuthResult(success=given == (user, password), handled=False)

    return authenticator


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("port", type=int)
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--login")
    arguments = parser.parse_args()

    options = {}
    for pair in (arguments.starttls, arguments.tls):
        if pair:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*pair)
            options["ssl_context" if pair is arguments.tls else "tls_context"] = context
    if arguments.starttls:
        options["require_starttls"] = True
    if arguments.login:
        # aiosmtpd only counts STARTTLS as TLS for a login; with --tls every byte is
        # encrypted already, so its check is off there.
        options.update(authenticator=checks_login(arguments.login), auth_required=True,
                       auth_require_tls=not arguments.tls)
    controller = Controller(Folder(arguments.folder), hostname="127.0.0.1", port=arguments.port,
                            **options)
    controller.start()
    print("ready", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signal_number, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()
