"""Bytes to text: encoding detection, binary detection and line endings.

Order of evidence: a byte-order mark (UTF-8, UTF-16, UTF-32); the NUL pattern of UTF-16 without
a BOM; strict UTF-8; otherwise charset-normalizer's guess, preferring cp1252 (Windows exports)
among the single-byte Latin encodings it cannot tell apart. Files that look like images, PDFs,
archives or other binary data raise :class:`~persona_nlp.errors.InputError` (reason ``binary``);
empty files raise it with reason ``empty``.

Example:
    >>> decode_bytes("Caf\\u00e9: ok\\r\\n".encode("cp1252"), "a.txt")
    'Café: ok\\n'
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError

SAMPLE_BYTES = 256 * 1024
"""How much of a file is inspected to choose its encoding."""

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (docx/xlsx?)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (doc/xls)"),
    (b"RIFF", "a RIFF media file"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x7fELF", "an executable"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Single-byte Latin code pages charset-normalizer often confuses on short samples; Windows
# exports are overwhelmingly cp1252, so it wins among these when it decodes the bytes.
_LATIN_FAMILY = {
    "cp1252",
    "windows-1252",
    "latin_1",
    "iso8859_1",
    "iso8859_15",
    "iso8859_9",
    "cp1250",
    "iso8859_2",
    "mac_roman",
    "mac_latin2",
    "cp850",
    "cp437",
    "cp1254",
    "iso8859_3",
    "iso8859_4",
    "iso8859_10",
    "iso8859_13",
    "iso8859_16",
    "cp1257",
    "mac_iceland",
    "mac_turkish",
    "hp_roman8",
}


def _magic(sample: bytes) -> str | None:
    for signature, what in _MAGIC:
        if sample.startswith(signature):
            return what
    if sample[4:8] == b"ftyp":
        return "an MP4/MOV media file"
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_zeros = sum(1 for i in range(0, pairs * 2, 2) if sample[i] == 0)
    odd_zeros = sum(1 for i in range(1, pairs * 2, 2) if sample[i] == 0)
    if odd_zeros >= 0.4 * pairs and even_zeros <= 0.05 * pairs:
        return "utf-16-le"
    if even_zeros >= 0.4 * pairs and odd_zeros <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _is_utf8(sample: bytes, complete: bool) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def _plausible_cp1252(sample: bytes) -> bool:
    """Western text in cp1252: few non-ASCII characters, nearly all of them letters."""
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    high = [ch for ch in text if ord(ch) > 127]
    if not high:
        return True
    letters = sum(1 for ch in high if ch.isalpha() or ch in "€£–—‘’“”…•°§½")
    return len(high) <= 0.3 * len(text) and letters >= 0.9 * len(high)


def _guess_legacy(sample: bytes) -> str:
    # charset-normalizer guesses wildly on short Western samples (big5 for Danish); a sample
    # that reads as cp1252 Western text is cp1252, the usual Windows export.
    if _plausible_cp1252(sample):
        return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    encoding = (best.encoding if best is not None else None) or "cp1252"
    if encoding.replace("-", "_").lower() in _LATIN_FAMILY:
        try:
            sample.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return encoding
    return encoding


def detect_encoding(sample: bytes, path: str, complete: bool = True) -> str:
    """Choose the encoding of a file from its first bytes.

    Args:
        sample: The file's first bytes (or all of them).
        path: File name, for error messages.
        complete: Whether ``sample`` is the whole file (a truncated sample may end inside a
            multi-byte character).

    Raises:
        InputError: The bytes are binary data, not text (reason ``binary``).

    Example:
        >>> detect_encoding("hej".encode("utf-16"), "a.txt")
        'utf-16'
    """
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    what = _magic(sample)
    if what is not None:
        raise InputError(
            f"this is {what}, not text",
            path=path,
            fix="export the transcript or survey as text (txt, vtt, srt, docx, csv, xlsx, json)",
            reason="binary",
        )
    if b"\x00" in sample:
        utf16 = _utf16_without_bom(sample)
        if utf16 is not None:
            return utf16
        raise _binary(path)
    if _is_utf8(sample, complete):
        return "utf-8"
    return _guess_legacy(sample)


def _binary(path: str) -> InputError:
    return InputError(
        "binary data, not text",
        path=path,
        fix="export the transcript or survey as text (txt, vtt, srt, docx, csv, xlsx, json)",
        reason="binary",
    )


_NOT_TEXT = re.compile("[\ufffd\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    probe = text[:20000]
    bad = len(_NOT_TEXT.findall(probe))
    return bad > max(2, 0.05 * len(probe))


def normalise_newlines(text: str) -> str:
    """CRLF and CR line endings to LF.

    Example:
        >>> normalise_newlines("a\\r\\nb\\rc")
        'a\\nb\\nc'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a whole file's bytes to text with LF line endings.

    Raises:
        InputError: Empty (reason ``empty``) or binary (reason ``binary``).

    Example:
        >>> decode_bytes(b"\\xef\\xbb\\xbfHi", "a.txt")
        'Hi'
    """
    if not data.strip():
        raise _empty(path)
    encoding = detect_encoding(data[:SAMPLE_BYTES], path, complete=len(data) <= SAMPLE_BYTES)
    text = data.decode(encoding, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    if _looks_binary(text):
        raise _binary(path)
    if not text.strip():
        raise _empty(path)
    return normalise_newlines(text)


def _empty(path: str) -> InputError:
    return InputError(
        "empty file",
        path=path,
        fix="export the file again or remove it from the input",
        reason="empty",
    )


def read_text(path: Path, display: str) -> str:
    """Read and decode a whole text file (see :func:`decode_bytes`)."""
    return decode_bytes(read_bytes(path, display), display)


def read_bytes(path: Path, display: str) -> bytes:
    """Read a regular file's bytes (see :func:`open_regular`)."""
    with open_regular(path, display) as handle:
        try:
            return handle.read()
        except OSError as error:
            raise unreadable(display, error) from None


