# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""`label.gates`' fragment test and word count, compiled: the same answers, without a pattern's search or new strings.

gates.py holds the definitions: `fragment_test_python` (does a text contain one of some fragments? the fragment
gate's pattern answers) and `count_words_python` (len(text.split(None, limit))). Both run on every short block of a
page, and both cost far more in Python than the question: the pattern tries its branches at every position, and
str.split makes a string of every word only to count them. Here both read the text's characters where they are, in
whichever of the three widths (1, 2 or 4 bytes) the str stores them, without copying.

The fragment search looks at each pair of adjacent characters: a bit per pair (by their low bytes) says whether some
fragment opens with it, and only there are the fragments opening with that character compared in full. A pair
that opens no fragment (most of them, in running text) costs one look at a bit. tests/test_scan_compiled.py holds
both to their definitions.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc
from libc.stdint cimport uint8_t, uint16_t, uint32_t, uint64_t
from libc.string cimport memset

cdef extern from "Python.h":
    int PyUnicode_READY(object text) except -1
    int PyUnicode_KIND(object text)
    const void *PyUnicode_DATA(object text)
    Py_ssize_t PyUnicode_GET_LENGTH(object text)
    bint Py_UNICODE_ISSPACE(uint32_t ch) nogil
    enum:
        PyUnicode_1BYTE_KIND
        PyUnicode_2BYTE_KIND

# A str's characters, as it stores them: 1, 2 or 4 bytes each.
ctypedef fused unit_t:
    uint8_t
    uint16_t
    uint32_t

# The pair bits: one per pair of low bytes (first character's, next character's), 1 << 16 of them.
cdef enum:
    PAIR_WORDS = (1 << 16) // 64
    LOW_BYTES = 256


cdef struct Fragments:
    uint32_t *chars  # every fragment's characters, back to back, ordered by the low byte of their first character
    Py_ssize_t *starts  # fragment k is chars[starts[k]:starts[k + 1]]
    Py_ssize_t by_low_byte[LOW_BYTES + 1]  # the fragments opening with low byte b are by_low_byte[b]:by_low_byte[b+1]
    uint64_t pair_bits[PAIR_WORDS]


cdef inline Py_ssize_t pair_index(uint32_t first, uint32_t second) noexcept nogil:
    return <Py_ssize_t>((first & 0xFF) << 8 | (second & 0xFF))


cdef inline void set_pair(Fragments *fragments, Py_ssize_t pair) noexcept nogil:
    fragments.pair_bits[pair >> 6] |= (<uint64_t>1) << (pair & 63)


cdef inline bint holds_fragment_at(
    const Fragments *fragments, const unit_t *text, Py_ssize_t length, Py_ssize_t at
) noexcept nogil:
    """Whether one of the fragments opening with text[at]'s low byte occurs at `at`."""
    cdef Py_ssize_t low = text[at] & 0xFF, k, j, size
    cdef const uint32_t *fragment
    for k in range(fragments.by_low_byte[low], fragments.by_low_byte[low + 1]):
        fragment = fragments.chars + fragments.starts[k]
        size = fragments.starts[k + 1] - fragments.starts[k]
        if size > length - at:
            continue
        j = 0
        while j < size and text[at + j] == fragment[j]:
            j += 1
        if j == size:
            return True
    return False


cdef bint holds_fragment(const Fragments *fragments, const unit_t *text, Py_ssize_t length) noexcept nogil:
    cdef Py_ssize_t at, pair
    cdef uint32_t char, next_char = text[0] if length else 0
    for at in range(length):
        # past the last character the pair's second half is 0: a one-character fragment opens every pair
        char = next_char
        next_char = text[at + 1] if at + 1 < length else 0
        pair = pair_index(char, next_char)
        if fragments.pair_bits[pair >> 6] >> (pair & 63) & 1 and holds_fragment_at(fragments, text, length, at):
            return True
    return False


cdef class FragmentSet:
    """Plain fragments (case as given) to look for in texts: `occurs_in(text)` is whether `text` contains one."""

    cdef Fragments fragments

    def __cinit__(self):
        self.fragments.chars = NULL
        self.fragments.starts = NULL

    def __init__(self, fragments):
        fragments = sorted(set(fragments), key=lambda fragment: (ord(fragment[0]) & 0xFF) if fragment else -1)
        if fragments and not fragments[0]:
            raise ValueError("an empty fragment would match every text")
        cdef Fragments *own = &self.fragments
        cdef Py_ssize_t total = sum(len(fragment) for fragment in fragments), k, at = 0, low, second
        own.chars = <uint32_t *>PyMem_Malloc(max(total, 1) * sizeof(uint32_t))
        own.starts = <Py_ssize_t *>PyMem_Malloc((len(fragments) + 1) * sizeof(Py_ssize_t))
        if own.chars == NULL or own.starts == NULL:
            raise MemoryError()
        memset(own.pair_bits, 0, sizeof(own.pair_bits))
        memset(own.by_low_byte, 0, sizeof(own.by_low_byte))
        for k, fragment in enumerate(fragments):
            own.starts[k] = at
            for char in fragment:
                own.chars[at] = ord(char)
                at += 1
            low = ord(fragment[0]) & 0xFF
            own.by_low_byte[low + 1] = k + 1  # the groups' ends; a group's start is the previous group's end
            if len(fragment) > 1:
                set_pair(own, pair_index(ord(fragment[0]), ord(fragment[1])))
            else:
                for second in range(LOW_BYTES):  # a one-character fragment occurs whatever follows it
                    set_pair(own, pair_index(ord(fragment[0]), second))
        own.starts[len(fragments)] = at
        for low in range(LOW_BYTES):  # a byte no fragment opens with: an empty group where the previous one ends
            if own.by_low_byte[low + 1] < own.by_low_byte[low]:
                own.by_low_byte[low + 1] = own.by_low_byte[low]

    def __dealloc__(self):
        PyMem_Free(self.fragments.chars)
        PyMem_Free(self.fragments.starts)

    def occurs_in(self, str text not None):
        """Whether `text` contains one of the fragments."""
        PyUnicode_READY(text)
        cdef int kind = PyUnicode_KIND(text)
        cdef const void *data = PyUnicode_DATA(text)
        cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
        if kind == PyUnicode_1BYTE_KIND:
            return holds_fragment(&self.fragments, <const uint8_t *>data, length)
        if kind == PyUnicode_2BYTE_KIND:
            return holds_fragment(&self.fragments, <const uint16_t *>data, length)
        return holds_fragment(&self.fragments, <const uint32_t *>data, length)


cdef Py_ssize_t words_up_to(const unit_t *text, Py_ssize_t length, Py_ssize_t most) noexcept nogil:
    """The runs of characters other than white space (as str.split sees it) in `text`, counted up to `most`."""
    cdef Py_ssize_t at = 0, words = 0
    while at < length:
        while at < length and Py_UNICODE_ISSPACE(text[at]):
            at += 1
        if at == length:
            break
        words += 1
        if words == most:
            break
        while at < length and not Py_UNICODE_ISSPACE(text[at]):
            at += 1
    return words


cdef Py_ssize_t words_in(str text, Py_ssize_t limit) except -1:
    """len(text.split(None, limit)), without the words' strings."""
    PyUnicode_READY(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    # str.split makes at most `limit` cuts, so limit + 1 words; there are never more words than characters
    cdef Py_ssize_t most = limit + 1 if 0 <= limit < length else length + 1
    if kind == PyUnicode_1BYTE_KIND:
        return words_up_to(<const uint8_t *>data, length, most)
    if kind == PyUnicode_2BYTE_KIND:
        return words_up_to(<const uint16_t *>data, length, most)
    return words_up_to(<const uint32_t *>data, length, most)


def count_words(str text not None, Py_ssize_t limit):
    """len(text.split(None, limit)): the words of `text`, counted up to limit + 1 (all of them for a negative limit)."""
    return words_in(text, limit)


def more_words_than(str text not None, Py_ssize_t limit):
    """len(text.split(None, limit)) > limit: whether `text` has more than `limit` words (always, for a negative one)."""
    return limit < 0 or words_in(text, limit) > limit
