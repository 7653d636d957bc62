"""Bytes to text, and text to a format guess.

`decode_with_info` picks a charset in the order a browser would, with two corrections that matter for crawled pages:
a label that the bytes contradict is not trusted, and a UTF-8 page with a few damaged bytes stays UTF-8.

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) wins outright;
2. an HTML `<meta charset>` / `http-equiv` content type or an XML declaration near the start, then the charset the
   caller declares (from HTTP headers) -- each taken only if the bytes decode under it; a legacy label on bytes that
   are valid UTF-8 with non-ASCII characters is not taken either (legacy text is practically never valid UTF-8);
3. strict UTF-8;
4. UTF-8 with replacement characters, when only a small share of the bytes is invalid and valid multi-byte
   sequences outnumber the invalid ones (a damaged UTF-8 page, not a legacy one);
5. charset-normalizer on a bounded sample (the head plus a few chunks spread over the input), the whole input then
   decoded with its guess.

Labels are mapped the WHATWG way (ISO-8859-1 and ASCII are windows-1252, GB2312/GBK are GB18030, Shift_JIS is
cp932, EUC-KR is cp949, Big5 is Big5-HKSCS with cp950's extras as a fallback). Images, archives and other binary
input, and empty input, raise `InputError` with a one-line message.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from functools import partial
from typing import Literal

from thresher.compiled import compiled_module
from thresher.errors import InputError

Method = Literal["str", "bom", "meta", "declared", "utf-8", "detected", "utf-8-replace"]

# -- sampling: everything that looks at the bytes beyond one strict decode looks at a bounded sample only.
HEAD_SAMPLE_BYTES = 64 * 1024  # the start of the input, always sampled whole
CHUNK_SAMPLE_BYTES = 16 * 1024  # size of each further chunk sampled from the rest of the input
CHUNK_SAMPLE_COUNT = 4  # further chunks, spread evenly over the rest of a long input
# Where a <meta charset> counts: in the head, as browsers read it (their tokenizer restarts when it meets one late
# in the head), but no further than the head sample; an XML declaration must open the input.
META_SCAN_BYTES = HEAD_SAMPLE_BYTES

# -- binary input
MAX_NUL_SHARE = 0.001  # above this share of NUL bytes in the sample (and no UTF-16/32 BOM) the input is binary
MAX_CONTROL_SHARE = 0.05  # above this share of C0 control bytes other than tab/newline/CR/FF/VT/ESC: binary

# -- trusting a label, and damaged UTF-8
MAX_LABEL_INVALID_SHARE = 0.002  # a labelled charset under which more than this share of sampled bytes fails is wrong
MAX_UTF8_INVALID_SHARE = 0.01  # up to this share of invalid bytes, a page with UTF-8 evidence is damaged UTF-8
MIN_VALID_PER_INVALID_UTF8 = 1.0  # ... and valid multi-byte characters must be at least this many per invalid byte
MIN_UTF8_EVIDENCE_CHARS = 1  # valid non-ASCII UTF-8 characters that make a legacy label untrustworthy
MAX_FALLBACK_REPLACEMENT_SHARE = 0.3  # when nothing fits, above this share of invalid bytes the input is not text

_C1_PASSTHROUGH = "thresher.c1"  # error handler: windows-1252's five undefined bytes decode to C1 controls (WHATWG)


def _c1_passthrough(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(chr(b) for b in exc.object[exc.start : exc.end]), exc.end


codecs.register_error(_C1_PASSTHROUGH, _c1_passthrough)


class DecodeResult:
    """Decoded text, the charset used (a Python codec name) and how it was chosen.

    `utf8` is the input itself when it is exactly the text in UTF-8 (strict UTF-8, no BOM): a parser that reads UTF-8
    takes it without encoding the text again, and the text is then decoded only if someone reads it (`extract_text`
    never does). `method` may be given as a function that works it out, called once if the method is read: which
    label a UTF-8 page agrees with changes nothing else. Equal when text, charset and method are.
    """

    __slots__ = ("_method", "_text", "charset", "utf8")

    def __init__(
        self, text: str | None, charset: str | None, method: Method | Callable[[], Method], utf8: bytes | None = None
    ) -> None:
        if text is None and utf8 is None:
            raise ValueError("a DecodeResult needs its text or the UTF-8 bytes to decode it from")
        self._text = text
        self.charset = charset  # None only for `str` input, which was never bytes
        self._method = method
        self.utf8 = utf8

    @property
    def method(self) -> Method:
        method = self._method
        if not isinstance(method, str):
            method = self._method = method()
        return method

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.utf8.decode("utf-8")  # type: ignore[union-attr]  # valid: checked when it was made
        return self._text

    def _key(self) -> tuple[str, str | None, str]:
        return self.text, self.charset, self.method

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DecodeResult) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"DecodeResult(text={self.text!r}, charset={self.charset!r}, method={self.method!r})"


# ---------------------------------------------------------------------------------------------------------------
# Charset labels


def _labels(canonical: str, *labels: str) -> dict[str, str]:
    return {label: canonical for label in (canonical, *labels)}


# WHATWG Encoding Standard labels, mapped to the Python codec that decodes them the same way.
_WHATWG_LABELS: dict[str, str] = {
    **_labels("utf-8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf8", "x-unicode20utf8"),
    **_labels("cp866", "866", "csibm866", "ibm866"),
    **_labels("koi8-r", "cskoi8r", "koi", "koi8", "koi8_r"),
    **_labels("koi8-u", "koi8-ru"),
    **_labels("mac-roman", "csmacintosh", "mac", "macintosh", "x-mac-roman"),
    **_labels("mac-cyrillic", "x-mac-cyrillic", "x-mac-ukrainian"),
    **_labels("cp874", "dos-874", "tis-620", "windows-874"),
    **_labels(
        "windows-1252",
        "ansi_x3.4-1968",
        "ascii",
        "cp1252",
        "cp819",
        "csisolatin1",
        "ibm819",
        "iso-ir-100",
        "l1",
        "latin1",
        "latin-1",
        "us-ascii",
        "x-cp1252",
        "x-user-defined",
    ),
    **_labels("cp1254", "csisolatin5", "iso-ir-148", "l5", "latin5", "windows-1254", "x-cp1254"),
    **{
        f"{prefix}{n}": f"cp{n}"
        for n in (1250, 1251, 1253, 1255, 1256, 1257, 1258)
        for prefix in ("cp", "windows-", "x-cp")
    },
    **_labels(
        "gb18030",
        "chinese",
        "csgb2312",
        "csiso58gb231280",
        "gb2312",
        "gb_2312",
        "gb_2312-80",
        "gbk",
        "iso-ir-58",
        "x-gbk",
        "cp936",
        "ms936",
    ),
    **_labels("big5hkscs", "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950"),
    **_labels("euc-jp", "cseucpkdfmtjapanese", "x-euc-jp"),
    **_labels("iso2022-jp", "csiso2022jp", "iso-2022-jp"),
    **_labels("cp932", "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"),
    **_labels(
        "cp949",
        "cseuckr",
        "csksc56011987",
        "euc-kr",
        "iso-ir-149",
        "korean",
        "ks_c_5601-1987",
        "ks_c_5601-1989",
        "ksc5601",
        "ksc_5601",
        "windows-949",
        "uhc",
    ),
    **_labels("utf-16-be", "unicodefffe", "utf-16be"),
    **_labels("utf-16-le", "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"),
    **_labels("utf-32-be", "utf-32be"),
    **_labels("utf-32-le", "utf-32", "utf-32le"),
}
# ISO-8859-n, however spelt; WHATWG reads three of them as their Windows supersets.
_ISO_8859 = re.compile(r"^(?:cs)?iso[-_ ]?8859[-_ ]?(\d{1,2})(?:[-_:].*)?$")
_ISO_8859_SUPERSETS = {1: "windows-1252", 9: "cp1254", 11: "cp874"}
_ISO_8859_PARTS = {2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16}
# A codec whose decoder can yield a different character for bytes that are ASCII elsewhere; a page that names one in
# a <meta> was readable as ASCII, so (as in WHATWG) the label is read as UTF-8.
_ASCII_INCOMPATIBLE = ("utf-16", "utf-32")
# When the first codec fails on some bytes, these decode the same text and more (cp950 adds the euro sign and
# Microsoft's extensions to Big5).
_ALTERNATE_CODECS = {"big5hkscs": ("cp950",)}


def normalize_charset(label: str | None) -> str | None:
    """The Python codec for a charset label from a page or a header, mapped the WHATWG way; None if unknown.

    Accepts a bare label ("ISO-8859-1") or a whole Content-Type value ("text/html; charset=ISO-8859-1").
    """
    if not label:
        return None
    match = _CHARSET_PARAM.search(label)
    if match:
        label = match.group(1)
    label = label.strip().strip("\"'").strip().lower()
    if label in _WHATWG_LABELS:
        return _WHATWG_LABELS[label]
    iso = _ISO_8859.match(label)
    if iso:
        part = int(iso.group(1))
        if part in _ISO_8859_SUPERSETS:
            return _ISO_8859_SUPERSETS[part]
        if part in _ISO_8859_PARTS:
            return f"iso8859-{part}"
    return None


def _codec_for_detected(name: str) -> str:
    """Map a charset-normalizer codec name onto the WHATWG superset when there is one ("big5" -> "big5hkscs")."""
    spelled = name.lower().replace("_", "-")
    mapped = normalize_charset(spelled) or normalize_charset(codecs.lookup(name).name)
    return mapped or codecs.lookup(name).name


_CHARSET_PARAM = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9._:\-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:\-]+)", re.IGNORECASE)
_BODY_START = re.compile(rb"<body[\s>]", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"\A\s*<\?xml\b[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:\-]+)", re.IGNORECASE)


def _labelled_charset(head: bytes) -> str | None:
    """The charset the page names in an XML declaration or its first `<meta>` with a charset before `<body>`
    (comments skipped)."""
    xml = _XML_ENCODING.match(head)
    if xml:
        label = xml.group(1).decode("ascii")
    else:
        meta = _meta_charset_without_comments(head)
        if not meta:
            return None
        label = meta.group(1).decode("ascii")
    codec = normalize_charset(label)
    if codec is not None and codec.startswith(_ASCII_INCOMPATIBLE):
        return "utf-8"
    return codec


_UNDECIDED = object()
# Bytes a `_BODY_START` match spans: "<body" and the one space or ">" after it.
_BODY_START_BYTES = len(b"<body") + 1
# The charset is looked for in this many bytes at the head's start first: nearly every page names it there, with no
# comment before it, and the rest of the head (often long inline scripts) is then not read.
EARLY_CHARSET_BYTES = 4096
# After the first comment, the head is cut and searched again whenever what is kept of it has reached this size, then
# twice the size searched last: a charset behind a few comments is found without cutting the whole head.
CUT_SEARCH_BYTES = 4096


def _meta_charset_without_comments(head: bytes) -> re.Match[bytes] | None:
    """The first `<meta>` charset match before the first `<body>` in `head` with every `<!-- ... -->` cut out (an
    unclosed one runs to the end), cut and searched in growing prefixes: the charset usually comes early, and most
    heads are never cut whole. Comments are found with plain byte searches (a lazy regex steps through a long one a
    byte at a time)."""
    early = _early_meta_charset(head)
    if early is not _UNDECIDED:
        return early
    start = head.find(b"<!--")
    if start < 0:
        return _meta_charset_in_prefix(head, len(head), complete=True)
    # Before the first comment the head reads the same with or without its comments: searched in place.
    found = _meta_charset_in_prefix(head, start, complete=False)
    kept = [head[:start]]
    kept_size, search_at = start, max(2 * start, CUT_SEARCH_BYTES)
    while found is _UNDECIDED:
        close = head.find(b"-->", start + 4)
        if close >= 0:
            start = head.find(b"<!--", close + 3)
            kept.append(head[close + 3 : start] if start >= 0 else head[close + 3 :])
            kept_size += len(kept[-1])
        complete = close < 0 or start < 0
        if complete or kept_size >= search_at:
            kept = [b"".join(kept)]
            found = _meta_charset_in_prefix(kept[0], kept_size, complete)
            search_at = 2 * kept_size
    return found


def _early_meta_charset(head: bytes) -> re.Match[bytes] | None | object:
    """The answer of `_meta_charset_without_comments` when a `<meta>` charset ends in the head's first
    `EARLY_CHARSET_BYTES` with no comment starting before a tag's length after it (then the head up to there reads the
    same with its comments cut, and decides); `_UNDECIDED` otherwise."""
    meta = _META_CHARSET.search(head, 0, EARLY_CHARSET_BYTES)
    if meta is None:
        return _UNDECIDED
    settled = meta.end() + (_BODY_START_BYTES - 1)
    if head.find(b"<!--", 0, settled + len(b"<!--") - 1) >= 0:
        return _UNDECIDED
    return _meta_charset_in_prefix(head, min(settled, len(head)), complete=settled >= len(head))


def _meta_charset_in_prefix(text: bytes, end: int, complete: bool) -> re.Match[bytes] | None | object:
    """The first `<meta>` charset match before the first `<body>`, read from `text[:end]`, the start of the
    comment-free head (all of it when `complete`); `_UNDECIDED` when the rest of the head may still change it.

    A `<body>` wholly in the prefix is the first one either way, and a `<meta>` there ending before any later
    `<body>` can start is the first match (a later `<body>` may begin up to a tag's length before the prefix ends,
    and a charset name running up to the end may go on after it)."""
    body = _BODY_START.search(text, 0, end)
    if body is not None:
        return _META_CHARSET.search(text, 0, body.start())
    meta = _META_CHARSET.search(text, 0, end)
    if complete or (meta is not None and meta.end() <= end - (_BODY_START_BYTES - 1)):
        return meta
    return _UNDECIDED


# ---------------------------------------------------------------------------------------------------------------
# Binary input

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE first: its BOM starts with UTF-16 LE's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of formats a crawler or a user may hand over instead of a page, matched at the start of the input.
_MAGIC: tuple[tuple[re.Pattern[bytes], str], ...] = tuple(
    (re.compile(signature, re.DOTALL), kind)
    for signature, kind in (
        (rb"\x89PNG\r\n\x1a\n", "a PNG image"),
        (rb"\xff\xd8\xff", "a JPEG image"),
        (rb"GIF8[79]a", "a GIF image"),
        (rb"RIFF....WEBP", "a WebP image"),
        (rb"II\*\x00|MM\x00\*", "a TIFF image"),
        (rb"\x00\x00\x01\x00", "an icon file"),
        (rb"%PDF-", "a PDF document"),
        (rb"PK(?:\x03\x04|\x05\x06|\x07\x08)", "a ZIP archive"),
        (rb"\x1f\x8b", "a gzip stream"),
        (rb"BZh[1-9]1AY&SY", "a bzip2 stream"),
        (rb"\xfd7zXZ\x00", "an xz stream"),
        (rb"\x28\xb5\x2f\xfd", "a zstd stream"),
        (rb"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (rb"Rar!\x1a\x07", "a RAR archive"),
        (rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
        (rb"\x7fELF", "an ELF executable"),
        (rb"\xca\xfe\xba\xbe", "a Java class or Mach-O binary"),
        (rb"\x00asm", "a WebAssembly module"),
        (rb"wOF[F2]", "a web font"),
        (rb"OggS\x00", "an Ogg media file"),
        (rb"fLaC", "a FLAC audio file"),
        (rb"ID3[\x02-\x04]\x00", "an MP3 audio file"),
        (rb"....ftyp", "an MP4/QuickTime media file"),
        (rb"\x1aE\xdf\xa3", "a Matroska/WebM media file"),
        (rb"SQLite format 3\x00", "an SQLite database"),
    )
)
# Bytes that plain text does not contain: C0 controls except tab, LF, VT, FF, CR and ESC (ANSI colours), plus DEL.
_CONTROL_BYTE_SET = bytes([*range(0x01, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_SUSPECT_BYTE_SET = b"\x00" + _CONTROL_BYTE_SET


# Every signature in one pattern, each in its own group: one match at the start instead of one per signature (the
# alternatives are tried in order, so the first signature that matches names the kind, as in `_MAGIC`).
_ANY_MAGIC = re.compile(b"|".join(b"(%s)" % signature.pattern for signature, _ in _MAGIC), re.DOTALL)


def _magic_kind(data: bytes) -> str | None:
    match = _ANY_MAGIC.match(data)
    return _MAGIC[match.lastindex - 1][1] if match and match.lastindex else None


# The byte scans of _bytescan.pyx when it was built (see `holds_any`, `is_utf8`); None runs the Python below.
_BYTESCAN = compiled_module("thresher._bytescan")


def holds_any(data: bytes, members: bytes) -> bool:
    """Whether any byte of `data` is one of `members`."""
    if _BYTESCAN is not None:
        return _BYTESCAN.holds_any(data, members)  # type: ignore[no-any-return]
    return data.translate(None, members) != data


def _binary_reason(sample: list[bytes]) -> str | None:
    """Why the sampled bytes are not text (NULs or control bytes), or None if they may be text."""
    size = sum(len(piece) for piece in sample)
    if size == 0:
        return None
    if not any(holds_any(piece, _SUSPECT_BYTE_SET) for piece in sample):
        return None  # no NUL and no control byte at all, as in nearly every page: one pass instead of two
    nuls = sum(piece.count(b"\x00") for piece in sample)
    if nuls / size > MAX_NUL_SHARE:
        return "input looks binary (it contains NUL bytes), not a page"
    controls = sum(len(piece) - len(piece.translate(None, _CONTROL_BYTE_SET)) for piece in sample)
    if controls / size > MAX_CONTROL_SHARE:
        return "input looks binary (it is full of control bytes), not a page"
    return None


# ---------------------------------------------------------------------------------------------------------------
# Sampling and measuring how well a codec fits

# How many bytes at a sample's end are searched first for the last character boundary.
TRIM_TAIL_BYTES = 256
# A byte below 0x40 is a whole character in UTF-8 and in every ASCII-compatible multi-byte codec (their trailing
# bytes start at 0x40), so a sample cut just after one never starts or ends inside a character.
_BOUNDARY_BYTE = re.compile(rb"[\x00-\x3f]")
_SURROGATE_ESCAPE = re.compile("[\udc80-\udcff]")  # one per byte the codec could not decode


def _trim_end(piece: bytes) -> bytes:
    # The first boundary byte of the reversed piece is the last one of the piece: one short forward search instead
    # of an end-anchored pattern tried at every position. Boundary bytes are common (spaces, "<", digits), so the
    # reversed tail nearly always holds one; reversing the whole piece is only the fallback.
    last = _BOUNDARY_BYTE.search(piece[: -TRIM_TAIL_BYTES - 1 : -1]) or _BOUNDARY_BYTE.search(piece[::-1])
    return piece[: len(piece) - last.start()] if last else piece


def _sample(data: bytes) -> list[bytes]:
    """The head of the input and a few chunks spread over the rest, each cut at character boundaries."""
    if len(data) <= HEAD_SAMPLE_BYTES + CHUNK_SAMPLE_BYTES * CHUNK_SAMPLE_COUNT:
        return [data]
    pieces = [_trim_end(data[:HEAD_SAMPLE_BYTES])]
    rest = len(data) - HEAD_SAMPLE_BYTES
    stride = rest // CHUNK_SAMPLE_COUNT
    for i in range(CHUNK_SAMPLE_COUNT):
        start = HEAD_SAMPLE_BYTES + i * stride + (stride - CHUNK_SAMPLE_BYTES) // 2
        piece = data[start : start + CHUNK_SAMPLE_BYTES]
        first = _BOUNDARY_BYTE.search(piece)
        if first:
            piece = piece[first.start() :]
        pieces.append(_trim_end(piece))
    return pieces


class _Fit:
    """How the sampled bytes decode under one codec."""

    __slots__ = ("_mixed", "_non_ascii", "_undecoded", "invalid", "size", "text")

    def __init__(
        self,
        size: int,
        invalid: int,
        text: str | None,
        mixed: list[tuple[str, int]],
        undecoded: list[bytes] | None = None,
    ) -> None:
        self.size = size  # sampled bytes
        self.invalid = invalid  # bytes the codec could not decode
        # The decoded text when the sample was a single piece that decoded without error (so a short input, sampled
        # whole, is not decoded a second time); None otherwise.
        self.text = text
        self._mixed = mixed  # (decoded piece, its undecodable bytes) for the pieces that are not all ASCII
        # Pieces known to be valid UTF-8 that were not decoded: decoded only if `non_ascii` is asked.
        self._undecoded = undecoded or []
        self._non_ascii: int | None = None

    @property
    def non_ascii(self) -> int:
        """Characters outside ASCII that did decode. Counted on first use: strict UTF-8, the common case, never asks."""
        if self._non_ascii is None:
            mixed = self._mixed + [(p.decode("utf-8"), 0) for p in self._undecoded if not p.isascii()]
            self._non_ascii = sum(len(t) - len(t.encode("ascii", errors="ignore")) - bad for t, bad in mixed)
            self._mixed = self._undecoded = []
        return self._non_ascii

    def has_non_ascii(self, at_least: int) -> bool:
        """`non_ascii >= at_least`, without decoding anything when one character is enough: a non-ASCII byte in a
        piece known to be valid UTF-8 is part of a non-ASCII character (and no piece counts below zero)."""
        if at_least <= 1 and self._non_ascii is None and any(not piece.isascii() for piece in self._undecoded):
            return True
        return self.non_ascii >= at_least

    @property
    def invalid_share(self) -> float:
        return self.invalid / self.size if self.size else 0.0


def _fit(sample: list[bytes], codec: str) -> _Fit:
    invalid = size = 0
    whole: str | None = None
    mixed: list[tuple[str, int]] = []
    for piece in sample:
        try:
            # The common case, a codec that fits, costs one strict decode; only a failure pays for counting.
            text, bad = _decode_all(piece, codec, errors="strict"), 0
            whole = text if len(sample) == 1 else None
        except UnicodeDecodeError:
            text = _decode_all(piece, codec, errors="surrogateescape")
            bad = len(_SURROGATE_ESCAPE.findall(text))
        invalid += bad
        size += len(piece)
        if not text.isascii():
            mixed.append((text, bad))
    return _Fit(size, invalid, whole, mixed)


def _fit_utf8(data: bytes, sample: list[bytes]) -> tuple[_Fit, bool, str | None]:
    """The UTF-8 fit of the sample of `data`, whether `data` is strict UTF-8, and its text when that was decoded.

    Nearly every page is valid UTF-8: it is checked whole first (by the compiled scan, or by decoding it), and then a
    piece of the sample that starts and ends with an ASCII byte holds whole characters and is valid too, so the sample
    is not decoded (its non-ASCII characters, rarely asked for, are counted on first use)."""
    if _BYTESCAN is not None:
        if not _BYTESCAN.is_utf8(data):
            return _fit(sample, "utf-8"), False, None
        whole = None  # the text is decoded only if it is read (`DecodeResult.text`)
    else:
        try:
            whole = data.decode("utf-8")
        except UnicodeDecodeError:
            return _fit(sample, "utf-8"), False, None
    if len(sample) == 1 and sample[0] is data:
        return _Fit(len(data), 0, whole, [], undecoded=[data]), True, whole
    if all(piece and piece[0] < 0x80 and piece[-1] < 0x80 for piece in sample):
        return _Fit(sum(len(piece) for piece in sample), 0, None, [], undecoded=sample), True, whole
    return _fit(sample, "utf-8"), True, whole


def _decode_whole(data: bytes, codec: str, sample: list[bytes], fit: _Fit) -> str:
    """`data` decoded with `codec` (as `_decode_all`), reusing the fit's text when the sample was all of `data`."""
    if fit.text is not None and len(sample) == 1 and sample[0] is data:
        return fit.text
    return _decode_all(data, codec)


