"""Development email: each message printed as its reader would see it.

Django's console backend prints the raw MIME message, where quoted-printable
encoding breaks long lines with ``=`` and turns ``=`` into ``=3D``, so the
links in it can't be clicked or copied. This prints the headers a person
reads and the plain-text part decoded, links whole.
"""

from django.core.mail.backends import console

SHOWN_HEADERS = ("From", "To", "Reply-To", "Subject", "List-Unsubscribe")


class EmailBackend(console.EmailBackend):
    def write_message(self, message):
        mime = message.message()
        lines = [f"{name}: {mime[name]}" for name in SHOWN_HEADERS if mime[name]]
        text = next(
            (part.get_content() for part in mime.walk() if part.get_content_type() == "text/plain"),
            "",
        )
        others = sorted(
            {
                part.get_content_type()
                for part in mime.walk()
                if not part.is_multipart() and part.get_content_type() != "text/plain"
            }
        )
        if others:
            lines.append(f"(Also in this email: {', '.join(others)})")
        self.stream.write("\n".join(lines) + "\n\n" + text.rstrip() + "\n" + "-" * 79 + "\n")
