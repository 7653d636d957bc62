# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""The DOM walk of `segment.html.walk_blocks`, compiled: the same blocks and containers, about five times faster.

The Python walk spends most of its time asking selectolax for one node after another: every `node.next`,
`node.tag_id` and `node.text_content` builds a Python object. Here the walk reads lexbor's tree directly. selectolax
gives each node's address (`LexborNode.mem_id`) and exports lexbor's functions from its extension module; the few
fields read (a node's links, its tag id and type, a text node's characters, an element's attribute list) are declared
below as lexbor lays them out. `probe()` checks that layout against selectolax's own answers on a small page before
the walk is ever used: on any mismatch (another lexbor, another platform) thresher keeps the Python walk.

Text is gathered as UTF-8 bytes and decoded once per block; everything a block's text goes through after that (white
space folding, link characters, the Block and Container records) is the Python walk's own code, so the two walks
agree block for block. tests/test_html_walk_compiled.py holds them to it.
"""

from dataclasses import fields as fields_of

from libc.stdint cimport uint64_t, uintptr_t
from libc.stdlib cimport calloc, free, malloc, realloc
from libc.string cimport memchr, memcmp, memcpy, strlen
from cpython.object cimport PyObject, PyTypeObject
from cpython.ref cimport Py_DECREF, Py_INCREF
from cpython.unicode cimport PyUnicode_DecodeASCII, PyUnicode_DecodeUTF8

cdef extern from "structmember.h":
    ctypedef struct PyMemberDef:
        int type
        Py_ssize_t offset
    int T_OBJECT_EX

cdef extern from "Python.h":
    PyObject *PyType_GenericAlloc(PyTypeObject *type, Py_ssize_t nitems) except NULL
    void PyObject_GC_UnTrack(void *op)

cdef extern from "descrobject.h":
    ctypedef struct PyMemberDescrObject:
        PyMemberDef *d_member

cdef extern from "<dlfcn.h>" nogil:
    void *dlopen(const char *filename, int flags)
    void *dlsym(void *handle, const char *symbol)
    int RTLD_NOW
    int RTLD_NOLOAD

cdef extern from "<time.h>" nogil:
    ctypedef long time_t
    struct timespec:
        time_t tv_sec
        long tv_nsec
    int clock_gettime(int clk_id, timespec *tp)
    int CLOCK_MONOTONIC

cdef extern from *:
    """
    /* lexbor's node, character data, element and attribute, as far as the walk reads them (lexbor/dom/interfaces). */
    typedef struct th_node {
        void *events;
        uintptr_t local_name;
        uintptr_t prefix;
        uintptr_t ns;
        void *owner_document;
        struct th_node *next;
        struct th_node *prev;
        struct th_node *parent;
        struct th_node *first_child;
        struct th_node *last_child;
        void *user;
        int type;
    } th_node;
    typedef struct { unsigned char *data; size_t length; } th_str;
    typedef struct { th_node node; th_str data; } th_chardata;
    struct th_element;
    typedef struct th_attr {
        th_node node;
        uintptr_t upper_name;
        uintptr_t qualified_name;
        th_str *value;
        struct th_element *owner;
        struct th_attr *next;
        struct th_attr *prev;
    } th_attr;
    typedef struct th_element {
        th_node node;
        uintptr_t upper_name;
        uintptr_t qualified_name;
        th_str *is_value;
        th_attr *first_attr;
        th_attr *last_attr;
    } th_element;
    typedef const unsigned char *(*th_element_name_fn)(th_element *, size_t *);
    typedef const unsigned char *(*th_attr_name_fn)(th_attr *, size_t *);
    """
    ctypedef struct th_node:
        uintptr_t local_name
        uintptr_t ns
        th_node *next
        th_node *parent
        th_node *first_child
        int type
    ctypedef struct th_str:
        unsigned char *data
        size_t length
    ctypedef struct th_chardata:
        th_node node
        th_str data
    ctypedef struct th_element
    ctypedef struct th_attr:
        th_node node
        uintptr_t qualified_name
        th_str *value
        th_element *owner
        th_attr *next
    ctypedef struct th_element:
        th_node node
        th_attr *first_attr
    ctypedef const unsigned char *(*th_element_name_fn)(th_element *, size_t *)
    ctypedef const unsigned char *(*th_attr_name_fn)(th_attr *, size_t *)

DEF NODE_ELEMENT = 1
DEF NODE_TEXT = 3
DEF TAG_TEXT = 2  # lexbor's LXB_TAG__TEXT
DEF CACHED_TAG_IDS = 4096  # standard tags have small fixed ids; a custom element's id is a per-page pointer
# Kinds, as in segment.html.
DEF INLINE = 0
DEF BLOCK = 1
DEF BREAK = 2
DEF LINK = 3
DEF SKIP = 4
# Tag flags kept beside the kind.
DEF F_HEADING = 1
DEF F_PRE = 2
DEF F_NAMELESS = 4
DEF F_INVISIBLE = 8  # never visible: script, style, svg, ... (its whole subtree is skipped)
DEF F_NEVER_HIDDEN = 16  # html, body: a hidden attribute there is an anti-flicker trick, not hidden content
DEF F_INPUT = 32  # input: hidden by type="hidden"

cdef th_element_name_fn element_name_fn = NULL
cdef th_attr_name_fn attr_name_fn = NULL
cdef bint ready = False

# segment.html's own pieces, set once by `configure`: the records the walk builds and the rules it shares with the
# Python walk (the tag tables below are cached from `tag_kind` and `flags_of`, so these never change after).
cdef object block_type = None, body_role = None, container_type = None
cdef object make_text = None, ident_of = None, tag_kind = None, flags_of = None
cdef tuple hidden_style_fragments = ()  # bytes; an inline style holding one hides its element

# Per tag id below CACHED_TAG_IDS: kind + 8 * flags, or -1 while unknown; and the tag's name.
cdef int tag_code[CACHED_TAG_IDS]
cdef list tag_names = [None] * CACHED_TAG_IDS
for _i in range(CACHED_TAG_IDS):
    tag_code[_i] = -1


cdef double monotonic() noexcept nogil:
    cdef timespec ts
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return ts.tv_sec + ts.tv_nsec * 1e-9


cdef inline str decode(const unsigned char *data, size_t length):
    # selectolax's own policy: lexbor passes bytes it could not decode through, and they become U+FFFD.
    return PyUnicode_DecodeUTF8(<const char *> data, length, "replace")


def bind(str library_path):
    """Find lexbor's name functions in selectolax's (already loaded) extension module; False when they are absent."""
    global element_name_fn, attr_name_fn
    cdef bytes path = library_path.encode()
    cdef void *handle = dlopen(path, RTLD_NOW | RTLD_NOLOAD)
    if handle == NULL:
        return False
    element_name_fn = <th_element_name_fn> dlsym(handle, b"lxb_dom_element_qualified_name")
    attr_name_fn = <th_attr_name_fn> dlsym(handle, b"lxb_dom_attr_qualified_name")
    return element_name_fn != NULL and attr_name_fn != NULL


DEF MAX_RECORD_FIELDS = 16


cdef class RecordMaker:
    """Builds instances of a slots dataclass (Block, Container) by writing its slots directly: the generated
    `__init__` is a Python function, and the walk makes hundreds of records a page. Usable only when every field is
    a plain object slot (`usable`); `configure` checks it builds what the class's own constructor builds."""

    cdef PyTypeObject *cls
    cdef object cls_object
    cdef Py_ssize_t offsets[MAX_RECORD_FIELDS]
    cdef Py_ssize_t count
    cdef readonly bint usable

    def __cinit__(self, type cls, tuple fields):
        self.cls_object = cls
        self.cls = <PyTypeObject *> cls
        self.count = len(fields)
        # Every slot a field, and the class allocated as `object` allocates (no __new__ of its own).
        self.usable = (
            0 < self.count <= MAX_RECORD_FIELDS and tuple(getattr(cls, "__slots__", ())) == fields
            and cls.__new__ is object.__new__ and (<PyTypeObject *> cls).tp_itemsize == 0
        )
        if not self.usable:
            return
        for i, name in enumerate(fields):
            descriptor = cls.__dict__.get(name)
            if type(descriptor).__name__ != "member_descriptor":
                self.usable = False
                return
            member = (<PyMemberDescrObject *> descriptor).d_member
            if member.type != T_OBJECT_EX:
                self.usable = False
                return
            self.offsets[i] = member.offset

    cdef object make(self, PyObject **values):
        """A record holding `values` (one per field, in order; borrowed references), or the class called with them."""
        cdef Py_ssize_t i
        cdef PyObject *made
        if not self.usable:
            return self.cls_object(*[<object> values[i] for i in range(self.count)])
        made = PyType_GenericAlloc(self.cls, 0)  # zeroed, as the class's own allocation (a dataclass's is this)
        for i in range(self.count):
            Py_INCREF(<object> values[i])
            (<PyObject **> (<char *> made + self.offsets[i]))[0] = values[i]
        # Off the garbage collector's lists: a Block or Container holds strings, numbers, enum members and a list of
        # string pairs, so it can be part of no reference cycle, and reference counting frees it. Tracked, the
        # hundreds of records of a page were walked by every young collection that ran while the page was
        # cleaned (5% of a trafilatura-eval page's time).
        PyObject_GC_UnTrack(made)
        record = <object> made
        Py_DECREF(record)  # the allocation's own reference: `record` holds one now
        return record

    def make_from(self, tuple values):
        """`make` for Python callers (the probe in configure and the tests)."""
        cdef PyObject *pointers[MAX_RECORD_FIELDS]
        if len(values) != self.count:
            raise ValueError("one value per field")
        for i in range(self.count):
            pointers[i] = <PyObject *> values[i]
        return self.make(pointers)