def not_regular(display: str, mode: int) -> InputError:
    """The error for a path that is not a regular file (FIFO, device, socket, folder)."""
    kind = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a folder"
        if stat.S_ISDIR(mode)
        else "not a regular file"
    )
    return InputError(
        f"not a regular file: this is {kind}",
        path=display,
        fix="copy the data into a regular file and read that",
        reason="unreadable",
    )


def open_regular(path: Path, display: str, max_bytes: int | None = None) -> BinaryIO:
    """Open a user's path for binary reading, refusing anything but a regular file.

    The path is opened without blocking (a FIFO with no writer would otherwise hang the
    ``open`` call), then checked on the open descriptor, so a path swapped between a check and
    the read cannot slip a pipe or a device (``/dev/zero`` behind a symlink) through. Every
    reader opens user files through here.

    Raises:
        InputError: reason ``unreadable`` (not a regular file, or the OS refuses it) or
            ``too_large`` (over ``max_bytes``).

    Example:
        >>> open_regular(Path("/dev/null"), "null.txt")  # doctest: +SKIP
        Traceback (most recent call last):
        persona_nlp.errors.InputError: null.txt: not a regular file: this is a device ...
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise unreadable(display, error) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise not_regular(display, info.st_mode)
        if max_bytes is not None and info.st_size > max_bytes:
            raise InputError(
                f"file is {info.st_size / 2**20:,.0f} MiB, over the {max_bytes / 2**20:,.0f} MiB limit",
                path=display,
                fix="split it into smaller files or raise max_file_mb in the config",
                reason="too_large",
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except OSError as error:
        os.close(descriptor)
        raise unreadable(display, error) from None
    except InputError:
        os.close(descriptor)
        raise


def unreadable(display: str, error: OSError) -> InputError:
    """The error for a file the OS will not let us read."""
    return InputError(
        f"cannot read the file ({error.strerror or type(error).__name__})",
        path=display,
        fix="check that it exists and that you may read it",
        reason="unreadable",
    )


def open_text_stream(path: Path, display: str) -> io.TextIOWrapper:
    """Open a (possibly huge) text file for streaming, with its encoding detected from a sample.

    Undecodable bytes beyond the sample become U+FFFD instead of stopping the read. Line
    endings are left to the caller (``csv`` handles CRLF itself).

    Raises:
        InputError: Empty, binary or unreadable file.
    """
    raw = open_regular(path, display)
    try:
        sample = raw.read(SAMPLE_BYTES)
        complete = len(sample) < SAMPLE_BYTES
        if not sample.strip():
            raise _empty(display)
        encoding = detect_encoding(sample, display, complete=complete)
        if _looks_binary(sample.decode(encoding, errors="replace")):
            raise _binary(display)
        raw.seek(0)
    except OSError as error:
        raw.close()
        raise unreadable(display, error) from None
    except InputError:
        raw.close()
        raise
    return io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
