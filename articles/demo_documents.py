"""A small real PDF for the demo's downloads, written by hand (no PDF library needed)."""


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF with ``title`` and ``lines`` in Helvetica."""
    text = [f"BT /F1 18 Tf 56 780 Td ({_escape(title)}) Tj ET"]
    y = 744
    for line in lines:
        text.append(f"BT /F1 11 Tf 56 {y} Td ({_escape(line)}) Tj ET")
        y -= 18
    stream = "\n".join(text).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


PAY_POLICY = [
    "Consultation draft for member schools of the network.",
    "1. Flexible working: requests considered from the first day of employment.",
    "2. Support staff: progression through the grade on each anniversary of appointment.",
    "3. Teachers: pay decisions linked to appraisal, with an appeal to governors.",
    "Send comments to policy@example.org by 31 January.",
]