def _decode_all(data: bytes, codec: str, errors: str = "replace") -> str:
    if codec == "windows-1252":
        # Python's cp1252 leaves five bytes undefined; WHATWG decodes them as C1 controls, which never fails.
        return data.decode("cp1252", errors=_C1_PASSTHROUGH)
    return data.decode(codec, errors=errors)


def _best_codec(sample: list[bytes], codec: str) -> tuple[str, _Fit]:
    """`codec`, or an alternate that decodes more of the sample (see `_ALTERNATE_CODECS`)."""
    best, fit = codec, _fit(sample, codec)
    for alternate in _ALTERNATE_CODECS.get(codec, ()):
        if fit.invalid == 0:
            break
        alt_fit = _fit(sample, alternate)
        if alt_fit.invalid < fit.invalid:
            best, fit = alternate, alt_fit
    return best, fit


def _has_utf8_evidence(fit: _Fit) -> bool:
    """Valid UTF-8 with some non-ASCII text (`fit.invalid` is 0): a legacy label on it is stale."""
    return fit.has_non_ascii(MIN_UTF8_EVIDENCE_CHARS)


def _looks_like_utf8(fit: _Fit) -> bool:
    """Valid UTF-8 with some non-ASCII text, or damaged UTF-8: few invalid bytes among many valid sequences."""
    if fit.invalid == 0:
        return _has_utf8_evidence(fit)
    return fit.invalid_share <= MAX_UTF8_INVALID_SHARE and fit.non_ascii >= fit.invalid * MIN_VALID_PER_INVALID_UTF8