cdef RecordMaker block_maker = None, container_maker = None
cdef object NO_LINKS = 0.0, ALL_LINKS = 1.0  # a block's link density at its two ends


def _maker_for(type cls, tuple fields, tuple sample):
    """A RecordMaker for `cls`, writing slots only when that builds what `cls(*sample)` builds (else it calls the
    class)."""
    cdef RecordMaker maker = RecordMaker(cls, fields)
    if maker.usable and maker.make_from(sample) != cls(*sample):
        maker.usable = False
    return maker


def records_built_in_place():
    """(Block, Container): whether the walk writes each record's slots itself rather than calling the class."""
    return block_maker is not None and block_maker.usable, container_maker is not None and container_maker.usable


def configure(block, role, container, text_of, ident_from, kind_of_tag, flags_of_tag, tuple style_fragments):
    """Hand the walk segment.html's pieces: the Block and Container types, the BODY role, and the functions
    `make_text(raw, pre) -> (text, visible chars) | None`, `ident_of(id, class, role, itemprop) -> (ident, hint)`,
    `tag_kind(name) -> kind`, `flags_of(name) -> flags`, and the inline-style fragments
    (str) that hide an element."""
    global block_type, body_role, container_type, make_text, ident_of, tag_kind, flags_of, hidden_style_fragments
    global block_maker, container_maker
    block_type, body_role, container_type = block, role, container
    block_maker = _maker_for(
        block, tuple(f.name for f in fields_of(block)), (7, "text", role, None, None, None, None, None, "p", 0.5, 3, None)
    )
    container_maker = _maker_for(container, tuple(f.name for f in fields_of(container)), ("div", "#a", -1, 0, 1, 2, "main"))
    make_text, ident_of, tag_kind, flags_of = text_of, ident_from, kind_of_tag, flags_of_tag
    hidden_style_fragments = tuple(fragment.encode() for fragment in style_fragments)


def enable(bint on):
    global ready
    ready = on and element_name_fn != NULL and attr_name_fn != NULL and block_type is not None


cdef inline bint name_is(const unsigned char *name, size_t length, const char *want, size_t want_length) noexcept:
    return length == want_length and memcmp(name, want, length) == 0


# What an attribute's name is to the walk.
DEF A_OTHER = 0
DEF A_ID = 1
DEF A_CLASS = 2
DEF A_ROLE = 3
DEF A_ITEMPROP = 4
DEF A_HREF = 5
DEF A_HIDDEN = 6
DEF A_ARIA_HIDDEN = 7
DEF A_STYLE = 8
DEF A_TYPE = 9
DEF NAME_SLOTS = 256  # a power of two
DEF NAME_PROBES = 8  # slots tried before a name is looked up uncached


cdef struct AttrNames:
    # One walk's memo of attribute names by lexbor's name id. Asking lexbor for a name follows the document to its
    # name table on every attribute; the id (a fixed number for a standard name, the address of the document's table
    # entry for any other) names the same attribute throughout one document's walk. Key 0: an empty slot.
    uintptr_t keys[NAME_SLOTS]
    unsigned char kinds[NAME_SLOTS]


# The names the walk tells apart, in the order of the A_ kinds (A_ID = 1 + the index of "id").
cdef const char *WALK_NAMES[9]
WALK_NAMES[:] = [b"id", b"class", b"role", b"itemprop", b"href", b"hidden", b"aria-hidden", b"style", b"type"]


cdef unsigned char kind_among(th_attr *attr, const char **names, unsigned char count) noexcept:
    """The attribute's name, read from lexbor, as 1 + its index in `names`; 0 for any other name."""
    cdef size_t length = 0
    cdef const unsigned char *name = attr_name_fn(attr, &length)
    cdef unsigned char i
    if name == NULL:
        return 0
    for i in range(count):
        if name_is(name, length, names[i], strlen(names[i])):
            return i + 1
    return 0


