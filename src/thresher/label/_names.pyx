# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""`label.dom_vocab`'s `_name_analysis` and `name_evidence`, compiled: the same answers, several times faster.

dom_vocab.py holds the definition (the rules, their reasons and the vocabulary); this is a line-for-line twin of its
two functions. What makes the Python slow is not the rules but the strings: a regex finds a name's words, and every
name, word and pair of adjacent words becomes a new string looked up in a dict, though most of them are not
vocabulary. Here a name's words are ranges of its characters, looked up by their bytes in an index of the tables'
keys: no string is made for a name, a word or a pair. name_evidence analyses each name itself rather than asking
the Python `_name_analysis` cache: a compiled analysis costs less than making the name's string to look it up.

`configure(module, python_analysis)` reads every table from dom_vocab at import (this file keeps no vocabulary of its
own), so words added to the tables there are seen here. A name with a character beyond ASCII goes to the Python
definition: lower-casing can turn such a character into ASCII letters (the Kelvin sign becomes "k").
tests/test_label_names_compiled.py holds the twins to the same answers.
"""

from cpython.unicode cimport PyUnicode_GET_LENGTH
from cpython.list cimport PyList_GET_ITEM
from cpython.object cimport PyObject
from cpython.tuple cimport PyTuple_GET_ITEM
from libc.stdint cimport uint32_t
from libc.stdlib cimport calloc, free
from libc.string cimport memcmp

cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object text)
    int PyUnicode_KIND(object text)
    const void *PyUnicode_DATA(object text)
    Py_UCS4 PyUnicode_READ(int kind, const void *data, Py_ssize_t index)
    PyObject *Py_True
    PyObject *Py_None

# The tables and answers of dom_vocab, set by configure().
cdef dict vocabulary = None, pairs = None, tag_kind = None, role_kind = None
cdef frozenset style_words = None, weak_tags = None, article_furniture = None
cdef object comments_label = None
cdef tuple embed_analysis = None, compound_analysis = None, plain_analysis = None
cdef tuple no_evidence = None, content_evidence = None
cdef Py_ssize_t min_stem_word_chars = 0
cdef object analyse_python = None  # the Python definition, for names beyond ASCII
# STEM_KIND as bytes (for the search) and as the (label, stem) answers, in the table's order.
cdef list stem_bytes = [], stem_answers = []

# An index of every string the lookups can find (vocabulary words, pairs, style words), by their bytes: a word or a
# pair of words is found without making a string of it. Each entry holds what dom_vocab's tables give for that
# string (the very objects: the tables' values), NULL where a table does not have it.
cdef struct Entry:
    const unsigned char *key  # NULL in a free slot; points into a bytes object of `index_keys`
    Py_ssize_t length
    uint32_t hash
    PyObject *facts  # _VOCABULARY's value
    PyObject *pair  # _PAIRS's value
    bint style  # in STYLE_WORDS

# The values are borrowed: the tables (held above) own them, and no one changes a table after import.
cdef Entry *index = NULL
cdef Py_ssize_t index_mask = 0
cdef list index_keys = []  # the keys' bytes, kept alive for the entries

cdef uint32_t FNV_OFFSET = 2166136261U, FNV_PRIME = 16777619U


cdef inline uint32_t fnv(uint32_t h, const unsigned char *text, Py_ssize_t start, Py_ssize_t end) noexcept:
    """FNV-1a of text[start:end] continued from `h` (so a pair's hash is its first word's hash continued)."""
    cdef Py_ssize_t i
    for i in range(start, end):
        h = (h ^ text[i]) * FNV_PRIME
    return h


cdef inline Py_ssize_t slot_of(uint32_t h) noexcept:
    return (h ^ (h >> 15)) & index_mask


cdef inline Entry *find(uint32_t h, const unsigned char *first, Py_ssize_t first_length,
                        const unsigned char *second, Py_ssize_t second_length) noexcept:
    """The entry of the string first + second (second_length 0 for one word) of hash `h`, or NULL."""
    cdef Py_ssize_t slot = slot_of(h)
    cdef Entry *entry
    while True:
        entry = &index[slot]
        if entry.key == NULL:
            return NULL
        if (entry.hash == h and entry.length == first_length + second_length
                and memcmp(entry.key, first, first_length) == 0
                and memcmp(entry.key + first_length, second, second_length) == 0):
            return entry
        slot = (slot + 1) & index_mask


cdef Entry *entry_for(str key) except NULL:
    """The entry of `key`, added empty if it is new."""
    cdef bytes raw = key.encode("utf-8")
    cdef const unsigned char *text = raw
    cdef uint32_t h = fnv(FNV_OFFSET, text, 0, len(raw))
    cdef Entry *entry = find(h, text, len(raw), NULL, 0)
    cdef Py_ssize_t slot = slot_of(h)
    if entry != NULL:
        return entry
    while index[slot].key != NULL:
        slot = (slot + 1) & index_mask
    index_keys.append(raw)
    entry = &index[slot]
    entry.key, entry.length, entry.hash = text, len(raw), h
    entry.facts = entry.pair = NULL
    entry.style = False
    return entry


cdef void build_index() except *:
    """Index the keys of vocabulary, pairs and style_words (the tables stay the owners of the values)."""
    global index, index_mask, index_keys
    cdef Py_ssize_t size = 64
    while size < 4 * (len(vocabulary) + len(pairs) + len(style_words)):
        size *= 2  # at most a quarter full: short probe runs
    free(index)
    index = <Entry *> calloc(size, sizeof(Entry))
    if index == NULL:
        raise MemoryError()
    index_mask = size - 1
    index_keys = []
    for key, value in vocabulary.items():
        entry_for(key).facts = <PyObject *> value
    for key, value in pairs.items():
        entry_for(key).pair = <PyObject *> value
    for key in style_words:
        entry_for(key).style = True


def configure(vocab_module, python_analysis):
    """Read dom_vocab's tables and answer constants (`vocab_module`) and take the Python definition of a name's
    analysis (for names beyond ASCII)."""
    global vocabulary, pairs, tag_kind, role_kind, style_words, weak_tags, article_furniture, comments_label
    global embed_analysis, compound_analysis, plain_analysis, no_evidence, content_evidence, min_stem_word_chars
    global analyse_python, stem_bytes, stem_answers
    m = vocab_module
    vocabulary, pairs, style_words = m._VOCABULARY, m._PAIRS, m.STYLE_WORDS
    tag_kind, role_kind, weak_tags, article_furniture = m.TAG_KIND, m.ROLE_KIND, m.WEAK_TAGS, m.ARTICLE_FURNITURE
    comments_label = m.Label.COMMENTS
    embed_analysis, compound_analysis, plain_analysis = m._EMBED_ANALYSIS, m._COMPOUND_ANALYSIS, m._PLAIN_ANALYSIS
    no_evidence, content_evidence = m._NO_EVIDENCE, m._CONTENT_EVIDENCE
    min_stem_word_chars = m.MIN_STEM_WORD_CHARS
    stem_bytes = [stem.encode("utf-8") for stem, _ in m.STEM_KIND]
    stem_answers = [(label, stem) for stem, label in m.STEM_KIND]
    analyse_python = python_analysis
    build_index()


cdef inline bint is_word_char(unsigned char c) noexcept:
    return (c >= b'a' and c <= b'z') or (c >= b'0' and c <= b'9')


cdef inline Py_ssize_t next_word(const unsigned char *text, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t *end) noexcept:
    """Start of the first word at or after `pos` (its end in `end`), or -1: a word is a maximal run of a-z and 0-9
    with a letter in it, as dom_vocab's _WORD finds them."""
    cdef Py_ssize_t start
    cdef bint letter
    while pos < n:
        while pos < n and not is_word_char(text[pos]):
            pos += 1
        start = pos
        letter = False
        while pos < n and is_word_char(text[pos]):
            letter = letter or text[pos] >= b'a'
            pos += 1
        if letter:
            end[0] = pos
            return start
    return -1


