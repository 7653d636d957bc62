# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""Byte scans of raw input, compiled: the same answers as decode.py's Python, several times faster.

`decode.decode_with_info` asks two questions of every page before anything else: does it hold a byte plain text never
holds (the binary check), and is it valid UTF-8 (nearly every page is, and then it goes to the parser as it is)? In
Python the first costs a `bytes.translate` copy of the sample and the second a full decode into a `str` that
extract_text never reads. Here each is one pass over the bytes, eight or sixteen at a time while they are ASCII.

decode.py keeps the Python way as the definition and uses these only when this module was built; tests hold the two
to the same answers (tests/test_decode_bytescan.py).
"""

from libc.stdint cimport uint64_t
from libc.string cimport memcpy, memset

# The high bit of each of eight bytes: a chunk without any is ASCII. (A C constant: as a Cython DEF this wide a number
# becomes a Python int, and the test a Python operation.)
cdef uint64_t HIGH_BITS = 0x8080808080808080ULL
cdef uint64_t ONES = 0x0101010101010101ULL  # times a byte value: that byte in each of the eight places


cdef inline bint may_hold_control(uint64_t chunk) noexcept:
    """Whether one of eight bytes may be below 0x20 or 0x7F (never False when one is: a borrow can only add
    false alarms)."""
    cdef uint64_t del_bytes = chunk ^ ONES * 0x7F
    return ((chunk - ONES * 0x20) & ~chunk & HIGH_BITS) != 0 or ((del_bytes - ONES) & ~del_bytes & HIGH_BITS) != 0


def holds_any(const unsigned char[::1] data not None, const unsigned char[::1] members not None):
    """Whether any byte of `data` is one of `members` (as `data.translate(None, members) != data`)."""
    cdef bint wanted[256]
    cdef bint controls_only = True  # every member below 0x20 or 0x7F: eight bytes can be ruled out at a time
    cdef Py_ssize_t i = 0, n = data.shape[0]
    cdef const unsigned char *s = &data[0] if n else NULL
    cdef uint64_t chunk
    memset(wanted, 0, sizeof(wanted))
    for i in range(members.shape[0]):
        wanted[members[i]] = True
        controls_only = controls_only and (members[i] < 0x20 or members[i] == 0x7F)
    i = 0
    if controls_only:
        # Eight bytes at a time; a chunk that may hold a control byte is looked at whole, then passed (HTML's tabs and
        # line ends raise false alarms in many chunks: re-testing from the next byte would test most of them again).
        while i + 8 <= n:
            memcpy(&chunk, s + i, 8)
            if may_hold_control(chunk) and any_wanted(wanted, s + i, 8):
                return True
            i += 8
    return any_wanted(wanted, s + i, n - i)


cdef inline bint any_wanted(const bint *wanted, const unsigned char *s, Py_ssize_t n) noexcept:
    cdef Py_ssize_t i
    for i in range(n):
        if wanted[s[i]]:
            return True
    return False


cdef inline bint continuation(unsigned char c) noexcept:
    return (c & 0xC0) == 0x80


def is_utf8(const unsigned char[::1] data not None):
    """Whether `data` is valid UTF-8 as Python's strict decoder reads it: no overlong forms, no surrogates, nothing
    above U+10FFFF, no sequence cut short (as `data.decode("utf-8")` raising nothing)."""
    cdef Py_ssize_t i = 0, n = data.shape[0]
    cdef const unsigned char *s = &data[0] if n else NULL
    cdef uint64_t chunk, chunk2
    cdef unsigned char c, second
    while i < n:
        if i + 16 <= n:
            # Most of a page is ASCII markup: sixteen bytes a step while it lasts.
            memcpy(&chunk, s + i, 8)
            memcpy(&chunk2, s + i + 8, 8)
            if not (chunk | chunk2) & HIGH_BITS:
                i += 16
                continue
            if not chunk & HIGH_BITS:
                i += 8
        elif i + 8 <= n:
            memcpy(&chunk, s + i, 8)
            if not chunk & HIGH_BITS:
                i += 8
                continue
        c = s[i]
        if c < 0x80:
            i += 1
        elif 0xC2 <= c <= 0xDF:
            if i + 1 >= n or not continuation(s[i + 1]):
                return False
            i += 2
        elif 0xE0 <= c <= 0xEF:
            if i + 2 >= n or not continuation(s[i + 2]):
                return False
            second = s[i + 1]
            if c == 0xE0:
                if not 0xA0 <= second <= 0xBF:  # overlong
                    return False
            elif c == 0xED:
                if not 0x80 <= second <= 0x9F:  # surrogates
                    return False
            elif not continuation(second):
                return False
            i += 3
        elif 0xF0 <= c <= 0xF4:
            if i + 3 >= n or not continuation(s[i + 2]) or not continuation(s[i + 3]):
                return False
            second = s[i + 1]
            if c == 0xF0:
                if not 0x90 <= second <= 0xBF:  # overlong
                    return False
            elif c == 0xF4:
                if not 0x80 <= second <= 0x8F:  # above U+10FFFF
                    return False
            elif not continuation(second):
                return False
            i += 4
        else:
            return False  # a stray continuation byte, C0/C1 (overlong), F5-FF
    return True