cdef inline unsigned char name_kind(th_attr *attr) noexcept:
    """The attribute's name as one of the A_ kinds."""
    return kind_among(attr, WALK_NAMES, 9)


cdef unsigned char attr_kind(AttrNames *names, th_attr *attr) noexcept:
    """`name_kind`, memoised in `names` (NULL: not memoised) by the id lexbor reads the name by (see
    lxb_dom_attr_qualified_name: the qualified name's id when there is one, else the local name's)."""
    cdef uintptr_t key = attr.qualified_name if attr.qualified_name != 0 else attr.node.local_name
    cdef size_t slot
    cdef int probe
    cdef unsigned char kind
    if names == NULL or key == 0:
        return name_kind(attr)
    slot = <size_t> ((key * <uintptr_t> 0x9E3779B97F4A7C15ULL) >> (sizeof(uintptr_t) * 8 - 8)) & (NAME_SLOTS - 1)
    for probe in range(NAME_PROBES):
        if names.keys[slot] == key:
            return names.kinds[slot]
        if names.keys[slot] == 0:
            kind = name_kind(attr)
            names.keys[slot] = key
            names.kinds[slot] = kind
            return kind
        slot = (slot + 1) & (NAME_SLOTS - 1)
    return name_kind(attr)


cdef object attr_value(th_attr *attr):
    if attr.value == NULL or attr.value.data == NULL:
        return None
    return decode(attr.value.data, attr.value.length)


cdef void find_naming_attributes(AttrNames *names, th_node *node, th_attr **found) noexcept:
    """The element's id, class, role and itemprop attributes into found[0..3] (NULL where absent); the last of each
    when one is written twice, as in selectolax's `attributes` dict."""
    cdef th_attr *attr = (<th_element *> node).first_attr
    cdef unsigned char kind
    found[0] = found[1] = found[2] = found[3] = NULL
    while attr != NULL:
        kind = attr_kind(names, attr)
        if A_ID <= kind <= A_ITEMPROP:
            found[kind - A_ID] = attr
        attr = attr.next


cdef inline object found_value(th_attr *attr):
    return attr_value(attr) if attr != NULL else None


cdef tuple naming_attributes(AttrNames *names, th_node *node):
    """(id, class, role, itemprop, any attribute at all) of an element, as selectolax's `attributes` dict gives them."""
    cdef th_attr *found[4]
    find_naming_attributes(names, node, found)
    return (found_value(found[0]), found_value(found[1]), found_value(found[2]), found_value(found[3]),
            (<th_element *> node).first_attr != NULL)


cdef object href_of(AttrNames *names, th_node *node):
    """The element's href, as `attributes.get("href")` gives it (the last one written wins, as in a dict)."""
    cdef th_attr *attr = (<th_element *> node).first_attr
    href = None
    while attr != NULL:
        if attr_kind(names, attr) == A_HREF:
            href = attr_value(attr)
        attr = attr.next
    return href


def probe(size_t div_id, size_t p_id, size_t text_id, size_t link_id, size_t body_id, str text, str href, str ident):
    """True when lexbor's tree, read through the declarations above, says what selectolax says of the same nodes.

    The page is `<body><div id=... class=...><p>TEXT<a href=...>...</a></p></div></body>`; the ids are mem_ids.
    Pointers are compared before any is followed, so a foreign layout fails here instead of reading astray.
    """
    cdef th_node *div = <th_node *> div_id
    cdef th_node *p = <th_node *> p_id
    cdef th_node *t = <th_node *> text_id
    if div.type != NODE_ELEMENT or div.first_child != p or p.parent != div or div.parent != <th_node *> body_id:
        return False
    if p.first_child != t or t.parent != p or t.next != <th_node *> link_id or t.local_name != TAG_TEXT:
        return False
    cdef th_chardata *chars = <th_chardata *> t
    if decode(chars.data.data, chars.data.length) != text:
        return False
    cdef th_attr *first = (<th_element *> div).first_attr
    if first == NULL or first.owner != <th_element *> div:
        return False
    if href_of(NULL, <th_node *> link_id) != href:
        return False
    found = naming_attributes(NULL, div)
    return found[0] == ident


cdef inline bint is_ascii_space(unsigned char c) noexcept:
    """str.isspace on an ASCII character (str.split() splits at these)."""
    return c == 0x20 or 0x09 <= c <= 0x0D or 0x1C <= c <= 0x1F


cdef inline Py_ssize_t space_length(const unsigned char *s, Py_ssize_t left) noexcept:
    """Bytes of the white-space character at `s` (Python's str.isspace set), or 0 when it is not white space."""
    cdef unsigned char c = s[0]
    if c < 0x80:
        return 1 if is_ascii_space(c) else 0
    if c == 0xC2:
        return 2 if left >= 2 and (s[1] == 0x85 or s[1] == 0xA0) else 0
    if c == 0xE1:
        return 3 if left >= 3 and s[1] == 0x9A and s[2] == 0x80 else 0
    if c == 0xE2 and left >= 3:
        if s[1] == 0x80 and (s[2] <= 0x8A or s[2] == 0xA8 or s[2] == 0xA9 or s[2] == 0xAF) and s[2] >= 0x80:
            return 3
        if s[1] == 0x81 and s[2] == 0x9F:
            return 3
        return 0
    if c == 0xE3:
        return 3 if left >= 3 and s[1] == 0x80 and s[2] == 0x80 else 0
    return 0


cdef extern from *:
    """
    /* Eight bytes at a time, read into an integer with memcpy: where a run of visible ASCII ends. The test below
       marks the first byte outside 0x21-0x7E exactly only when the first byte in memory is the integer's lowest. */
    #if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && (defined(__GNUC__) || defined(__clang__))
    #define TH_VISIBLE_RUN_BY_WORDS 1
    #define th_first_marked_byte(marks) (__builtin_ctzll(marks) >> 3)
    #else
    #define TH_VISIBLE_RUN_BY_WORDS 0
    #define th_first_marked_byte(marks) 0
    #endif
    """
    bint VISIBLE_RUN_BY_WORDS "TH_VISIBLE_RUN_BY_WORDS"
    Py_ssize_t first_marked_byte "th_first_marked_byte" (uint64_t marks) noexcept nogil


# The high bit of each of eight bytes, and 1 in each (times a byte value: that byte in each place). C constants: as
# Cython DEFs numbers this wide become Python ints.
cdef uint64_t HIGH_BITS = 0x8080808080808080ULL
cdef uint64_t ONES = 0x0101010101010101ULL


