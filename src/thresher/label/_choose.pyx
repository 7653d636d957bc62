# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""`label.dom`'s `evidence_of`, `prose_flags_of`, `furniture_sources`, `block_weights`, `best_container` and
`words_apart`, compiled: the same answers, faster.

dom.py holds the definition (what reads as prose, what makes a container furniture, what a block weighs); this is a
line-for-line twin of the six functions, the loops over every container and block of a page that choosing its main
content makes. In Python each step of those loops is a handful of interpreted operations; here the indices, the counts
and the weights are C numbers, and only the records' fields and the sets stay Python objects.

The weights are summed in the same order with the same operations (IEEE doubles, no reassociation), so the scores
are the same floats. `configure(module)` reads the tag sets and label kinds from label.dom at import.
tests/test_label_choose_compiled.py holds the twins to the same answers.
"""

from cpython.object cimport PyObject, PyTypeObject
from cpython.unicode cimport Py_UNICODE_ISALNUM
from libc.stdlib cimport free, malloc

cdef extern from "structmember.h":
    ctypedef struct PyMemberDef:
        int type
        Py_ssize_t offset
    int T_OBJECT_EX

cdef extern from "descrobject.h":
    ctypedef struct PyMemberDescrObject:
        PyMemberDef *d_member

cdef extern from "Python.h":
    PyTypeObject *Py_TYPE(object record)
    PyObject *PyDict_GetItem(object mapping, object key)
    void PyObject_GC_UnTrack(void *op)
    int PyUnicode_KIND(object text)
    void *PyUnicode_DATA(object text)
    Py_UCS4 PyUnicode_READ(int kind, const void *data, Py_ssize_t index)
    void PyUnicode_WRITE(int kind, void *data, Py_ssize_t index, Py_UCS4 value)
    object PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)


cdef struct Slot:
    PyTypeObject *cls  # records of exactly this class hold the field at `offset`; NULL: always ask getattr
    Py_ssize_t offset
    PyObject *name  # the field's name, for getattr (kept alive by `slot_names`)


cdef list slot_names = []


cdef Slot slot_of(type cls, str name):
    """Where records of `cls` (a slots dataclass: Block, Container) keep the field `name`. Reading a field through
    getattr looks it up on the class for every record; the loops here read a few fields of every record of a page."""
    cdef Slot slot
    slot.cls = NULL
    slot.offset = 0
    slot_names.append(name)
    slot.name = <PyObject *> name
    descriptor = cls.__dict__.get(name)
    if type(descriptor).__name__ == "member_descriptor":
        member = (<PyMemberDescrObject *> descriptor).d_member
        if member.type == T_OBJECT_EX:
            slot.cls = <PyTypeObject *> cls
            slot.offset = member.offset
    return slot


cdef inline object read(object record, Slot slot):
    """record.<field>: from its slot when the record is of the class the slot was found on, else by getattr (a
    subclass may define the field otherwise; an empty slot raises AttributeError there, as it does in Python)."""
    cdef PyObject *value
    if slot.cls != NULL and Py_TYPE(record) == slot.cls:
        value = (<PyObject **> (<char *> <PyObject *> record + slot.offset))[0]
        if value != NULL:
            return <object> value
    return getattr(record, <str> slot.name)

# label.dom's tables, set by configure().
cdef frozenset never_content_kinds = frozenset(), weak_words = frozenset(), weak_tags = frozenset()
cdef frozenset control_tags = frozenset(), table_cell_tags = frozenset(), prose_tags = frozenset()
cdef frozenset sentence_end_marks = frozenset()
cdef tuple named_prefixes = ("<", "role=")  # evidence words that name a tag or a role, not a class or id


# Where Container and Block records keep the fields read here, set by configure().
cdef Slot c_tag, c_ident, c_hint, c_parent, c_first_block, c_end_block, b_text, b_tag, b_link_density


def configure(module) -> None:
    """Read the tables the functions use, and the record classes, from label.dom (`module`)."""
    global never_content_kinds, weak_words, weak_tags, control_tags, table_cell_tags, prose_tags, sentence_end_marks
    global c_tag, c_ident, c_hint, c_parent, c_first_block, c_end_block, b_text, b_tag, b_link_density
    container, block = module.Container, module.Block
    c_tag, c_ident, c_hint = slot_of(container, "tag"), slot_of(container, "ident"), slot_of(container, "hint")
    c_parent, c_first_block = slot_of(container, "parent"), slot_of(container, "first_block")
    c_end_block = slot_of(container, "end_block")
    b_text, b_tag, b_link_density = slot_of(block, "text"), slot_of(block, "tag"), slot_of(block, "link_density")
    never_content_kinds = frozenset(module.NEVER_CONTENT_KINDS)
    weak_words = frozenset(module.WEAK_WORDS)
    weak_tags = frozenset(module.WEAK_TAGS)
    control_tags = frozenset(module.CONTROL_TAGS)
    table_cell_tags = frozenset(module.TABLE_CELL_TAGS)
    prose_tags = frozenset(module.PROSE_TAGS)
    sentence_end_marks = frozenset(module._SENTENCE_END_MARKS)


cdef inline bint is_weak(str word):
    return word in weak_words or (word.startswith("<") and word[1 : len(word) - 1] in weak_tags)


cdef inline bint ends_like_sentence(str text):
    """dom._ends_like_sentence: the last character before trailing white space is a sentence's closing mark."""
    cdef str stripped = text.rstrip()
    return (stripped[len(stripped) - 1 :] if stripped else "") in sentence_end_marks