cdef PyObject *stem_in(const unsigned char *word, Py_ssize_t length) noexcept:
    """dom_vocab._stem_in of a word longer than MIN_STEM_WORD_CHARS: the first stem of STEM_KIND inside it, as its
    (label, stem) answer (borrowed from `stem_answers`), or NULL."""
    cdef Py_ssize_t i, at, stem_length
    cdef bytes stem_object
    cdef const unsigned char *stem
    for i in range(len(stem_bytes)):
        stem_object = <bytes> PyList_GET_ITEM(stem_bytes, i)
        stem, stem_length = stem_object, len(stem_object)
        for at in range(length - stem_length + 1):
            if word[at] == stem[0] and memcmp(word + at, stem, stem_length) == 0:
                return PyList_GET_ITEM(stem_answers, i)
    return NULL


cdef inline bint has_upper(const unsigned char *text, Py_ssize_t n) noexcept:
    cdef Py_ssize_t i
    for i in range(n):
        if text[i] >= b'A' and text[i] <= b'Z':
            return True
    return False


# What one name says, as dom_vocab._name_analysis's tuple does; the objects are borrowed from dom_vocab's tables (or
# from the Python answer `analyse_name` returns for a name beyond ASCII), NULL for None.
cdef struct Analysis:
    bint compound  # a content compound ("article-body"): the element is content
    bint embed  # an embedded post: no evidence at all
    bint content_word
    bint has_words
    PyObject *strong  # (label, word)
    PyObject *weak  # (label, word)
    PyObject *metadata  # a Label