cdef Py_ssize_t fold_spaces(const unsigned char *src, Py_ssize_t n, unsigned char *dst, Py_ssize_t *visible) noexcept:
    """`" ".join(text.split())` on UTF-8 bytes: writes the folded text to `dst` (room for `n` bytes), returns its
    length, and sets `visible` to its count of characters that are not spaces (code points, not bytes)."""
    cdef Py_ssize_t i = 0, out = 0, count = 0, width, start, run
    cdef bint gap = False
    cdef unsigned char c
    cdef uint64_t chunk, ends
    while i < n:
        c = src[i]
        if 0x20 < c < 0x80:
            # A run of visible ASCII, most of any page's text: copied whole, one character per byte.
            if gap:
                dst[out] = 0x20
                out += 1
                gap = False
            start = i
            if VISIBLE_RUN_BY_WORDS:
                # Eight bytes copied at a time (room: the output never runs ahead of the input), and the run's end
                # found among them; the bytes copied past it are overwritten or lie beyond the result.
                while i + 8 <= n:
                    memcpy(&chunk, src + i, 8)
                    memcpy(dst + out, &chunk, 8)
                    ends = ((chunk - ONES * 0x21) | chunk) & HIGH_BITS
                    if ends:
                        run = first_marked_byte(ends)
                        i += run
                        out += run
                        break
                    i += 8
                    out += 8
                if i + 8 <= n or i == n:
                    count += i - start
                    continue
                c = src[i]
                if not 0x20 < c < 0x80:
                    count += i - start
                    continue
            while True:
                # Copied as it is read: runs are words, too short for a memcpy call to pay.
                dst[out] = c
                out += 1
                i += 1
                if i == n:
                    break
                c = src[i]
                if not 0x20 < c < 0x80:
                    break
            count += i - start
            continue
        if is_ascii_space(c):
            # A run of ASCII white space (the indentation between tags): one gap, however long.
            gap = out > 0
            i += 1
            while i < n and is_ascii_space(src[i]):
                i += 1
            continue
        width = space_length(src + i, n - i)
        if width:
            gap = out > 0
            i += width
            continue
        if gap:
            dst[out] = 0x20
            out += 1
            gap = False
        c = src[i]
        dst[out] = c
        out += 1
        if (c & 0xC0) != 0x80:
            count += 1
        i += 1
    visible[0] = count
    return out


cdef inline bint is_ascii(const unsigned char *text, size_t length) noexcept:
    cdef size_t i
    for i in range(length):
        if text[i] >= 0x80:
            return False
    return True


cdef inline void lower_ascii(unsigned char *text, Py_ssize_t length) noexcept:
    cdef Py_ssize_t i
    for i in range(length):
        if 0x41 <= text[i] <= 0x5A:
            text[i] |= 0x20


cdef int append_class_part(Buffer out, const unsigned char *cls, size_t length) except -1:
    """`"." + ".".join(cls.split())` of an ASCII class attribute (a blank one gives ".")."""
    cdef size_t i = 0, start
    out.append(b".", 1)
    cdef bint first = True
    while i < length:
        if is_ascii_space(cls[i]):
            i += 1
            continue
        start = i
        while i < length and not is_ascii_space(cls[i]):
            i += 1
        if not first:
            out.append(b".", 1)
        out.append(cls + start, i - start)
        first = False
    return 0


cdef inline bint contains(const unsigned char *text, size_t length, const char *part, size_t part_length) noexcept:
    cdef size_t i
    if length < part_length:
        return False
    for i in range(length - part_length + 1):
        if text[i] == part[0] and memcmp(text + i, part, part_length) == 0:
            return True
    return False


cdef inline bint is_hidden_word(const unsigned char *value, size_t length) noexcept:
    """"hidden" in any ASCII case (lexbor's selector engine matches the type attribute so)."""
    cdef size_t i
    if length != 6:
        return False
    for i in range(6):
        if (value[i] | 0x20) != b"hidden"[i]:
            return False
    return True


cdef bint hidden_by_attribute(AttrNames *names, th_node *node, bint is_input) except -1:
    """What segment.html.HIDDEN_SELECTOR matches: [hidden], [aria-hidden="true"], an inline style holding one of
    HIDDEN_STYLE_FRAGMENTS (case-sensitive, as lexbor's selector engine matches them), input[type="hidden"] (in any
    case)."""
    cdef th_attr *attr = (<th_element *> node).first_attr
    cdef const unsigned char *value
    cdef size_t value_length
    cdef unsigned char kind
    cdef bytes fragment
    while attr != NULL:
        kind = attr_kind(names, attr)
        if kind == A_HIDDEN:
            return True
        if kind >= A_ARIA_HIDDEN and attr.value != NULL and attr.value.data != NULL:
            value = attr.value.data
            value_length = attr.value.length
            if kind == A_ARIA_HIDDEN:
                if value_length == 4 and memcmp(value, b"true", 4) == 0:
                    return True
            elif kind == A_TYPE:
                if is_input and is_hidden_word(value, value_length):
                    return True
            else:  # A_STYLE
                for fragment in hidden_style_fragments:
                    if contains(value, value_length, fragment, len(fragment)):
                        return True
        attr = attr.next
    return False


cdef int tag_code_of(th_node *node) except -2:
    """Kind + 8 * flags of an element; fills the name cache for standard tags."""
    cdef uintptr_t tag_id = node.local_name
    cdef int code
    if tag_id < CACHED_TAG_IDS:
        code = tag_code[tag_id]
        if code >= 0:
            return code
    name = element_name(node)
    code = tag_kind(name) + 8 * flags_of(name)
    if tag_id < CACHED_TAG_IDS:
        tag_code[tag_id] = code
        tag_names[tag_id] = name
    return code


cdef str element_name(th_node *node):
    cdef size_t length = 0
    cdef const unsigned char *name = element_name_fn(<th_element *> node, &length)
    return decode(name, length) if name != NULL else ""


cdef inline str tag_name_of(th_node *node):
    if node.local_name < CACHED_TAG_IDS:
        return tag_names[node.local_name]
    return element_name(node)


cdef struct Frame:
    th_node *node
    Py_ssize_t index  # container index, -1 for an inline element
    Py_ssize_t start  # link: byte offset where its text starts; -1 none; SPACE_AFTER for a block inside a heading

DEF SPACE_AFTER = -2


cdef void *resized(void *memory, size_t size) except NULL:
    """realloc, or MemoryError (the old block stays owned by the caller, freed by its destructor)."""
    cdef void *grown = realloc(memory, size)
    if grown == NULL:
        raise MemoryError()
    return grown


