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
from libc.stdint cimport uint32_t, uint64_t
from libc.string cimport memset
from libc.stdlib cimport calloc, free

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
# STEM_KIND in the table's order: each stem's bytes (owned by `stem_bytes`) and its (label, stem) answer (owned by
# `stem_answers`).
cdef struct Stem:
    const unsigned char *text
    Py_ssize_t length
    PyObject *answer

cdef list stem_bytes = [], stem_answers = []
cdef Stem *stems = NULL
cdef Py_ssize_t stem_count = 0
# A bit per pair of bytes that starts a stem: a word without any of them holds no stem, and most words are passed
# over with a look per character instead of a search per stem (as dom_vocab's _ANY_STEM does). Every word is searched
# when a stem is a single character.
cdef uint64_t stem_openings[1024]
cdef bint single_character_stem = False

# An index of every string the lookups can find (vocabulary words, pairs, style words), by their bytes: a word or a
# pair of words is found without making a string of it. Each entry holds what dom_vocab's tables say of that string:
# a vocabulary word's facts as C fields (their truth read once, at configure) and objects borrowed from the tables,
# which own them (no one changes a table after import); NULL for None.
cdef struct Entry:
    const unsigned char *key  # points into a bytes object of `index_keys`
    Py_ssize_t length
    uint32_t hash
    bint vocabulary  # a key of _VOCABULARY, whose facts follow
    bint embed
    bint content
    PyObject *metadata  # a Label
    PyObject *furniture  # (label, word)
    bint weak
    PyObject *stem  # (label, stem)
    PyObject *pair  # _PAIRS's value: True or (label, word)
    bint style  # in STYLE_WORDS

# Open addressing: `slots` (small enough to stay in the processor's nearest cache, and at most a quarter full, so
# most words, which are no key, are turned away by one read) holds 1 + the position of an entry in `entries`, 0 free.
cdef Entry *entries = NULL
cdef Py_ssize_t entry_count = 0
cdef uint32_t *slots = NULL
cdef Py_ssize_t slot_mask = 0
cdef list index_keys = []  # the keys' bytes, kept alive for the entries

cdef uint32_t FNV_OFFSET = 2166136261U, FNV_PRIME = 16777619U


cdef inline uint32_t fnv(uint32_t h, const unsigned char *text, Py_ssize_t start, Py_ssize_t end) noexcept:
    """FNV-1a of text[start:end] continued from `h` (so a pair's hash is its first word's hash continued)."""
    cdef Py_ssize_t i
    for i in range(start, end):
        h = (h ^ text[i]) * FNV_PRIME
    return h


cdef inline bint same_bytes(const unsigned char *a, const unsigned char *b, Py_ssize_t length) noexcept:
    """a[:length] == b[:length]; names' words are short, so a loop beats a call to memcmp."""
    cdef Py_ssize_t i
    for i in range(length):
        if a[i] != b[i]:
            return False
    return True


cdef inline Py_ssize_t slot_of(uint32_t h) noexcept:
    return (h ^ (h >> 15)) & slot_mask


cdef inline Entry *find(uint32_t h, const unsigned char *first, Py_ssize_t first_length,
                        const unsigned char *second, Py_ssize_t second_length) noexcept:
    """The entry of the string first + second (second_length 0 for one word) of hash `h`, or NULL."""
    cdef Py_ssize_t slot = slot_of(h)
    cdef Entry *entry
    while slots[slot]:
        entry = &entries[slots[slot] - 1]
        if (entry.hash == h and entry.length == first_length + second_length
                and same_bytes(entry.key, first, first_length)
                and same_bytes(entry.key + first_length, second, second_length)):
            return entry
        slot = (slot + 1) & slot_mask
    return NULL


cdef PyObject *none_to_null(PyObject *value) noexcept:
    return NULL if value == Py_None else value


cdef Entry *entry_for(str key) except NULL:
    """The entry of `key`, added empty if it is new."""
    global entry_count
    cdef bytes raw = key.encode("utf-8")
    cdef const unsigned char *text = raw
    cdef uint32_t h = fnv(FNV_OFFSET, text, 0, len(raw))
    cdef Entry *entry = find(h, text, len(raw), NULL, 0)
    cdef Py_ssize_t slot = slot_of(h)
    if entry != NULL:
        return entry
    while slots[slot]:
        slot = (slot + 1) & slot_mask
    index_keys.append(raw)
    entry = &entries[entry_count]
    entry_count += 1
    slots[slot] = <uint32_t> entry_count
    entry.key, entry.length, entry.hash = text, len(raw), h
    return entry


