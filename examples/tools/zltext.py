"""zltext.py: a file's text as zhili reads it, for the example tools.

A UTF-8 byte-order mark is dropped; the bytes are UTF-8, or else GB18030
(what Excel writes on Chinese Windows).  Python 3, standard library only.
"""


def read_text(path):
    """The text of the file at path, and whether it was read as GB18030."""
    data = open(path, "rb").read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        return data.decode("gb18030"), True