# evidence_of's own cache of `evidence`'s answers by (tag, ident, hint), emptied whole when it holds
# EVIDENCE_CACHE_SIZE of them (a crawl's names never end) and by thresher.clear_caches(). Its keys and answers (strings,
# booleans, label members) are off the garbage collector's lists: no cycle can run through them. Behind an lru_cache
# (name_evidence's), they were thousands of tracked tuples a page, every one followed by each young collection while
# the page was cleaned: most of the collector's time on trafilatura-eval.
EVIDENCE_CACHE_SIZE = 16384
cdef dict evidence_cache = {}
cdef object cached_for = None  # the function whose answers the cache holds


def clear_evidence_cache() -> None:
    evidence_cache.clear()


def evidence_size() -> int:
    """How many answers the cache holds (for the tests)."""
    return len(evidence_cache)


def evidence_of(list containers, evidence) -> list:
    cdef list out = []
    cdef tuple key
    cdef PyObject *hit
    global cached_for
    # A function behind functools.lru_cache is asked directly: this cache stands in for its own.
    analyse = getattr(evidence, "__wrapped__", evidence)
    if analyse is not cached_for:
        evidence_cache.clear()
        cached_for = analyse
    for c in containers:
        tag = read(c, c_tag)
        ident = read(c, c_ident)
        hint = read(c, c_hint)
        key = (tag, ident, hint)
        hit = PyDict_GetItem(evidence_cache, key)
        if hit != NULL:
            out.append(<object> hit)
            continue
        found = analyse(tag, ident, hint)
        if len(evidence_cache) >= EVIDENCE_CACHE_SIZE:
            evidence_cache.clear()
        PyObject_GC_UnTrack(<PyObject *> key)
        if type(found) is tuple:
            PyObject_GC_UnTrack(<PyObject *> found)
        evidence_cache[key] = found
        out.append(found)
    return out


def prose_flags_of(list blocks, opts) -> list:
    cdef double min_prose = opts.min_prose_chars, min_sentence = opts.min_sentence_chars
    cdef double max_long_density = opts.max_long_prose_link_density, max_density = opts.max_prose_link_density
    cdef double density, own
    cdef list flags = []
    cdef str text
    for block in blocks:
        if read(block, b_tag) not in prose_tags:
            flags.append(False)
            continue
        density = read(block, b_link_density)
        text = read(block, b_text)
        own = len(text) * (1.0 - density)
        if own >= min_prose:
            flags.append(density <= max_long_density)
        else:
            flags.append(own >= min_sentence and density <= max_density and ends_like_sentence(text))
    return flags