# ---------------------------------------------------------------------------------------------------------------
# Public API


def decode_with_info(data: bytes | str, *, declared: str | None = None) -> DecodeResult:
    """Decode page bytes to text and say which charset was used and why.

    `declared` is the charset from HTTP headers (a label or a whole Content-Type value), or None. A `str` is taken as
    is. Raises InputError for empty, whitespace-only or binary input.
    """
    if isinstance(data, str):
        return DecodeResult(data, None, "str")
    if _LEADING_BYTES_SPACE.match(data).end() == len(data):  # type: ignore[union-attr]  # (`not data.strip()`, no copy)
        raise InputError("input is empty")
    kind = _magic_kind(data)
    if kind is not None:
        raise InputError(f"input is {kind}, not a page")

    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(_decode_all(data[len(bom) :], codec), codec, "bom")

    declared_codec = normalize_charset(declared)
    if declared_codec is not None and declared_codec.startswith(_ASCII_INCOMPATIBLE):
        # A header may rightly announce UTF-16/32 without a BOM; such text is full of NULs, so try it before the
        # binary check, and only when the whole input decodes cleanly.
        try:
            return _checked(data.decode(declared_codec), declared_codec, "declared")
        except UnicodeDecodeError:
            declared_codec = None

    sample = _sample(data)
    reason = _binary_reason(sample)
    if reason is not None:
        raise InputError(reason)

    utf8, strict, strict_text = _fit_utf8(data, sample)
    if _settled_as_utf8(strict, utf8):
        # The labels decide only the method: it is worked out if it is read (extract_text never does).
        return _checked_utf8(data, strict_text, "utf-8", partial(_strict_utf8_method, data, declared_codec))
    labels: tuple[tuple[str | None, Method], ...] = (
        (_labelled_charset(data[:META_SCAN_BYTES]), "meta"),
        (declared_codec, "declared"),
    )
    for codec, method in labels:
        if codec is None:
            continue
        if codec == "utf-8":
            if strict:
                return _checked_utf8(data, strict_text, codec, method)
            if utf8.invalid == 0 or _looks_like_utf8(utf8):
                return _checked(_decode_whole(data, codec, sample, utf8), codec, method)
            continue
        if _looks_like_utf8(utf8):
            continue  # (damaged) UTF-8 with non-ASCII text under a legacy label: the label is stale
        codec, fit = _best_codec(sample, codec)
        if fit.invalid_share <= MAX_LABEL_INVALID_SHARE:
            return _checked(_decode_whole(data, codec, sample, fit), codec, method)

    if utf8.invalid == 0:
        if strict:
            return _checked_utf8(data, strict_text, "utf-8", "utf-8")
        utf8 = _fit([data], "utf-8")  # the damage lies outside the sample: judge the whole input
    if _looks_like_utf8(utf8):
        return _checked(data.decode("utf-8", errors="replace"), "utf-8", "utf-8-replace")

    detected = _detect(sample)
    if detected is not None and not detected.startswith(_ASCII_INCOMPATIBLE):  # NUL-free bytes are not UTF-16/32
        codec, _ = _best_codec(sample, detected)
        if all(_decode_all(piece, codec) == _decode_all(piece, "windows-1252") for piece in sample):
            # Detectors often name a sibling (cp1250, iso8859-15) of the commonest Western charset even when the
            # text reads the same under both; report the commonest, so records from one site agree.
            codec = "windows-1252"
        return _checked(_decode_all(data, codec), codec, "detected")
    if utf8.invalid_share > MAX_FALLBACK_REPLACEMENT_SHARE:
        raise InputError("input is not text in any known encoding")
    return _checked(data.decode("utf-8", errors="replace"), "utf-8", "utf-8-replace")