cdef void set_facts(Entry *entry, tuple facts) except *:
    """A vocabulary word's facts, as dom_vocab's _VOCABULARY gives them: (embed?, content word?, metadata kind,
    furniture (label, word), weak?, stem (label, stem))."""
    entry.vocabulary = True
    entry.embed, entry.content, entry.weak = bool(facts[0]), bool(facts[1]), bool(facts[4])
    entry.metadata = none_to_null(PyTuple_GET_ITEM(facts, 2))
    entry.furniture = none_to_null(PyTuple_GET_ITEM(facts, 3))
    entry.stem = none_to_null(PyTuple_GET_ITEM(facts, 5))


cdef void build_index() except *:
    """Index the keys of vocabulary, pairs and style_words (the tables stay the owners of the values)."""
    global entries, entry_count, slots, slot_mask, index_keys
    cdef Py_ssize_t capacity = len(vocabulary) + len(pairs) + len(style_words), size = 64
    while size < 4 * capacity:
        size *= 2  # at most a quarter full: short probe runs
    free(entries)
    free(slots)
    entries = <Entry *> calloc(capacity + 1, sizeof(Entry))
    slots = <uint32_t *> calloc(size, sizeof(uint32_t))
    if entries == NULL or slots == NULL:
        raise MemoryError()
    entry_count, slot_mask, index_keys = 0, size - 1, []
    for key, facts in vocabulary.items():
        set_facts(entry_for(key), facts)
    for key, value in pairs.items():
        entry_for(key).pair = <PyObject *> value
    for key in style_words:
        entry_for(key).style = True


def configure(vocab_module, python_analysis):
    """Read dom_vocab's tables and answer constants (`vocab_module`) and take the Python definition of a name's
    analysis (for names beyond ASCII)."""
    global vocabulary, pairs, tag_kind, role_kind, style_words, weak_tags, article_furniture, comments_label
    global embed_analysis, compound_analysis, plain_analysis, no_evidence, content_evidence, min_stem_word_chars
    global analyse_python, stem_bytes, stem_answers, stems
    m = vocab_module
    vocabulary, pairs, style_words = m._VOCABULARY, m._PAIRS, m.STYLE_WORDS
    tag_kind, role_kind, weak_tags, article_furniture = m.TAG_KIND, m.ROLE_KIND, m.WEAK_TAGS, m.ARTICLE_FURNITURE
    comments_label = m.Label.COMMENTS
    embed_analysis, compound_analysis, plain_analysis = m._EMBED_ANALYSIS, m._COMPOUND_ANALYSIS, m._PLAIN_ANALYSIS
    no_evidence, content_evidence = m._NO_EVIDENCE, m._CONTENT_EVIDENCE
    min_stem_word_chars = m.MIN_STEM_WORD_CHARS
    stem_bytes = [stem.encode("utf-8") for stem, _ in m.STEM_KIND]
    stem_answers = [(label, stem) for stem, label in m.STEM_KIND]
    build_stems()
    analyse_python = python_analysis
    build_index()


# What a byte is in a name: LETTER (a-z), DIGIT (0-9) or neither (a separator, a capital, any other byte).
cdef enum:
    DIGIT = 1
    LETTER = 2
cdef unsigned char char_class[256]
cdef int _byte
for _byte in range(256):
    char_class[_byte] = LETTER if b'a' <= _byte <= b'z' else DIGIT if b'0' <= _byte <= b'9' else 0


cdef inline Py_ssize_t next_word(const unsigned char *text, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t *end,
                                 uint32_t *hash) noexcept:
    """Start of the first word at or after `pos` (its end in `end`, its fnv hash in `hash`), or -1: a word is a
    maximal run of a-z and 0-9 with a letter in it, as dom_vocab's _WORD finds them."""
    cdef Py_ssize_t start
    cdef unsigned char kind, seen
    cdef uint32_t h
    while pos < n:
        while pos < n and char_class[text[pos]] == 0:
            pos += 1
        start = pos
        seen = 0
        h = FNV_OFFSET
        while pos < n:
            kind = char_class[text[pos]]
            if kind == 0:
                break
            seen |= kind
            h = (h ^ text[pos]) * FNV_PRIME
            pos += 1
        if seen & LETTER:
            end[0], hash[0] = pos, h
            return start
    return -1