cdef void analyse_ascii(const unsigned char *text, Py_ssize_t n, Analysis *out) noexcept:
    """The analysis of the name text[:n], ASCII without capitals (dom_vocab._name_analysis, line for line)."""
    cdef Py_ssize_t start, end = 0, next_start, next_end = 0, position = 0
    cdef const unsigned char *previous = NULL
    cdef Py_ssize_t previous_length = 0
    cdef uint32_t word_hash, previous_hash = 0
    cdef bint styling
    cdef Entry *entry
    cdef PyObject *facts
    cdef PyObject *furniture
    out.compound = out.embed = out.content_word = out.has_words = False
    out.strong = out.weak = out.metadata = NULL
    start = next_word(text, n, 0, &end)
    while start >= 0:
        next_start = next_word(text, n, end, &next_end)
        word_hash = fnv(FNV_OFFSET, text, start, end)
        entry = find(word_hash, text + start, end - start, NULL, 0)
        facts = entry.facts if entry != NULL else NULL
        if facts != NULL and <object> PyTuple_GET_ITEM(<object> facts, 0):
            out.embed = out.has_words = True
            return
        if position:
            # the pair's hash: the previous word's continued over this one, as if the two were one string
            entry = find(fnv(previous_hash, text, start, end), previous, previous_length, text + start, end - start)
            if entry != NULL and entry.pair != NULL:
                if entry.pair == Py_True:
                    out.compound = out.has_words = True
                    return
                if out.strong == NULL:
                    out.strong = entry.pair
        previous, previous_length, previous_hash = text + start, end - start, word_hash
        position += 1
        if facts == NULL:
            # not a vocabulary word: only a stem inside it can say something
            if out.strong == NULL and end - start > min_stem_word_chars:
                out.strong = stem_in(text + start, end - start)
        elif <object> PyTuple_GET_ITEM(<object> facts, 1):
            # "text-lg", "text-center": a styling utility class (see dom_vocab)
            styling = False
            if next_start >= 0:
                entry = find(fnv(FNV_OFFSET, text, next_start, next_end), text + next_start, next_end - next_start,
                             NULL, 0)
                styling = entry != NULL and entry.style
            out.content_word = out.content_word or not styling
        else:
            if out.metadata == NULL:
                out.metadata = none_to_null(PyTuple_GET_ITEM(<object> facts, 2))
            furniture = none_to_null(PyTuple_GET_ITEM(<object> facts, 3))
            if furniture == NULL:
                if out.strong == NULL:
                    out.strong = none_to_null(PyTuple_GET_ITEM(<object> facts, 5))
            elif <object> PyTuple_GET_ITEM(<object> facts, 4):
                if out.weak == NULL:
                    out.weak = furniture
            elif out.strong == NULL:
                out.strong = furniture
        start, end = next_start, next_end
    out.has_words = position > 0


cdef inline PyObject *none_to_null(PyObject *value) noexcept:
    return NULL if value == Py_None else value


cdef inline object null_to_none(PyObject *value):
    return None if value == NULL else <object> value