def _settled_as_utf8(strict: bool, fit: _Fit) -> bool:
    """Strict UTF-8 with non-ASCII text is read as UTF-8 whatever the labels say: the label loop below takes a UTF-8
    label, passes over a legacy one (stale on such bytes), and falls back to UTF-8."""
    return strict and _has_utf8_evidence(fit)


def _strict_utf8_method(data: bytes, declared_codec: str | None) -> Method:
    """The method `decode_with_info`'s label loop names for strict UTF-8 `data` with UTF-8 evidence: the first label
    saying UTF-8 (a legacy one is passed over), else plain "utf-8"."""
    if _labelled_charset(data[:META_SCAN_BYTES]) == "utf-8":
        return "meta"
    return "declared" if declared_codec == "utf-8" else "utf-8"


def decode(data: bytes | str, *, declared: str | None = None) -> str:
    """Decode page bytes to text; a `str` is taken as is. Raises InputError for empty or binary input."""
    return decode_with_info(data, declared=declared).text


def _checked(text: str, codec: str, method: Method, utf8: bytes | None = None) -> DecodeResult:
    # `isspace` stops at the first visible character; stripping would copy the whole page to learn the same.
    content = text.lstrip("\ufeff")
    if not content or content.isspace():
        raise InputError("input is empty")
    return DecodeResult(text, codec, method, utf8)