cdef inline Frame *push(Frame **stack, Py_ssize_t *depth, Py_ssize_t *capacity, th_node *node) except NULL:
    """A new frame on top of the walk's stack (grown as needed), for `node`, as an inline element's."""
    if depth[0] == capacity[0]:
        capacity[0] *= 2
        stack[0] = <Frame *> resized(stack[0], capacity[0] * sizeof(Frame))
    cdef Frame *frame = stack[0] + depth[0]
    depth[0] += 1
    frame.node = node
    frame.index = -1
    frame.start = -1
    return frame


cdef class Buffer:
    """The text gathered for the next block, as UTF-8 bytes."""
    cdef unsigned char *data
    cdef Py_ssize_t length, capacity

    def __cinit__(self):
        self.capacity = 4096
        self.length = 0
        self.data = <unsigned char *> malloc(self.capacity)
        if self.data == NULL:
            raise MemoryError()

    def __dealloc__(self):
        free(self.data)

    cdef int append(self, const unsigned char *text, size_t length) except -1:
        cdef Py_ssize_t need = self.length + <Py_ssize_t> length
        if need > self.capacity:
            while self.capacity < need:
                self.capacity *= 2
            self.data = <unsigned char *> resized(self.data, self.capacity)
        memcpy(self.data + self.length, text, length)
        self.length = need
        return 0

    cdef str text(self, Py_ssize_t start):
        return decode(self.data + start, self.length - start)


cdef class Containers:
    """The container table while the walk runs: C arrays, turned into `Container` records at the end."""
    cdef Py_ssize_t *parent
    cdef Py_ssize_t *depth
    cdef Py_ssize_t *first_block
    cdef Py_ssize_t *end_block
    cdef int *flags
    cdef Py_ssize_t count, capacity
    cdef list tags, idents, hints

    def __cinit__(self):
        self.capacity = 256
        self.count = 0
        self.parent = <Py_ssize_t *> malloc(self.capacity * sizeof(Py_ssize_t))
        self.depth = <Py_ssize_t *> malloc(self.capacity * sizeof(Py_ssize_t))
        self.first_block = <Py_ssize_t *> malloc(self.capacity * sizeof(Py_ssize_t))
        self.end_block = <Py_ssize_t *> malloc(self.capacity * sizeof(Py_ssize_t))
        self.flags = <int *> malloc(self.capacity * sizeof(int))
        if not (self.parent and self.depth and self.first_block and self.end_block and self.flags):
            raise MemoryError()
        self.tags, self.idents, self.hints = [], [], []

    def __dealloc__(self):
        free(self.parent)
        free(self.depth)
        free(self.first_block)
        free(self.end_block)
        free(self.flags)

    cdef int grow(self) except -1:
        cdef Py_ssize_t capacity = self.capacity * 2
        self.parent = <Py_ssize_t *> resized(self.parent, capacity * sizeof(Py_ssize_t))
        self.depth = <Py_ssize_t *> resized(self.depth, capacity * sizeof(Py_ssize_t))
        self.first_block = <Py_ssize_t *> resized(self.first_block, capacity * sizeof(Py_ssize_t))
        self.end_block = <Py_ssize_t *> resized(self.end_block, capacity * sizeof(Py_ssize_t))
        self.flags = <int *> resized(self.flags, capacity * sizeof(int))
        self.capacity = capacity
        return 0

    cdef Py_ssize_t add(self, str tag, Py_ssize_t parent, Py_ssize_t depth, Py_ssize_t first_block, int flags) except -1:
        if self.count == self.capacity:
            self.grow()
        cdef Py_ssize_t index = self.count
        self.parent[index] = parent
        self.depth[index] = depth
        self.first_block[index] = first_block
        self.end_block[index] = first_block
        self.flags[index] = flags
        self.tags.append(tag)
        self.idents.append("")
        self.hints.append("")
        self.count += 1
        return index

    cdef void pop(self):
        self.count -= 1
        self.tags.pop()
        self.idents.pop()
        self.hints.pop()