cdef object analyse_name(str name, Analysis *out):
    """`out` = the analysis of `name`. Returns what must stay alive while `out` is read: the Python definition's
    answer for a name beyond ASCII (its objects are borrowed), else None."""
    cdef tuple answer
    if not PyUnicode_IS_ASCII(name):
        answer = analyse_python(name)
        out.compound, out.embed, out.content_word, out.has_words = answer[0], answer[1], answer[2], answer[6]
        out.strong = none_to_null(PyTuple_GET_ITEM(answer, 3))
        out.weak = none_to_null(PyTuple_GET_ITEM(answer, 4))
        out.metadata = none_to_null(PyTuple_GET_ITEM(answer, 5))
        return answer
    if has_upper(<const unsigned char *> PyUnicode_DATA(name), PyUnicode_GET_LENGTH(name)):
        name = name.lower()  # ASCII in, ASCII out: only A-Z change
    analyse_ascii(<const unsigned char *> PyUnicode_DATA(name), PyUnicode_GET_LENGTH(name), out)
    return None


def name_analysis(str name not None):
    """dom_vocab._name_analysis of one id or class name, the same tuple (see there for the rules)."""
    cdef Analysis analysis
    python_answer = analyse_name(name, &analysis)
    if python_answer is not None:
        return python_answer
    if analysis.embed:
        return embed_analysis
    if analysis.compound:
        return compound_analysis
    if (not analysis.content_word and analysis.strong == NULL and analysis.weak == NULL and analysis.metadata == NULL
            and analysis.has_words):
        return plain_analysis
    return (False, False, analysis.content_word, null_to_none(analysis.strong), null_to_none(analysis.weak),
            null_to_none(analysis.metadata), analysis.has_words)


def name_evidence(str tag, str ident, str hint):
    """dom_vocab.name_evidence of an element, the same tuple (see there for the rules)."""
    if tag == "body" or tag == "html":
        return no_evidence
    hint_words = hint.split() if hint else ()
    for word in hint_words:
        if word == "main" or word == "articlebody":
            return content_evidence
    if ident is None:
        ident = ""  # no names, as in the definition
    cdef bint named = False, strong_has_content = False, has_content_word = False
    cdef Py_ssize_t n = len(ident), start = 0, end
    cdef Py_UCS4 c
    cdef int kind = PyUnicode_KIND(ident)
    cdef const void *data = PyUnicode_DATA(ident)
    cdef const unsigned char *text = <const unsigned char *> data
    cdef bint ascii = PyUnicode_IS_ASCII(ident)
    cdef Analysis analysis
    strong = None
    weak = None
    metadata = None
    # the names between "#" and "." marks, empty ones skipped
    while start < n:
        end = start
        while end < n:
            c = PyUnicode_READ(kind, data, end)
            if c == u'.' or c == u'#':
                break
            end += 1
        if end > start:
            if ascii and not has_upper(text + start, end - start):
                analyse_ascii(text + start, end - start, &analysis)  # no string made for the name
            else:
                held = analyse_name(ident[start:end], &analysis)  # held while `analysis` borrows from it
            if analysis.has_words:
                named = True
                if analysis.compound:
                    return content_evidence
                if analysis.embed:
                    return no_evidence
                has_content_word = has_content_word or analysis.content_word
                if strong is None and analysis.strong != NULL:
                    strong, strong_has_content = <object> analysis.strong, analysis.content_word
                weak = weak or null_to_none(analysis.weak)
                metadata = metadata or null_to_none(analysis.metadata)
        start = end + 1
    if not named:
        if tag == "article" or tag == "main":
            return content_evidence
        for word in hint_words:
            if word in role_kind:
                return role_kind[word], f"role={word}", False, None
        if tag in tag_kind:
            return tag_kind[tag], f"<{tag}>", False, None
        return no_evidence
    if strong is not None and strong[0] is not comments_label and has_content_word and not strong_has_content:
        strong = None
    for word in hint_words:
        if word in role_kind:
            return role_kind[word], f"role={word}", False, metadata
    if tag in tag_kind and tag not in weak_tags:
        return tag_kind[tag], f"<{tag}>", False, metadata
    if (tag == "article" or tag == "main") and (strong is None or strong[0] not in article_furniture):
        return content_evidence if tag == "main" else (None, "", False, metadata)
    if strong is not None:
        return strong[0], strong[1], False, metadata
    if weak is None and tag in weak_tags:
        weak = (tag_kind[tag], f"<{tag}>")
    if weak is not None and not has_content_word and tag != "article" and tag != "main" and tag != "section":
        return weak[0], weak[1], False, metadata
    return None, "", False, metadata