# What bytes.strip() strips; the input is empty when it is all of it.
_LEADING_BYTES_SPACE = re.compile(rb"[ \t\n\r\x0b\x0c]*")
# ASCII white space as str.isspace counts it; `_checked_utf8` skips it to find the first character.
_LEADING_ASCII_SPACE = re.compile(rb"[\t-\r\x1c-\x20]*")


def _checked_utf8(data: bytes, text: str | None, codec: str, method: Method) -> DecodeResult:
    """`_checked` of strict UTF-8 `data` without decoding it: a visible ASCII character, found after the leading
    white space, proves the text is not empty (anything else is decoded and checked the long way)."""
    if text is None:
        first = _LEADING_ASCII_SPACE.match(data).end()  # type: ignore[union-attr]  # it matches the empty string
        if first < len(data) and data[first] < 0x80:
            return DecodeResult(None, codec, method, data)
        text = data.decode("utf-8")
    return _checked(text, codec, method, data)


def _detect(sample: list[bytes]) -> str | None:
    """charset-normalizer's best guess for the sample, as a Python codec name, or None."""
    from charset_normalizer import from_bytes  # imported on first need: most pages never get here

    best = from_bytes(b"\n".join(sample), preemptive_behaviour=False).best()
    if best is None:
        return None
    try:
        return _codec_for_detected(best.encoding)
    except LookupError:
        return None