cdef class Walk:
    """One page's walk: the state the Python walk keeps in local variables."""
    cdef Buffer parts
    cdef Buffer folded  # scratch: gathered text with its white space folded
    cdef Buffer names  # scratch: a container's ident or hint being built
    cdef Containers containers
    cdef list blocks, owners
    cdef Py_ssize_t link_chars, link_start
    cdef list links  # the gathered text's (anchor, href) pairs; None until it has one (most blocks never do)
    cdef int pre_depth
    cdef AttrNames *attr_names

    def __cinit__(self):
        self.attr_names = <AttrNames *> calloc(1, sizeof(AttrNames))
        if self.attr_names == NULL:
            raise MemoryError()
        self.parts = Buffer()
        self.folded = Buffer()
        self.names = Buffer()
        self.containers = Containers()
        self.blocks, self.owners, self.links = [], [], None
        self.link_chars = 0
        self.link_start = -1
        self.pre_depth = 0

    def __dealloc__(self):
        free(self.attr_names)

    cdef Py_ssize_t fold(self, Py_ssize_t start, Py_ssize_t *visible) except -1:
        """Fold the gathered text from byte `start` into `folded`; return its length."""
        cdef Py_ssize_t n = self.parts.length - start
        if n > self.folded.capacity:
            self.folded.length = 0
            self.folded.append(self.parts.data, n)  # grows the scratch buffer
        return fold_spaces(self.parts.data + start, n, self.folded.data, visible)

    cdef int close_link_text(self) except -1:
        """The open link's text gathered so far counts as link text of the block being closed."""
        cdef Py_ssize_t visible = 0
        if self.link_start >= 0:
            self.fold(self.link_start, &visible)
            self.link_chars += visible
        return 0

    cdef int flush(self, Py_ssize_t owner, bint pre) except -1:
        """Close the gathered text as one block of `owner` (none when it is only white space), then start afresh."""
        cdef Py_ssize_t length, visible = 0
        cdef str raw
        if self.parts.length:
            if pre:
                raw = self.parts.text(0)
                if not raw.isspace():
                    self.close_link_text()
                    made = make_text(raw, True)
                    if made is not None:
                        self.add_block(made[0], made[1], owner)
            else:
                length = self.fold(0, &visible)
                if length:
                    text = decode(self.folded.data, length)
                    self.close_link_text()
                    self.add_block(text, visible, owner)
            if self.link_start >= 0:
                self.link_start = 0
            self.parts.length = 0
            self.link_chars = 0
            self.links = None
        return 0

    cdef int close_link(self, th_node *link) except -1:
        """A link ends: its folded text counts as link characters, and (text, href) joins the block's links."""
        cdef Py_ssize_t length, visible = 0
        length = self.fold(self.link_start, &visible)
        if length:
            self.link_chars += visible
            href = href_of(self.attr_names, link)
            if href:
                if self.links is None:
                    self.links = []
                pair = (decode(self.folded.data, length), href)
                # Two strings: what the collector would find on its first look at the tuple, and untrack it then.
                PyObject_GC_UnTrack(<PyObject *> pair)
                self.links.append(pair)
        self.link_start = -1
        return 0

    cdef int add_block(self, str text, Py_ssize_t chars, Py_ssize_t owner) except -1:
        cdef Py_ssize_t parent = self.containers.parent[owner]
        cdef double density = self.link_chars / <double> chars
        cdef list blocks = self.blocks
        cdef PyObject *values[12]
        cdef object index, tag, link_density, group, links  # Python objects: the record holds them
        index, tag = len(blocks), self.containers.tags[owner]
        # Most blocks hold no link and some are all link: those share one float object.
        link_density = NO_LINKS if self.link_chars == 0 else ALL_LINKS if density >= 1.0 else density
        group = parent if parent >= 0 else owner
        # The block's links as a tuple of (anchor, href) pairs, off the collector's lists like the pairs: it holds
        # only them (a list, being mutable, would have to stay tracked, one for each linked block).
        links = None if self.links is None else tuple(self.links)
        if links is not None:
            PyObject_GC_UnTrack(<PyObject *> links)
        # Block's fields in order: index, text, role, label, reason, language, line_no, path, tag, link_density, group,
        # links.
        values[0], values[1], values[2] = <PyObject *> index, <PyObject *> text, <PyObject *> body_role
        values[3] = values[4] = values[5] = values[6] = values[7] = <PyObject *> None
        values[8], values[9], values[10], values[11] = (
            <PyObject *> tag, <PyObject *> link_density, <PyObject *> group, <PyObject *> links
        )
        blocks.append(block_maker.make(values))
        self.owners.append(owner)
        return 0

    cdef int name_container(self, Py_ssize_t index, th_node *node) except -1:
        cdef th_attr *attr = (<th_element *> node).first_attr
        if attr == NULL:
            return 0
        if self.ascii_names(index, node):
            return 0
        ident, cls, role, prop, any_attr = naming_attributes(self.attr_names, node)
        self.containers.idents[index], self.containers.hints[index] = ident_of(ident, cls, role, prop)
        return 0

    cdef bint ascii_names(self, Py_ssize_t index, th_node *node) except -1:
        """segment.html._ident_of in C for an element whose naming attributes are all ASCII (nearly every one):
        "#id.class1.class2" and "role itemprop", lower-cased. False, having set nothing, when one is not ASCII:
        lower-casing and splitting other text are Python's to do."""
        cdef th_attr *found[4]
        cdef th_attr *attr
        cdef th_str *values[4]  # id, class, role, itemprop values, NULL where absent or valueless
        cdef int which
        find_naming_attributes(self.attr_names, node, found)
        for which in range(4):
            attr = found[which]
            values[which] = attr.value if attr != NULL and attr.value != NULL and attr.value.data != NULL else NULL
            if values[which] != NULL and not is_ascii(values[which].data, values[which].length):
                return False
        cdef Buffer out = self.names
        out.length = 0
        if values[0] != NULL and values[0].length:
            out.append(b"#", 1)
            out.append(values[0].data, values[0].length)
        if values[1] != NULL and values[1].length:
            append_class_part(out, values[1].data, values[1].length)
        lower_ascii(out.data, out.length)
        ident = PyUnicode_DecodeASCII(<const char *> out.data, out.length, NULL) if out.length else ""
        hint = ""
        if (values[2] != NULL and values[2].length) or (values[3] != NULL and values[3].length):
            out.length = 0
            if values[2] != NULL:
                out.append(values[2].data, values[2].length)
            out.append(b" ", 1)
            if values[3] != NULL:
                out.append(values[3].data, values[3].length)
            lower_ascii(out.data, out.length)
            hint = PyUnicode_DecodeASCII(<const char *> out.data, out.length, NULL)
        self.containers.idents[index], self.containers.hints[index] = ident, hint
        return True


def walk(size_t root_id, str root_tag, tuple root_naming, double deadline, Py_ssize_t check_every):
    """Walk the tree under the node at `root_id`; returns (blocks, containers, owner, nodes visited, stopped early).

    `deadline` is a time.monotonic() value, or a negative number for none.
    """
    if not ready:
        raise RuntimeError("the compiled walk is not bound to lexbor")
    cdef Walk w = Walk()
    cdef Containers containers = w.containers
    cdef Buffer parts = w.parts
    cdef th_node *root = <th_node *> root_id
    cdef th_node *node = root.first_child
    cdef th_node *child
    cdef th_chardata *chars
    cdef Frame *stack = <Frame *> malloc(64 * sizeof(Frame))
    cdef Py_ssize_t depth = 0, capacity = 64
    cdef Frame *top
    cdef Frame frame
    cdef Py_ssize_t owner = 0, index, until_clock = check_every, visited = 0, end
    cdef int code, kind, flags
    cdef bint stopped = False, invisible
    if stack == NULL:
        raise MemoryError()
    try:
        containers.add(root_tag, -1, 0, 0, flags_of(root_tag))
        containers.idents[0], containers.hints[0] = root_naming
        while node != NULL:
            if node.local_name == TAG_TEXT:
                chars = <th_chardata *> node
                if node.type == NODE_TEXT and chars.data.data != NULL and chars.data.length:
                    parts.append(chars.data.data, chars.data.length)
            else:
                invisible = False
                if node.type != NODE_ELEMENT:
                    kind = SKIP
                else:
                    code = tag_code_of(node)
                    kind = code & 7
                    flags = code >> 3
                    if flags & F_INVISIBLE or (
                        (<th_element *> node).first_attr != NULL and not flags & F_NEVER_HIDDEN
                        and hidden_by_attribute(w.attr_names, node, flags & F_INPUT)
                    ):
                        # segment.html.drop_invisible's elements: the subtree is never read, nor counted.
                        kind = SKIP
                        invisible = True
                if not invisible:
                    until_clock -= 1
                    if not until_clock:
                        visited += check_every
                        until_clock = check_every
                        if deadline >= 0 and monotonic() > deadline:
                            stopped = True
                            break
                child = node.first_child
                if kind == INLINE or kind == LINK or (kind == BLOCK and containers.flags[owner] & F_HEADING):
                    if child != NULL:
                        top = push(&stack, &depth, &capacity, node)
                        if kind == LINK and w.link_start < 0:
                            top.start = parts.length
                            w.link_start = parts.length
                        elif kind == BLOCK:
                            # A heading's text is one block even when the page wraps its parts in divs or spans.
                            parts.append(b" ", 1)
                            top.start = SPACE_AFTER
                        node = child
                        continue
                    elif kind == BLOCK:
                        parts.append(b" ", 1)
                elif kind == BLOCK:
                    w.flush(owner, w.pre_depth > 0)
                    if child != NULL:  # an empty element ends the text before it but holds no block
                        index = containers.add(
                            tag_name_of(node), owner, containers.depth[owner] + 1, len(w.blocks), flags
                        )
                        if flags & F_PRE:
                            w.pre_depth += 1
                        owner = index
                        push(&stack, &depth, &capacity, node).index = index
                        node = child
                        continue
                elif kind == BREAK:
                    if w.pre_depth:
                        parts.append(b"\n", 1)
                    else:
                        w.flush(owner, False)
            # Leave the node: go to its next sibling, or climb and close the elements we finish on the way.
            while True:
                if node.next != NULL:
                    node = node.next
                    break
                if depth == 0:
                    node = NULL
                    break
                depth -= 1
                frame = stack[depth]
                node = frame.node
                if frame.index >= 0:
                    index = frame.index
                    w.flush(index, w.pre_depth > 0)
                    end = containers.end_block[index] = len(w.blocks)
                    owner = containers.parent[index]
                    if w.pre_depth and containers.flags[index] & F_PRE:
                        w.pre_depth -= 1
                    if end == containers.first_block[index]:
                        containers.pop()  # no block inside, and its empty descendants went already
                    elif not containers.flags[index] & F_NAMELESS:
                        w.name_container(index, node)
                elif frame.start >= 0:
                    w.close_link(frame.node)
                elif frame.start == SPACE_AFTER:
                    parts.append(b" ", 1)
        w.flush(0 if owner < 0 else owner, w.pre_depth > 0)
        containers.end_block[0] = len(w.blocks)
        # Stopped early: the elements still open hold what was read inside them, and are named now.
        for index in range(depth):
            frame = stack[index]
            if frame.index >= 0:
                containers.end_block[frame.index] = len(w.blocks)
                if not containers.flags[frame.index] & F_NAMELESS:
                    w.name_container(frame.index, frame.node)
    finally:
        free(stack)
    cdef PyObject *values[7]
    cdef object c_tag, c_ident, c_hint, c_parent, c_depth, c_first, c_end  # Python objects: the record holds them
    out = []
    for i in range(containers.count):
        c_tag, c_ident, c_hint = containers.tags[i], containers.idents[i], containers.hints[i]
        c_parent, c_depth = containers.parent[i], containers.depth[i]
        c_first, c_end = containers.first_block[i], containers.end_block[i]
        # Container's fields in order: tag, ident, parent, depth, first_block, end_block, hint.
        values[0], values[1], values[2], values[3] = (
            <PyObject *> c_tag, <PyObject *> c_ident, <PyObject *> c_parent, <PyObject *> c_depth
        )
        values[4], values[5], values[6] = <PyObject *> c_first, <PyObject *> c_end, <PyObject *> c_hint
        out.append(container_maker.make(values))
    return w.blocks, out, w.owners, visited + check_every - until_clock, stopped


