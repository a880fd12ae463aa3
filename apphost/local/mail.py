"""A local SMTP sink for development (Debian's python3-aiosmtpd):

    /usr/bin/python3 mail.py <directory> <smtp port> <web port>

Every message the services send is kept, never delivered, in the Maildir <directory> (one file per
message in <directory>/new) and listed, newest first, on http://127.0.0.1:<web port>/.
"""
import html
import http.server
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox

directory, smtp_port, web_port = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
for part in ("tmp", "new", "cur"):
    (directory / part).mkdir(parents=True, exist_ok=True)


class Messages(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        files = sorted((directory / "new").iterdir(), key=lambda f: f.stat().st_mtime, reverse=True)
        name = self.path.strip("/")
        if name:
            match = next((f for f in files if f.name == name), None)
            if match is None:
                self.send_error(404)
                return
            message = BytesParser(policy=policy.default).parsebytes(match.read_bytes())
            body = message.get_body(preferencelist=("plain",))
            text = f"To: {message['To']}\nSubject: {message['Subject']}\nDate: {message['Date']}\n\n{body.get_content() if body else ''}"
            self.answer("text/plain; charset=utf-8", text)
            return
        rows = []
        for f in files:
            headers = BytesParser(policy=policy.default).parsebytes(f.read_bytes(), headersonly=True)
            rows.append(f"<tr><td>{html.escape(str(headers['Date']))}</td><td>{html.escape(str(headers['To']))}</td>"
                        f"<td><a href='/{html.escape(f.name)}'>{html.escape(str(headers['Subject']))}</a></td></tr>")
        self.answer("text/html; charset=utf-8",
                    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Mail sent by the platform</title></head><body>"
                    f"<h1>Mail sent by the platform ({len(files)})</h1><p>Kept in {html.escape(str(directory))}/new, never delivered.</p>"
                    "<table><tr><th>Date</th><th>To</th><th>Subject</th></tr>" + "".join(rows) + "</table></body></html>")

    def answer(self, content_type, text):
        data = text.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


controller = Controller(Mailbox(str(directory)), hostname="127.0.0.1", port=smtp_port)
controller.start()
print(f"SMTP sink on 127.0.0.1:{smtp_port}: messages are kept in {directory}/new and listed on http://127.0.0.1:{web_port}/", flush=True)
try:
    http.server.ThreadingHTTPServer(("127.0.0.1", web_port), Messages).serve_forever()
finally:
    controller.stop()