# ---------------------------------------------------------------------------------------------------------------
# HTML or plain text?

SNIFF_WINDOW_CHARS = 64 * 1024  # only this much text, from the first visible character, is looked at
MIN_TAGS_FOR_HTML = 3  # fewer tags of known HTML elements than this and the input is text, whatever else it has
MIN_MARKUP_SHARE = 0.1  # share of non-blank characters inside tags that makes a page that does not start with one HTML
MAX_TAG_CHARS = 2000  # a "tag" longer than this is prose that happens to hold a "<" and a ">"

# Elements whose tags mark a document as HTML; a word in angle brackets that is not one of them ("<john@example.org>",
# "<unk>") is not markup.
_HTML_ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "address",
        "article",
        "aside",
        "audio",
        "b",
        "base",
        "big",
        "blockquote",
        "body",
        "br",
        "button",
        "caption",
        "center",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "fieldset",
        "figcaption",
        "figure",
        "font",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "i",
        "iframe",
        "img",
        "input",
        "ins",
        "label",
        "legend",
        "li",
        "link",
        "main",
        "mark",
        "meta",
        "nav",
        "noscript",
        "object",
        "ol",
        "optgroup",
        "option",
        "p",
        "picture",
        "pre",
        "q",
        "s",
        "section",
        "select",
        "small",
        "source",
        "span",
        "strike",
        "strong",
        "style",
        "sub",
        "summary",
        "sup",
        "svg",
        "table",
        "tbody",
        "td",
        "template",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "time",
        "title",
        "tr",
        "tt",
        "u",
        "ul",
        "video",
    ]
)
_DOCUMENT_ELEMENTS = frozenset({"html", "head", "body"})  # a page (not a quote of one tag) names these
_FIRST_VISIBLE = re.compile(r"[^\s\ufeff]")
_PROLOG = re.compile(r"<!doctype\s+html|<html[\s>]|<\?xml\b", re.IGNORECASE)
_LEADING_COMMENTS = re.compile(r"(?:<!--.*?(?:-->|\Z)\s*)+", re.DOTALL)
_TAG = re.compile(rf"</?([A-Za-z][A-Za-z0-9]*)(?=[\s/>])[^<>]{{0,{MAX_TAG_CHARS}}}>")
_WHITESPACE = re.compile(r"\s+")


def sniff_format(text: str) -> Literal["html", "text"]:
    """Tell HTML from plain text: a doctype, `<html>` or XML prolog (after any BOM, blanks and comments), or tags of
    known HTML elements that are either where the input starts or a good share of it. A stray `<b>` in prose is not
    enough. Reads at most `SNIFF_WINDOW_CHARS` characters past the first visible one, so the cost is linear."""
    first = _FIRST_VISIBLE.search(text)
    if first is None:
        return "text"
    window = text[first.start() : first.start() + SNIFF_WINDOW_CHARS]
    comments = _LEADING_COMMENTS.match(window)
    start = comments.end() if comments else 0
    if _PROLOG.match(window, start):
        return "html"
    tags = [match for match in _TAG.finditer(window) if match.group(1).lower() in _HTML_ELEMENTS]
    if len(tags) < MIN_TAGS_FOR_HTML:
        return "text"
    if tags[0].start() == start or any(match.group(1).lower() in _DOCUMENT_ELEMENTS for match in tags):
        return "html"
    visible = len(window) - sum(len(blank) for blank in _WHITESPACE.findall(window))
    markup = sum(match.end() - match.start() for match in tags)
    return "html" if visible and markup / visible >= MIN_MARKUP_SHARE else "text"