def assign_paths(list blocks, list owners, list containers, Py_ssize_t max_elements, Py_ssize_t max_attr_chars):
    """segment.html.assign_paths_python, compiled: every block's path, each container's built once."""
    cdef Py_ssize_t n = len(containers), i, index, count, end, start
    cdef list names = [None] * n  # "tag#id" per container, filled on first need
    cdef list paths = [None] * n
    cdef list chain
    cdef str ident, name, path
    for i in range(len(blocks)):
        index = owners[i]
        path = paths[index]
        if path is None:
            chain = []
            count = 0
            start = index
            while index >= 0 and count < max_elements:
                name = names[index]
                if name is None:
                    c = containers[index]
                    ident = c.ident
                    if ident:
                        # segment.html._short_ident, inlined: a Python call per container costs half this function.
                        end = ident.find(".", 1)
                        name = c.tag + (ident if end < 0 else ident[:end])[:max_attr_chars]
                    else:
                        name = c.tag
                    names[index] = name
                chain.append(name)
                count += 1
                index = containers[index].parent
            chain.reverse()
            path = ">".join(chain)
            if index >= 0:
                path = "…>" + path
            paths[start] = path
        blocks[i].path = path


def crowded_window(bytes data, Py_ssize_t window, Py_ssize_t min_tags):
    """segment.html.may_be_deeply_nested on bytes, compiled: is there a window of `window` bytes (aligned on its
    multiples) holding `min_tags` "<" or more and no "</"? One memchr pass instead of a find and a count per window."""
    cdef const unsigned char *text = data
    cdef const unsigned char *found
    cdef Py_ssize_t n = len(data), start = 0, end, at, opens
    cdef bint closed
    if window <= 0:
        raise ValueError("window must be positive")
    while start < n:
        end = start + window if start + window < n else n
        opens = 0
        closed = False
        at = start
        while at < end:
            found = <const unsigned char *> memchr(text + at, 0x3C, end - at)  # "<"
            if found == NULL:
                break
            at = found - text
            if at + 1 < end and text[at + 1] == 0x2F:  # "</" wholly inside the window
                closed = True
                break
            opens += 1
            at += 1
        if not closed and opens >= min_tags:
            return True
        start += window
    return False



# ----------------------------------------------------------------------------------------------- title hints
# metadata.html.text_hints reads a few things from the whole page: the meta tags, the JSON-LD scripts, the h1s, the
# first <title> and the first canonical link. Selected through selectolax, that is a walk of lexbor's selector engine
# plus a Python node and an attribute dict per match; here it is one walk of the tree in C that hands back only the
# strings. metadata.html holds this collection to its CSS selection (a probe page at import, and tests).

DEF H_OTHER = 0
DEF H_PROPERTY = 1
DEF H_NAME = 2
DEF H_ITEMPROP = 3
DEF H_HTTP_EQUIV = 4
DEF H_CONTENT = 5
DEF H_TYPE = 6
DEF H_REL = 7
DEF H_HREF = 8
DEF H_CLASS = 9
DEF H_ID = 10
DEF H_KINDS = 11

# Tag ids of meta, script, h1, title and link, and the id of the HTML namespace, learnt from a parsed page by
# `bind_hints` (0 until then: no element has tag id 0).
cdef uintptr_t meta_tag = 0, script_tag = 0, h1_tag = 0, title_tag = 0, link_tag = 0, html_ns = 0


def bind_hints(size_t meta_id, size_t script_id, size_t h1_id, size_t title_id, size_t link_id):
    """Learn the tag ids and the HTML namespace from elements of a parsed page (their mem_ids, in that order)."""
    global meta_tag, script_tag, h1_tag, title_tag, link_tag, html_ns
    cdef th_node *meta = <th_node *> meta_id
    meta_tag, script_tag, h1_tag = meta.local_name, (<th_node *> script_id).local_name, (<th_node *> h1_id).local_name
    title_tag, link_tag, html_ns = (<th_node *> title_id).local_name, (<th_node *> link_id).local_name, meta.ns