def furniture_sources(
    list containers,
    list evidence,
    list prose_before,
    double min_overruled,
    Py_ssize_t max_weak_blocks,
    layout_words,
    bint weak_names,
) -> list:
    cdef Py_ssize_t count = len(containers), index, parent, first, end
    cdef Py_ssize_t running = prose_before[len(prose_before) - 1]
    cdef Py_ssize_t *furniture_from = <Py_ssize_t *> malloc((count + 1) * sizeof(Py_ssize_t))
    cdef unsigned char *in_content = <unsigned char *> malloc(count + 1)
    cdef bint content, inherited_content
    cdef tuple found
    cdef list out
    if furniture_from == NULL or in_content == NULL:
        free(furniture_from)
        free(in_content)
        raise MemoryError()
    try:
        for index in range(count):
            c = containers[index]
            found = <tuple> evidence[index]
            kind = found[0]
            word = found[1]
            content = found[2]
            parent = read(c, c_parent)
            inherited_content = parent >= 0 and in_content[parent]
            in_content[index] = content or inherited_content
            # _in_never_content: a content name inside a cookie notice or a login box names the box's own text
            if content and not (
                parent >= 0
                and furniture_from[parent] >= 0
                and (<tuple> evidence[furniture_from[parent]])[0] in never_content_kinds
            ):
                furniture_from[index] = -1
                continue
            if kind is not None and word not in layout_words:
                first = read(c, c_first_block)
                end = read(c, c_end_block)
                if not (
                    (not weak_names or inherited_content or end - first >= max_weak_blocks) and is_weak(word)
                ) and (
                    not running
                    or (kind in never_content_kinds and not word.startswith(named_prefixes))
                    or <Py_ssize_t> prose_before[end] - <Py_ssize_t> prose_before[first] < min_overruled
                ):
                    furniture_from[index] = index
                    continue
            furniture_from[index] = furniture_from[parent] if parent >= 0 else -1
        out = [furniture_from[index] for index in range(count)]
    finally:
        free(furniture_from)
        free(in_content)
    return out


def block_weights(
    list blocks,
    list owner,
    list furniture_from,
    list prose_flags,
    list in_body,
    double unmatched_prose_sign,
    opts,
) -> list:
    cdef double body_weight = opts.article_body_weight, furniture_cost = opts.furniture_char_cost
    cdef double link_cost = opts.link_char_cost, max_prose_density = opts.max_prose_link_density
    cdef double short_cost = -opts.short_block_cost, cell_weight = opts.table_cell_char_weight
    cdef Py_ssize_t count = len(blocks), i, n
    cdef double total = 0.0, weight, density
    cdef list prefix = [0.0] * (count + 1)
    cdef set seen_prose = set()
    cdef str text
    for i in range(count):
        block = blocks[i]
        text = read(block, b_text)
        n = len(text)
        density = read(block, b_link_density)
        if in_body[i]:
            weight = n * body_weight
        elif <Py_ssize_t> furniture_from[<Py_ssize_t> owner[i]] >= 0 or read(block, b_tag) in control_tags:
            weight = -n * furniture_cost
        elif prose_flags[i]:
            if text in seen_prose:
                weight = 0.0
            else:
                seen_prose.add(text)
                weight = n * (1.0 - density) * unmatched_prose_sign
        elif density > max_prose_density:
            weight = -n * density * link_cost
        elif read(block, b_tag) in table_cell_tags:
            weight = n * cell_weight
        else:
            weight = short_cost
        total += weight
        prefix[i + 1] = total
    return prefix


def best_container(list containers, list prefix) -> tuple:
    cdef Py_ssize_t best = -1, index, first, end
    cdef double best_score = 0.0, score
    for index in range(len(containers)):
        c = containers[index]
        end = read(c, c_end_block)
        first = read(c, c_first_block)
        if end <= first:
            continue
        score = <double> prefix[end] - <double> prefix[first]
        if score > 0 and score >= best_score:
            best = index
            best_score = score
    return best, best_score


cdef inline bint is_word(Py_UCS4 ch):
    """The re module's \\w on str patterns: a letter, a digit or a number of any script, or the underscore."""
    if ch < 128:
        return (u'0' <= ch <= u'9') or (u'a' <= ch <= u'z') or (u'A' <= ch <= u'Z') or ch == u'_'
    return Py_UNICODE_ISALNUM(ch)


def words_apart(str text) -> str:
    cdef Py_ssize_t length = len(text), i, out = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    cdef Py_UCS4 ch
    cdef bint gap = False
    # The words never hold more characters than the text, nor a wider one: the buffer takes the text's kind.
    cdef void *buffer = malloc(length * kind + 1)
    if buffer == NULL:
        raise MemoryError()
    try:
        for i in range(length):
            ch = PyUnicode_READ(kind, data, i)
            if is_word(ch):
                if gap and out:
                    PyUnicode_WRITE(kind, buffer, out, 32)
                    out += 1
                gap = False
                PyUnicode_WRITE(kind, buffer, out, ch)
                out += 1
            else:
                gap = True
        return PyUnicode_FromKindAndData(kind, buffer, out)
    finally:
        free(buffer)