cdef void build_stems() except *:
    global stems, stem_count, single_character_stem
    cdef bytes stem
    free(stems)
    stems = <Stem *> calloc(len(stem_bytes) + 1, sizeof(Stem))
    if stems == NULL:
        raise MemoryError()
    stem_count = len(stem_bytes)
    memset(stem_openings, 0, sizeof(stem_openings))
    single_character_stem = False
    for i, stem in enumerate(stem_bytes):
        stems[i].text, stems[i].length, stems[i].answer = stem, len(stem), <PyObject *> stem_answers[i]
        if len(stem) < 2:
            single_character_stem = True
        else:
            opening = stem[0] << 8 | stem[1]
            stem_openings[opening >> 6] |= (<uint64_t> 1) << (opening & 63)


cdef inline bint may_hold_stem(const unsigned char *word, Py_ssize_t length) noexcept:
    cdef Py_ssize_t at
    cdef unsigned int opening
    if single_character_stem:
        return True
    for at in range(length - 1):
        opening = word[at] << 8 | word[at + 1]
        if (stem_openings[opening >> 6] >> (opening & 63)) & 1:
            return True
    return False


cdef PyObject *stem_in(const unsigned char *word, Py_ssize_t length) noexcept:
    """dom_vocab._stem_in of a word longer than MIN_STEM_WORD_CHARS: the first stem of STEM_KIND inside it, as its
    (label, stem) answer, or NULL."""
    cdef Py_ssize_t i, at
    cdef const Stem *stem
    if not may_hold_stem(word, length):
        return NULL
    for i in range(stem_count):
        stem = &stems[i]
        if stem.length == 0:
            return stem.answer  # "" is in every word
        for at in range(length - stem.length + 1):
            if word[at] == stem.text[0] and same_bytes(word + at, stem.text, stem.length):
                return stem.answer
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
    cdef uint32_t word_hash = 0, next_hash = 0, previous_hash = 0
    cdef bint styling
    cdef Entry *entry
    cdef Entry *word
    out.compound = out.embed = out.content_word = out.has_words = False
    out.strong = out.weak = out.metadata = NULL
    start = next_word(text, n, 0, &end, &word_hash)
    while start >= 0:
        next_start = next_word(text, n, end, &next_end, &next_hash)
        word = find(word_hash, text + start, end - start, NULL, 0)
        if word != NULL and not word.vocabulary:
            word = NULL  # a pair or style word only
        if word != NULL and word.embed:
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
        if word == NULL:
            # not a vocabulary word: only a stem inside it can say something
            if out.strong == NULL and end - start > min_stem_word_chars:
                out.strong = stem_in(text + start, end - start)
        elif word.content:
            # "text-lg", "text-center": a styling utility class (see dom_vocab)
            styling = False
            if next_start >= 0:
                entry = find(next_hash, text + next_start, next_end - next_start, NULL, 0)
                styling = entry != NULL and entry.style
            out.content_word = out.content_word or not styling
        else:
            if out.metadata == NULL:
                out.metadata = word.metadata
            if word.furniture == NULL:
                if out.strong == NULL:
                    out.strong = word.stem
            elif word.weak:
                if out.weak == NULL:
                    out.weak = word.furniture
            elif out.strong == NULL:
                out.strong = word.furniture
        start, end, word_hash = next_start, next_end, next_hash
    out.has_words = position > 0


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


cdef inline Py_ssize_t ascii_name_end(const unsigned char *text, Py_ssize_t start, Py_ssize_t n,
                                      bint *capitals) noexcept:
    """End of the name starting at `start` in an ASCII ident (the next "." or "#", or n); whether it has capitals."""
    cdef unsigned char c
    capitals[0] = False
    while start < n:
        c = text[start]
        if c == b'.' or c == b'#':
            break
        capitals[0] |= b'A' <= c <= b'Z'
        start += 1
    return start


cdef inline Py_ssize_t name_end(int kind, const void *data, Py_ssize_t start, Py_ssize_t n) noexcept:
    """End of the name starting at `start` in any ident (the next "." or "#", or n)."""
    cdef Py_UCS4 c
    while start < n:
        c = PyUnicode_READ(kind, data, start)
        if c == u'.' or c == u'#':
            break
        start += 1
    return start


cdef int check_configured() except -1:
    if slots == NULL:
        raise RuntimeError("thresher.label._names is used through label.dom_vocab, which configures it")
    return 0


def name_analysis(str name not None):
    """dom_vocab._name_analysis of one id or class name, the same tuple (see there for the rules)."""
    cdef Analysis analysis
    check_configured()
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
    check_configured()
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
    cdef bint capitals = False
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
        end = ascii_name_end(text, start, n, &capitals) if ascii else name_end(kind, data, start, n)
        if end > start:
            if ascii and not capitals:
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