# The names the hint collection reads, in the order of the H_ kinds (H_PROPERTY = 1 + the index of "property").
cdef const char *HINT_NAMES[10]
HINT_NAMES[:] = [b"property", b"name", b"itemprop", b"http-equiv", b"content", b"type", b"rel", b"href", b"class", b"id"]


cdef inline unsigned char hint_name_kind(th_attr *attr) noexcept:
    """The attribute's qualified name (the key of selectolax's `attributes` dict) as one of the H_ kinds."""
    return kind_among(attr, HINT_NAMES, 10)


cdef void hint_attributes(th_node *node, th_attr **found) noexcept:
    """The element's attributes by H_ kind into found[0..H_KINDS-1] (NULL where absent); the last of each when one
    is written twice, as in selectolax's `attributes` dict."""
    cdef th_attr *attr = (<th_element *> node).first_attr
    cdef int kind
    for kind in range(H_KINDS):
        found[kind] = NULL
    while attr != NULL:
        found[hint_name_kind(attr)] = attr
        attr = attr.next


cdef inline bint has_value(th_attr *attr) noexcept:
    """Whether the attribute's value, as selectolax gives it, is a non-empty string."""
    return attr != NULL and attr.value != NULL and attr.value.data != NULL and attr.value.length > 0


cdef bint value_is(th_node *node, th_attr *attr, const char *want, size_t length) noexcept:
    """`[attr="want"]` as lexbor's selector engine matches it: `type` and `rel` values, the only ones asked about,
    compare ignoring ASCII case on HTML elements (HTML's list of such attributes) and exactly on SVG and MathML."""
    cdef size_t i
    cdef unsigned char c
    if attr == NULL or attr.value == NULL or attr.value.data == NULL or attr.value.length != length:
        return False
    if node.ns != html_ns:
        return memcmp(attr.value.data, want, length) == 0
    for i in range(length):
        c = attr.value.data[i]
        if 0x41 <= c <= 0x5A:
            c += 0x20
        if c != <unsigned char> want[i]:
            return False
    return True


cdef inline th_node *preorder_next(th_node *node, th_node *root) noexcept:
    """The node after `node` in document order inside `root` (its first child, else the next sibling of it or of its
    nearest ancestor that has one); NULL past the end of `root`."""
    if node.first_child != NULL:
        return node.first_child
    while node != root and node.next == NULL:
        node = node.parent
    return NULL if node == root else node.next


cdef str deep_text(th_node *root, const unsigned char *separator, size_t separator_length, Buffer out):
    """`node.text(deep=True, separator=...)` of selectolax: every descendant text node, in document order, joined
    by the separator and decoded once."""
    cdef th_node *node = root.first_child
    cdef th_chardata *chars
    cdef Py_ssize_t count = 0
    out.length = 0
    while node != NULL:
        if node.local_name == TAG_TEXT:
            chars = <th_chardata *> node
            if chars.data.data != NULL:
                if count > 0:
                    out.append(separator, separator_length)
                out.append(chars.data.data, chars.data.length)
                count += 1
        node = preorder_next(node, root)
    return out.text(0)


cdef tuple ancestry(th_node *node, Py_ssize_t levels):
    """(tag, class, id) of the element and its ancestors, at most `levels` of them, up to the first that is no
    element, a body or an html: what metadata.html._outside_article reads of each."""
    cdef list chain = []
    cdef th_attr *found[H_KINDS]
    cdef size_t length = 0
    cdef const unsigned char *name
    while node != NULL and len(chain) < levels and node.type == NODE_ELEMENT:
        name = element_name_fn(<th_element *> node, &length)
        if name == NULL or name_is(name, length, b"body", 4) or name_is(name, length, b"html", 4):
            break
        hint_attributes(node, found)
        chain.append((decode(name, length), found_value_of(found[H_CLASS]), found_value_of(found[H_ID])))
        node = node.parent
    return tuple(chain)


cdef inline object found_value_of(th_attr *attr):
    return attr_value(attr) if attr != NULL else None


def title_hints(size_t root_id, Py_ssize_t max_headings, Py_ssize_t levels):
    """What metadata.html.text_hints reads of the page under `root_id` (the html element), in one walk:

    - metas: (key, content) of each <meta> with both, in document order; the key is the first non-empty of property,
      name, itemprop and http-equiv, as metadata.html._collect picks it (neither stripped nor lower-cased);
    - scripts: the text of each script[type="application/ld+json"], twice for one with an itemprop (the selector
      list `..., [itemprop]` matches it twice);
    - headings: (text, ancestry) of the h1s, an h1 with an itemprop twice, at most `max_headings` entries; the text
      joined with spaces as `node.text(deep=True, separator=" ")`, the ancestry as `ancestry` gives it (`levels`);
    - the first <title>'s text (None without one) and the first link[rel="canonical"]'s href (None without one).

    Like lexbor's selector engine, tag names match in any namespace and template contents are not visited."""
    cdef th_node *root = <th_node *> root_id
    cdef th_node *node = root.first_child
    cdef th_attr *found[H_KINDS]
    cdef th_attr *key
    cdef uintptr_t tag
    cdef Buffer text = Buffer()
    cdef list metas = [], scripts = [], headings = []
    cdef bint title_seen = False, link_seen = False
    cdef int kind
    title = href = entry = None
    while node != NULL:
        if node.type == NODE_ELEMENT:
            tag = node.local_name
            if tag == meta_tag:
                hint_attributes(node, found)
                key = found[H_PROPERTY]
                for kind in (H_NAME, H_ITEMPROP, H_HTTP_EQUIV):
                    if not has_value(key):
                        key = found[kind]
                if has_value(key) and has_value(found[H_CONTENT]):
                    metas.append((attr_value(key), attr_value(found[H_CONTENT])))
            elif tag == script_tag:
                hint_attributes(node, found)
                if value_is(node, found[H_TYPE], b"application/ld+json", 19):
                    entry = deep_text(node, b"", 0, text)
                    scripts.append(entry)
                    if found[H_ITEMPROP] != NULL:
                        scripts.append(entry)
            elif tag == h1_tag:
                if len(headings) < max_headings:
                    hint_attributes(node, found)
                    entry = (deep_text(node, b" ", 1, text), ancestry(node, levels))
                    headings.append(entry)
                    if found[H_ITEMPROP] != NULL and len(headings) < max_headings:
                        headings.append(entry)
            elif tag == title_tag:
                if not title_seen:
                    title_seen = True
                    title = deep_text(node, b"", 0, text)
            elif tag == link_tag:
                if not link_seen:
                    hint_attributes(node, found)
                    if value_is(node, found[H_REL], b"canonical", 9):
                        link_seen = True
                        href = found_value_of(found[H_HREF])
        node = preorder_next(node, root)
    return metas, scripts, headings, title, href
