"""Parses a message the way a mail program does (Python's email package) and prints what
it found as JSON, so the MIME unit tests check the structure for real rather than by
looking at strings. Also reports the longest line and any byte outside ASCII."""
import json
import sys
from email import policy
from email.parser import BytesParser


def main(path):
    raw = open(path, "rb").read()
    lines = raw.split(b"\r\n")
    message = BytesParser(policy=policy.default).parsebytes(raw)
    found = {
        "longest_line": max(len(line) for line in lines),
        "bare_line_feeds": raw.replace(b"\r\n", b"").count(b"\n"),
        "ascii_only": all(byte < 128 for byte in raw),
        "subject": str(message["subject"]),
        "from_name": message["from"].addresses[0].display_name,
        "from_address": message["from"].addresses[0].addr_spec,
        "to_name": message["to"].addresses[0].display_name,
        "to_address": message["to"].addresses[0].addr_spec,
        "message_id": str(message["message-id"]),
        "date": str(message["date"]),
        "content_type": message.get_content_type(),
        "header_names": [name.lower() for name in message.keys()],
        "defects": sum(len(part.defects) for part in message.walk()),
        "parts": [],
    }
    for part in message.walk():
        if part.is_multipart():
            found["parts"].append({"type": part.get_content_type()})
            continue
        entry = {"type": part.get_content_type(), "filename": part.get_filename() or ""}
        if part.get_content_maintype() == "text" and not part.get_filename():
            # Quoted-printable keeps the CRLF line ends; a program shows them as line breaks.
            entry["content"] = part.get_content().replace("\r\n", "\n")
        else:
            entry["content"] = part.get_payload(decode=True).decode("utf-8")
            entry["params"] = dict(part.get_params() or [])
        found["parts"].append(entry)
    print(json.dumps(found))


if __name__ == "__main__":
    main(sys.argv[1])
