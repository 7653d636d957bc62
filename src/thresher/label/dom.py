"""Label HTML blocks: find the main content container, then account for every block inside and outside it.

Choosing the main content is a maximum-subtree problem over the container tree. Each block gets a weight: prose
(long enough, few links) counts for its non-link characters; link lists, form controls and text inside furniture
containers (nav, sidebar, related, comments... by tag, ARIA role or id/class words) count against; other short
blocks cost a little. The blocks under any container are one contiguous run, so with prefix sums every container's
total is O(1) and the best one is the container whose blocks add up to the most prose net of furniture. A JSON-LD
`articleBody`, when the page has one, corroborates: blocks found in it weigh double and are never counted as
furniture.

Inside the chosen container, blocks are kept as body unless they sit in a furniture container nested within it, are
form controls, are link lists, are furniture by their own words (`label.furniture`), or are the headline (TITLE) or a
byline/dateline (METADATA). Every block outside is removed with the furniture kind of its nearest named container,
else as boilerplate, and its reason cites the DOM evidence.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from thresher.compiled import compiled_module
from thresher.label.dom_phrases import classify_appendix, classify_call_to_action, is_related_heading
from thresher.label.dom_vocab import WEAK_TAGS, WEAK_WORDS, name_evidence
from thresher.label.gates import more_words_than
from thresher.metadata.text import MONTH_ALTERNATION
from thresher.model import Block, Label, Role
from thresher.segment.html import CONTROL_TAGS, Container, Segmentation, block_path, element_name

try:  # the shared phrase classifier; labelling still works from DOM evidence alone without it
    from thresher.label.furniture import classify_furniture
except ImportError:  # pragma: no cover - only before the module exists
    classify_furniture = None  # type: ignore[assignment]

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Blocks that can be prose paragraphs (headings, captions and controls never are).
PROSE_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "td", "blockquote", "pre", "li", "dd", "span", "font", "center",
     "body", "table", "tr", "form", "address", "details", "figure", "header", "footer", "aside", "dt", "ul", "ol"}
)
TABLE_CELL_TAGS = frozenset({"td", "th"})
# Blocks that are never a byline or dateline of the page: headings, quotes (an embedded post's date), list items
# and table cells (a list of events, a timetable).
NOT_METADATA_TAGS = HEADING_TAGS | {"blockquote", "li", "td", "th", "dd", "dt", "pre"}
# What a sentence ends with, looked for on the last character before trailing whitespace (a pattern anchored at
# the end would be tried at every character of the block).
_SENTENCE_END_MARKS = frozenset(".!?…。！？:;\"'”’“»«)")
# The word a byline opens with ("By Jane Doe", "von Max Muster", "przez ..."): modes.html strips it from the author.
BYLINE_WORDS = ("by", "von", "par", "por", "di", "door", "av", "af", "przez", "от", "作者")
_BYLINE = re.compile(rf"^(?:{'|'.join(BYLINE_WORDS)})[\s:]+\S", re.IGNORECASE)
# A short line reading like a date (the month names are metadata.text's) or a publication stamp.
_DATE_LIKE = re.compile(
    r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|(?:" + MONTH_ALTERNATION + r")[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\.?\s+(?:" + MONTH_ALTERNATION + r")[a-z]*\.?,?\s+\d{4}|(?:updated|published|posted)\b)",
    re.IGNORECASE,
)
# Every form _DATE_LIKE accepts holds four digits in a row, a digit, separator and digit, or a stamp word: a scan for
# these turns most lines away far cheaper than the full pattern, which tries every month name at every word.
_DATE_HINT = re.compile(r"\d{4}|\d[./-]\d|updated|published|posted", re.IGNORECASE)
_WORDS = re.compile(r"\w+")
_NOT_WORDS = re.compile(r"\W+")
# A line opening with a publication stamp ("Published: ...", "Aktualisiert am ...") is a dateline however long.
_DATELINE_START = re.compile(
    r"^\W*(?:published|updated|posted|last\s+updated|veröffentlicht|aktualisiert|erschienen|stand|publié|mis\s+à\s+jour"
    r"|publicado|actualizado|pubblicato|aggiornato|opublikowano|zaktualizowano)\b",
    re.IGNORECASE,
)
# Furniture that never wraps an article, whatever share of the page's prose it holds: a long cookie or consent
# notice on a page with a short post is still a notice. (Share and comment names do wrap articles: a
# "sharing-container" around the text for a floating share bar, a forum thread whose posts are the content.)
NEVER_CONTENT_KINDS = frozenset({Label.COOKIE_NOTICE, Label.LOGIN})
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$")


@dataclass(slots=True)
class DomLabelOptions:
    """The thresholds of DOM labelling; every one is a judgement about typical web pages, named here."""

    # A block with at least this many characters outside links reads as prose.
    min_prose_chars: int = 70
    # A shorter block is still prose when it ends like a sentence and has at least this many characters.
    min_sentence_chars: int = 30
    # Prose has few links: past this share of linked characters a block is a teaser or a link list.
    max_prose_link_density: float = 0.35
    # ... but a block with min_prose_chars of its own text is prose up to this share (a summary citing sources).
    max_long_prose_link_density: float = 0.7
    # What a short non-prose block costs a container (in characters of prose): a little, as menus are many.
    short_block_cost: float = 3.0
    # What each linked character of a link-heavy block costs a container, relative to a prose character.
    link_char_cost: float = 0.6
    # What each character inside a furniture container costs, relative to a prose character.
    furniture_char_cost: float = 1.0
    # A furniture container holding this share of the page's prose or more is not furniture (a misleading name).
    max_furniture_prose_share: float = 0.6
    # A container named by a weak word ("box", "form") spanning this share of the page's blocks is layout.
    max_weak_furniture_block_share: float = 0.9
    # A sibling of the chosen container continues the article when it scores this share of the container's score...
    min_sibling_share: float = 0.2
    # ... and at least this much (characters of prose net of furniture).
    min_sibling_score: float = 60.0
    # Siblings are looked for around the chosen container's wrappers too: a wrapper adding at most this many blocks,
    # none of them prose or furniture (a section heading, a step number), is the same part of the page.
    max_wrapper_extra_blocks: int = 3
    # What each character of a short data-table cell adds to a container, relative to a prose character: a table
    # of results or prices is content, so a page of one outweighs a comment form's line. Less than prose, as a long
    # table (nutrition facts) should not outweigh the article above it; 0.25 to 0.5 score the same, 1.0 loses a
    # recipe to its nutrition table.
    table_cell_char_weight: float = 0.5
    # Inside the main content, a block with more linked text than this is a link list, not body.
    max_body_link_density: float = 0.6
    # ... unless it is long prose: a paragraph citing many sources stays body when it has this many characters.
    min_linked_prose_chars: int = 200
    # A block found in the JSON-LD articleBody weighs this many times its length.
    article_body_weight: float = 2.0
    # An articleBody shorter than this is a teaser and corroborates nothing.
    min_article_body_chars: int = 200
    # The page shows the whole articleBody when its blocks found there cover this share of it...
    min_article_body_coverage: float = 0.8
    # ... and then prose outside the articleBody counts against a container at this rate.
    unmatched_prose_cost: float = 0.5
    # Blocks shorter than this are not looked up in the articleBody (a word or two matches anywhere).
    min_article_body_match_chars: int = 25
    # Looking back from the main content for its lead, give up after this many non-prose parts in a row.
    max_lead_gap: int = 3
    # A list item opening with a link at least this long is a teaser for another page.
    min_teaser_headline_chars: int = 25
    # When no container holds prose by the thresholds above, prose is looked for again with these (short pages).
    relaxed_min_prose_chars: int = 40
    relaxed_min_sentence_chars: int = 12
    # Bylines and datelines outside the main content are looked for this many blocks before it (by the headline).
    metadata_window: int = 12
    # A byline or dateline has at most this many words.
    max_metadata_words: int = 12
    # The headline: a heading sharing this share of words with the page title (over the larger word set).
    min_title_overlap: float = 0.5
    # Furniture by its own words (share/print/counter...) is only judged on blocks up to this many characters.
    max_furniture_phrase_chars: int = 400
    # A heading with no body text under it heads a widget, unless it has this many words: then it reads as a
    # sentence set large (a standfirst, a pull quote, a one-line section), not as a box title.
    min_sentence_heading_words: int = 10
    # A main content holding less than this share of the page's prose is looked for again with furniture words that
    # name most of the prose's containers taken for layout (a recipe in "tabs", a rating line winning over it), and
    # is not taken from the last look, which sets weak names aside. At 0.2 a blog's comment thread, holding most of
    # its prose, was taken in with the post (AEB F1 -0.006).
    min_main_prose_share: float = 0.05


@dataclass(slots=True)
class MainContent:
    """Where the main content was found, for reasons and flags."""

    container: int  # index into Segmentation.containers, -1 when nothing qualified
    path: str
    score: float
    # Block ranges [start, end) of the main content: the container's own, plus sibling parts that continue it.
    ranges: list[tuple[int, int]] = field(default_factory=list)
    # Furniture evidence counts only from containers after this index (inside the main content, not above it).
    root: int = -1
    # Per block: does it read as prose (`prose_flags_of`) by the thresholds the main content was chosen with.
    prose: list[bool] = field(default_factory=list, repr=False)
    # Prose characters before each block (one entry more than blocks): what a range of blocks holds is a difference.
    prose_before: list[int] = field(default_factory=list, repr=False)

    def prose_share(self) -> float:
        """The share of the page's prose characters inside the main content's ranges (1.0 on a page with none)."""
        before = self.prose_before
        total = before[-1] if before else 0
        return sum(before[end] - before[first] for first, end in self.ranges) / total if total else 1.0


def _norm(text: str) -> str:
    """The text's words, lower-cased, one space apart."""
    return _CHOICE.words_apart(text.lower())


def words_apart(text: str) -> str:
    """The text's words (runs of word characters, as the re module's \\w reads them) one space apart. (Each run of
    non-word characters made one space is the same string, cheaper than joining the words found: no whitespace
    character is a word character.) label/_choose.pyx compiles this function."""
    return _NOT_WORDS.sub(" ", text).strip()


def _title_words(title: str | None) -> set[str]:
    return set(_WORDS.findall(title.lower())) if title else set()


def choose_main_content(
    seg: Segmentation,
    article_body: str | None = None,
    options: DomLabelOptions | None = None,
    layout_names: bool = False,
    weak_names: bool = True,
) -> tuple[MainContent, list[int], list[tuple]]:
    """Score containers and pick the main one; also return each container's nearest furniture container and evidence.

    With `layout_names`, furniture words spread over containers holding most of the page's prose are taken for
    layout names (`_layout_words`): the second look at a page where no container held prose. Without `weak_names`,
    weak furniture words ("box", "tabs", "info": names of layout as often as of furniture) name nothing.
    """
    opts = options or DomLabelOptions()
    containers = seg.containers
    blocks = seg.blocks
    evidence = _CHOICE.evidence_of(containers, name_evidence)
    # Prose characters before each block, to tell how much of the page's prose a container holds.
    prose_before = [0] * (len(blocks) + 1)
    running = 0
    prose_flags = _CHOICE.prose_flags_of(blocks, opts)
    for i, block in enumerate(blocks):
        if prose_flags[i]:
            running += len(block.text)
        prose_before[i + 1] = running
    min_overruled = running * opts.max_furniture_prose_share
    max_weak_blocks = max(1, int(len(blocks) * opts.max_weak_furniture_block_share))
    layout_words = (
        _layout_words(containers, evidence, prose_before, min_overruled) if running and layout_names else frozenset()
    )
    furniture_from = _CHOICE.furniture_sources(
        containers, evidence, prose_before, min_overruled, max_weak_blocks, layout_words, weak_names
    )

    body_norm = _norm(article_body) if article_body and len(article_body) >= opts.min_article_body_chars else ""
    in_body = [False] * len(blocks)
    unmatched_prose_sign = 1.0
    if body_norm:
        matched = 0
        for i, block in enumerate(blocks):
            if len(block.text) >= opts.min_article_body_match_chars:
                norm = _norm(block.text)
                if norm in body_norm:
                    in_body[i] = True
                    matched += len(norm)
        # When the page shows (nearly) all of the articleBody, prose that is not in it is someone else's text.
        if matched >= opts.min_article_body_coverage * len(body_norm):
            unmatched_prose_sign = -opts.unmatched_prose_cost
    prefix = _CHOICE.block_weights(blocks, seg.owner, furniture_from, prose_flags, in_body, unmatched_prose_sign, opts)
    best, best_score = _CHOICE.best_container(containers, prefix)
    path = block_path(seg, best) if best >= 0 else ""
    main = MainContent(best, path, best_score, prose=prose_flags, prose_before=prose_before)
    if best >= 0:
        _extend_to_siblings(seg, main, prefix, prose_before, furniture_from, opts)
    return main, furniture_from, evidence


def furniture_sources(
    containers: list[Container],
    evidence: list[tuple],
    prose_before: list[int],
    min_overruled: float,
    max_weak_blocks: int,
    layout_words: frozenset[str],
    weak_names: bool,
) -> list[int]:
    """Per container, the nearest container (itself or an ancestor) whose names say furniture, -1 for none.

    Content evidence resets it. A container that holds `min_overruled` of the page's prose characters or more is not
    furniture whatever its name says (page-wide "slider" or "modal" wrappers). Inside a container named as content
    ("article-body"), weak furniture words ("card", "box") are layout names, as they are in a container spanning
    `max_weak_blocks` blocks or more, and everywhere without `weak_names`. label/_choose.pyx compiles this function.
    """
    running = prose_before[-1]
    furniture_from = [-1] * len(containers)
    in_content = [False] * len(containers)
    for index, c in enumerate(containers):
        kind, word, content, _ = evidence[index]
        inherited_content = c.parent >= 0 and in_content[c.parent]
        in_content[index] = content or inherited_content
        if content and not _in_never_content(c.parent, furniture_from, evidence):
            furniture_from[index] = -1
        elif (
            kind is not None
            and word not in layout_words
            and not (
                (not weak_names or inherited_content or c.end_block - c.first_block >= max_weak_blocks)
                and _is_weak(word)
            )
            and (
                not running
                or (kind in NEVER_CONTENT_KINDS and not word.startswith(("<", "role=")))
                or prose_before[c.end_block] - prose_before[c.first_block] < min_overruled
            )
        ):
            furniture_from[index] = index
        elif c.parent >= 0:
            furniture_from[index] = furniture_from[c.parent]
    return furniture_from


def block_weights(
    blocks: list[Block],
    owner: list[int],
    furniture_from: list[int],
    prose_flags: list[bool],
    in_body: list[bool],
    unmatched_prose_sign: float,
    opts: DomLabelOptions,
) -> list[float]:
    """The running total of the blocks' weights (one entry more than blocks): what a container scores is the
    difference at its ends. Prose counts for its characters outside links, furniture and form controls against,
    link lists by their linked characters, a data table's short cells a little, any other short block a small cost.
    label/_choose.pyx compiles this function."""
    prefix = [0.0] * (len(blocks) + 1)
    total = 0.0
    # The options read once, not once per block.
    body_weight, furniture_cost, link_cost = opts.article_body_weight, opts.furniture_char_cost, opts.link_char_cost
    max_prose_density, short_cost = opts.max_prose_link_density, -opts.short_block_cost
    cell_weight = opts.table_cell_char_weight
    seen_prose: set[str] = set()
    for i, block in enumerate(blocks):
        n = len(block.text)
        density = block.link_density
        if in_body[i]:
            weight = n * body_weight
        elif furniture_from[owner[i]] >= 0 or block.tag in CONTROL_TAGS:
            weight = -n * furniture_cost
        elif prose_flags[i]:
            if block.text in seen_prose:
                # A paragraph the page already showed (a paywall's second copy of the article, a repeated notice)
                # adds nothing: counted twice, it would pull the choice up to a container holding both copies.
                weight = 0.0
            else:
                seen_prose.add(block.text)
                weight = n * (1.0 - density) * unmatched_prose_sign
        elif density > max_prose_density:
            weight = -n * density * link_cost
        elif block.tag in TABLE_CELL_TAGS:
            weight = n * cell_weight  # a data table's short cells: neither prose nor furniture, but content
        else:
            weight = short_cost
        total += weight
        prefix[i + 1] = total
    return prefix


def best_container(containers: list[Container], prefix: list[float]) -> tuple[int, float]:
    """The container whose blocks weigh the most, and its score; (-1, 0.0) when none weighs more than nothing. On a
    tie the later (deeper) container wins, the tighter fit. label/_choose.pyx compiles this function."""
    best, best_score = -1, 0.0
    for index, c in enumerate(containers):
        if c.end_block <= c.first_block:
            continue
        score = prefix[c.end_block] - prefix[c.first_block]
        if score > 0 and score >= best_score:
            best, best_score = index, score
    return best, best_score


def _in_never_content(parent: int, furniture_from: list[int], evidence: list[tuple]) -> bool:
    """Does the container under `parent` sit in a cookie notice or login box (`NEVER_CONTENT_KINDS`)? A content
    name there ("tab-main-content" in a consent dialog) names the dialog's own text, not the article."""
    if parent < 0:
        return False
    source = furniture_from[parent]
    return source >= 0 and evidence[source][0] in NEVER_CONTENT_KINDS


def _layout_words(
    containers: list, evidence: list[tuple], prose_before: list[int], min_overruled: float
) -> frozenset[str]:
    """Furniture words that name the page's layout, not a part of it: together, the containers carrying the word
    hold most of the page's prose (a page builder wrapping every paragraph in a "widget" or a "module").

    Containers nest and come in preorder, so each word's containers are a sequence of intervals where a nested one
    starts inside the last open one; their union is summed in one pass.
    """
    covered: dict[str, int] = {}  # word -> prose characters under its containers so far
    reach: dict[str, int] = {}  # word -> end block of the outermost container seen last
    for index, c in enumerate(containers):
        kind, word = evidence[index][0], evidence[index][1]
        if kind is None or kind in NEVER_CONTENT_KINDS or word.startswith(("<", "role=")):
            continue
        if c.first_block < reach.get(word, -1):
            continue  # nested in a container with the same word: already counted
        reach[word] = c.end_block
        covered[word] = covered.get(word, 0) + prose_before[c.end_block] - prose_before[c.first_block]
    return frozenset(word for word, chars in covered.items() if chars >= min_overruled)


def _extend_to_siblings(
    seg: Segmentation,
    main: MainContent,
    prefix: list[float],
    prose_before: list[int],
    furniture_from: list[int],
    opts: DomLabelOptions,
) -> None:
    """Add the chosen container's siblings that continue the article (split by an ad, a figure, a wrapper).

    A sibling joins when it is not furniture and scores at least `min_sibling_share` of the chosen container;
    a sibling lying between joined parts joins when it is not furniture and not a link list (the short lines of an
    address or a list inside the article).
    """
    containers = seg.containers
    prose = main.prose
    anchor = _outermost_wrapper(seg, main.container, prose_before, furniture_from, opts)
    star = containers[anchor]
    parent = star.parent
    if parent < 0:
        chosen_star = containers[main.container]
        main.ranges = [(chosen_star.first_block, chosen_star.end_block)]
        main.root = main.container
        return
    units = _parts(seg, parent)
    threshold = max(opts.min_sibling_score, main.score * opts.min_sibling_share)
    chosen: list[bool] = []
    for first, end, index in units:
        furniture = furniture_from[index] >= 0 if index >= 0 else furniture_from[parent] >= 0
        score = prefix[end] - prefix[first]
        chosen.append(index == anchor or (not furniture and score >= threshold))
    picked = [k for k, yes in enumerate(chosen) if yes]
    # The part right before the article may be its lead (a standfirst in the article header): it joins when it
    # holds prose worth min_sibling_score even though it is small next to the article.
    before = picked[0] - 1
    if before >= 0:
        first, end, index = units[before]
        furniture = furniture_from[index] >= 0 if index >= 0 else furniture_from[parent] >= 0
        if not furniture and prefix[end] - prefix[first] >= opts.min_sibling_score:
            chosen[before] = True
            picked.insert(0, before)

    def continues(k: int, units: list[tuple[int, int, int]] = units, parent: int = parent) -> bool:
        first, end, index = units[k]
        furniture = furniture_from[index] >= 0 if index >= 0 else furniture_from[parent] >= 0
        blocks = seg.blocks[first:end]
        chars = sum(len(b.text) for b in blocks) or 1
        linked = sum(len(b.text) * b.link_density for b in blocks)
        # Short lines cost a little each; anything scoring worse holds text that counts against the article.
        # (a short control among them, a servings picker in an ingredients list, counts as one more short line)
        score = sum(
            max(prefix[i + 1] - prefix[i], -opts.short_block_cost)
            if len(seg.blocks[i].text) < opts.min_sentence_chars
            else prefix[i + 1] - prefix[i]
            for i in range(first, end)
        )
        no_worse_than_short_lines = score >= -opts.short_block_cost * (end - first)
        reads_as_text = linked / chars <= opts.max_prose_link_density or all(prose[first:end])
        return not furniture and reads_as_text and no_worse_than_short_lines

    # Gaps between joined parts join when they read as text; so does a run of such parts right after the last one
    # (a list of short items ending an article), up to the first furniture or link list.
    for k in range(picked[0] + 1, len(units)):
        if chosen[k]:
            continue
        if k > picked[-1] and anchor != main.container:
            break  # past a wrapper, what follows the article is the page's (a contact box, a comment form)
        if continues(k):
            chosen[k] = True
        elif k > picked[-1]:
            break
    # Likewise a run of such parts right before the first one (an ingredients list above the method), back to the
    # first furniture or link list.
    for k in range(picked[0] - 1, -1, -1):
        if not continues(k):
            break
        chosen[k] = True
    # When that run takes in all of the parent before the article, the parts before the parent may continue it too
    # (the method in one box, the ingredients in the box before it).
    lead_first = units[0][0]
    outer = containers[parent].parent
    if chosen[0] and outer >= 0 and furniture_from[parent] < 0:
        outer_units = _parts(seg, outer)
        at = next(k for k, unit in enumerate(outer_units) if unit[2] == parent)
        for k in range(at - 1, -1, -1):
            if not continues(k, outer_units, outer):
                break
            lead_first = outer_units[k][0]
    if (
        len(picked) == 1
        and not any(chosen[:picked[0]])
        and not any(chosen[picked[0] + 1:])
        and lead_first == units[0][0]
    ):
        star = containers[main.container]  # no sibling joined: the wrappers' own lines stay out
        main.ranges = [(star.first_block, star.end_block)]
        main.root = main.container
        return
    ranges: list[tuple[int, int]] = [(lead_first, units[0][0])] if lead_first < units[0][0] else []
    for k, (first, end, _) in enumerate(units):
        if chosen[k]:
            if ranges and ranges[-1][1] == first:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((first, end))
    main.ranges = ranges
    main.root = parent if lead_first == units[0][0] else outer
    main.score = sum(prefix[e] - prefix[f] for f, e in ranges)


def _parts(seg: Segmentation, parent: int) -> list[tuple[int, int, int]]:
    """A container's parts in document order: (first block, end block, child container or -1 for one of its own
    text blocks)."""
    containers = seg.containers
    p = containers[parent]
    units: list[tuple[int, int, int]] = []
    covered = p.first_block
    for index in range(parent + 1, len(containers)):
        c = containers[index]
        if c.depth <= p.depth:  # preorder: the parent's subtree has ended
            break
        if c.parent != parent or c.end_block <= c.first_block:
            continue
        for i in range(covered, c.first_block):
            units.append((i, i + 1, -1))
        units.append((c.first_block, c.end_block, index))
        covered = c.end_block
    for i in range(covered, p.end_block):
        units.append((i, i + 1, -1))
    return units


def _outermost_wrapper(
    seg: Segmentation, index: int, prose_before: list[int], furniture_from: list[int], opts: DomLabelOptions
) -> int:
    """The outermost ancestor of container `index` that only wraps it: it adds at most `max_wrapper_extra_blocks`
    blocks, all before it and none of them prose, and is not furniture. A recipe's method in an accordion panel under its own
    heading has its ingredients one panel over: the siblings to look at are the panels', not the method's."""
    containers = seg.containers
    owner = seg.owner
    inner = containers[index]
    prose = prose_before[inner.end_block] - prose_before[inner.first_block]
    size = inner.end_block - inner.first_block
    while inner.parent >= 0:
        parent = inner.parent
        outer = containers[parent]
        if furniture_from[parent] >= 0:
            break
        if outer.end_block - outer.first_block - size > opts.max_wrapper_extra_blocks:
            break
        if outer.end_block > inner.end_block and not all(
            furniture_from[owner[i]] >= 0 for i in range(inner.end_block, outer.end_block)
        ):
            # A line after the article inside the wrapper (a closing paragraph) belongs with it: the wrapper is the
            # article's own container, not a panel around it. (Furniture after it, a gallery's caption, is not such
            # a line: the wrapper is still only the article's.)
            break
        if prose_before[outer.end_block] - prose_before[outer.first_block] != prose:
            break
        index, inner = parent, outer
    return index


def _is_weak(word: str) -> bool:
    """Is this evidence a weak word or a weak tag (a `<form>`)?"""
    return word in WEAK_WORDS or (word.startswith("<") and word[1:-1] in WEAK_TAGS)


def evidence_of(containers: list[Container], evidence: Callable[[str, str, str], tuple]) -> list[tuple]:
    """Per container, what its names say: `evidence(tag, ident, hint)` (dom_vocab.name_evidence). label/_choose.pyx
    compiles this loop, with a cache of its own in place of the function's lru_cache (see there)."""
    return [evidence(c.tag, c.ident, c.hint) for c in containers]


def prose_flags_of(blocks: list[Block], opts: DomLabelOptions) -> list[bool]:
    """Per block, whether it reads as prose: long enough outside its links to be a paragraph (long text may cite
    many links, short text only a few, and must end like a sentence). The thresholds are read once per page.
    label/_choose.pyx compiles this function."""
    min_prose, min_sentence = opts.min_prose_chars, opts.min_sentence_chars
    max_long_density, max_density = opts.max_long_prose_link_density, opts.max_prose_link_density
    flags = []
    for block in blocks:
        if block.tag not in PROSE_TAGS:
            flags.append(False)
            continue
        density = block.link_density
        own = len(block.text) * (1.0 - density)
        if own >= min_prose:
            flags.append(density <= max_long_density)
        else:
            flags.append(own >= min_sentence and density <= max_density and _ends_like_sentence(block.text))
    return flags


def _ends_like_sentence(text: str) -> bool:
    """Does the text end (trailing whitespace aside) with a sentence's closing mark, a colon or a closing quote?"""
    return text.rstrip()[-1:] in _SENTENCE_END_MARKS


def is_teaser(block: Block, opts: DomLabelOptions) -> bool:
    """A list item that opens with a headline-long link: a teaser for another page, not a point of the article."""
    links = block.links
    if not links or block.tag != "li":
        return False
    anchor = links[0][0]
    return len(anchor) >= opts.min_teaser_headline_chars and block.text.startswith(anchor)


def _describe(seg: Segmentation, index: int, word: str) -> str:
    """A furniture container as a reason cites it: "aside.related (related)"."""
    short = element_name(seg, index)
    return f"{short} ({word})" if word and not word.startswith(("<", "role=")) else short


def label_blocks(
    seg: Segmentation,
    title: str | None = None,
    article_body: str | None = None,
    options: DomLabelOptions | None = None,
) -> MainContent:
    """Label every block of `seg` in place; return the main content found (container -1 when none)."""
    opts = options or DomLabelOptions()
    main, furniture_from, evidence = choose_main_content(seg, article_body, opts)
    if main.container < 0 and seg.blocks:
        # A page builder naming every part a "widget" or "module": look again with such names taken for layout.
        main, furniture_from, evidence = choose_main_content(seg, article_body, opts, layout_names=True)
    elif main.container >= 0 and main.prose_share() < opts.min_main_prose_share:
        # The same names can leave a scrap of prose the best of what is left: look again, keep the better choice.
        again = choose_main_content(seg, article_body, opts, layout_names=True)
        if again[0].container >= 0 and again[0].score > main.score:
            main, furniture_from, evidence = again
    if main.container < 0 and seg.blocks:
        # A page of short texts only (a two-line post, a product blurb): look again with short-prose thresholds.
        relaxed = dataclasses.replace(
            opts, min_prose_chars=opts.relaxed_min_prose_chars, min_sentence_chars=opts.relaxed_min_sentence_chars
        )
        main, furniture_from, evidence = choose_main_content(seg, article_body, relaxed, layout_names=True)
        if main.container < 0:
            # Every prose container has a furniture name: when the only names are weak ones (a description in
            # "tabs", a review text in a "box"), they named the layout; look a last time with them set aside, and
            # take what this finds only when it is more than a scrap of the page's prose (a dialog's line is not).
            last = choose_main_content(seg, article_body, relaxed, layout_names=True, weak_names=False)
            if last[0].container >= 0 and last[0].prose_share() >= opts.min_main_prose_share:
                main, furniture_from, evidence = last
        opts = relaxed
    blocks = seg.blocks
    if not blocks:
        return main
    containers = seg.containers
    owner = seg.owner
    star = main.container
    if star < 0:
        for block in blocks:
            block.remove(Label.BOILERPLATE, "no main content: no container holds prose")
        return main
    inside = bytearray(len(blocks))
    for first, end in main.ranges:
        inside[first:end] = b"\x01" * (end - first)
    first, end = main.ranges[0][0], main.ranges[-1][1]
    title_words = _title_words(title)

    # The headline: before the body starts, the heading that best matches the page title (an h1 on a tie), else
    # the first h1 there; failing both, an h1 anywhere that matches the title.
    prose = main.prose
    first_prose = next((i for i in range(first, end) if inside[i] and prose[i]), end)
    last_prose = next((i for i in range(end - 1, first_prose, -1) if inside[i] and prose[i]), first_prose)
    best, best_score = None, 0.0
    for block in blocks[:first_prose]:
        if block.tag not in HEADING_TAGS:
            continue
        score = _title_similarity(block.text, title_words) if title_words else float(block.tag == "h1")
        score += 0.01 if block.tag == "h1" else 0.0
        if score > best_score:
            best, best_score = block, score
    if best is not None and (best_score >= opts.min_title_overlap or not title_words):
        best.role = Role.TITLE
        best.reason = "headline: " + ("matches the page title" if title_words else "first h1")
    elif title_words:
        for block in blocks:
            if block.tag == "h1" and _title_similarity(block.text, title_words) >= opts.min_title_overlap:
                block.role = Role.TITLE
                block.reason = "headline: matches the page title"
                break
    kinds_outside = MetadataKinds(seg, evidence)
    _extend_lead_backwards(seg, inside, first, furniture_from, kinds_outside, opts, prose)

    outside_reason = f"outside main content {main.path}"
    outside_reasons: dict[int, str] = {}  # per furniture container
    described: dict[tuple, str] = {}  # per (tag, ident, word): a menu's 30 "li.menu-item (menu)" items share one
    kinds_inside = MetadataKinds(seg, evidence, main.root)
    inside_reasons: dict[int, str] = {}
    window_start = first - opts.metadata_window
    title_role = Role.TITLE  # read once: an enum member is a slow class attribute
    for i, block in enumerate(blocks):
        if block.role is title_role:
            continue
        c = owner[i]
        source = furniture_from[c]
        if not inside[i]:
            if source >= 0:
                reason = outside_reasons.get(source)
                if reason is None:  # one reason per furniture container: a menu of 200 items shares it
                    word = evidence[source][1]
                    named = containers[source]
                    key = (named.tag, named.ident, word)
                    reason = described.get(key)
                    if reason is None:
                        reason = described[key] = f"{outside_reason}: {_describe(seg, source, word)}"
                    outside_reasons[source] = reason
                block.remove(evidence[source][0], reason)  # type: ignore[arg-type]
            elif not (
                window_start <= i < first
                and _as_metadata(block, kinds_outside, c, opts, "outside main content")
            ):
                block.remove(Label.BOILERPLATE, outside_reason)
            continue
        source = source if source > main.root else -1
        in_text = first_prose < i < last_prose
        _label_inside(block, seg, c, source, evidence, kinds_inside, opts, inside_reasons, in_text)
    _drop_edge_teasers(blocks, inside, opts, prose)
    _drop_related_boxes(blocks, inside)
    _drop_empty_headings(blocks, inside, opts)
    return main


def _title_similarity(text: str, title_words: set[str]) -> float:
    """Shared words over the larger word set: a one-word heading does not match a long title, nor vice versa."""
    words = set(_WORDS.findall(text.lower()))
    if not words:
        return 0.0
    return len(words & title_words) / max(len(words), len(title_words))


class MetadataKinds:
    """Per container: the byline/dateline word of the container itself or its nearest ancestor below `star`.

    Looked up on demand and cached per container: each lookup walks up only to the first container already known,
    and every container on the way is filled in, so all lookups together visit each container once. Walking up the
    ancestors afresh for every block would cost blocks x depth on deeply nested pages.
    """

    __slots__ = ("_seg", "_evidence", "_star", "_known")

    def __init__(self, seg: Segmentation, evidence: list[tuple], star: int = -1) -> None:
        self._seg = seg
        self._evidence = evidence
        self._star = star  # the main content's root and what lies before it lend no metadata word
        self._known: dict[int, Label | None] = {}

    def __getitem__(self, c: int) -> Label | None:
        known = self._known
        containers = self._seg.containers
        path: list[int] = []
        found: Label | None = None
        while c > self._star:
            if c in known:
                found = known[c]
                break
            path.append(c)
            found = self._evidence[c][3]
            if found is not None:
                break
            c = containers[c].parent
        for visited in path:
            known[visited] = found
        return found


def _as_metadata(
    block: Block,
    kinds: MetadataKinds,
    c: int,
    opts: DomLabelOptions,
    where: str | None,
    by_own_words: bool = True,
) -> bool:
    """Label a short byline or dateline block METADATA (by its container's words or its own); True when it was.

    `where` ends the reason; None stands for "in" the block's own element, worked out only for a block labelled.
    Without `by_own_words`, a date among the block's words does not make a dateline (only a container's words or an
    opening publication stamp, "Updated ..."); a line opening with a byline word still makes a byline."""
    # The tag first, and the words counted only up to the limit: most blocks asked are long paragraphs.
    limit = opts.max_metadata_words
    if block.tag in NOT_METADATA_TAGS or more_words_than(block.text, limit):
        return False
    meta = kinds[c]
    if meta is None:
        if _BYLINE.match(block.text):
            meta = Label.BYLINE
        elif (by_own_words or _DATELINE_START.match(block.text)) and _reads_like_date(block.text):
            meta = Label.DATELINE
        else:
            return False
    block.role = Role.METADATA
    block.label = meta
    block.reason = f"{meta.value} {where if where is not None else 'in ' + _element_of(block)}"
    return True


def _reads_like_date(text: str) -> bool:
    """Does the text hold a date or a publication stamp (`_DATE_LIKE`)? Same answer, most lines turned away early."""
    return _DATE_HINT.search(text) is not None and _DATE_LIKE.search(text) is not None


def _element_of(block: Block) -> str:
    """The block's own element as reasons name it: the last step of its path."""
    return block.path.rsplit(">", 1)[-1] if block.path else block.tag or ""


def _label_inside(
    block: Block,
    seg: Segmentation,
    c: int,
    source: int,
    evidence: list[tuple],
    kinds: MetadataKinds,
    opts: DomLabelOptions,
    reasons: dict[int, str],
    in_text: bool = False,
) -> None:
    """Label one block inside the main content. `in_text`: it lies between the article's first and last paragraphs,
    where a line with a date in it is the text's own ("Deadline: 3 November", "she turns 100 on 5 May 2021"):
    the article's dateline stands above or below its text, so there only a container named for it or an opening
    publication stamp ("Updated ...") makes one. A byline ("By Jane Doe") is one wherever it stands: after a lead
    paragraph is where many articles put it."""
    if source >= 0:
        reason = reasons.get(source)
        if reason is None:  # one reason per furniture container, as outside the main content
            reason = reasons[source] = f"inside main content but in {_describe(seg, source, evidence[source][1])}"
        block.remove(evidence[source][0], reason)  # type: ignore[arg-type]
        return
    if _as_metadata(block, kinds, c, opts, None, not in_text):
        return
    if block.tag in CONTROL_TAGS:
        block.remove(Label.PAGE_CONTROL, f"form control <{block.tag}>")
        return
    if block.tag in TABLE_CELL_TAGS:
        return  # a data cell's number, word or linked name is data, not a counter, a button or a menu
    if (
        block.link_density > opts.max_body_link_density
        and len(block.text) < opts.min_linked_prose_chars
        and not _BARE_URL.match(block.text)  # a source cited by its address is part of the text
    ):
        kind = Label.RELATED_LINKS if block.tag == "li" and len(block.text.split()) > 3 else Label.NAVIGATION
        block.remove(kind, f"link density {block.link_density:.2f} in {_element_of(block)}")
        return
    if classify_furniture is not None and len(block.text) <= opts.max_furniture_phrase_chars:
        found = classify_furniture(block.text)
        if found is not None:
            block.remove(found[0], found[1])
            return
    found = classify_call_to_action(block.text) or classify_appendix(block.text)
    if found is not None:
        block.remove(found[0], found[1])
        return
    if block.tag not in HEADING_TAGS and is_related_heading(block.text):
        # a box title set as a paragraph; a heading-tag title is handled with its box (`_drop_related_boxes`)
        block.remove(Label.WIDGET_HEADING, "titles a box of links to other pages")


def _extend_lead_backwards(
    seg: Segmentation,
    inside: bytearray,
    first: int,
    furniture_from: list[int],
    meta_kinds: MetadataKinds,
    opts: DomLabelOptions,
    prose: list[bool],
) -> None:
    """Take in the article's lead when it sits outside the chosen container (a standfirst in the header, an intro
    box): prose blocks just before the main content, back to the headline, across at most `max_lead_gap` other
    parts in a row, stopping at furniture-free link lists (a menu) or the headline.

    A part is one block, or one furniture container however many blocks it has (a row of share buttons is one
    part); a short linked line (an author's name, a date) is a part, not a menu.
    """
    blocks = seg.blocks
    gap = 0
    last_source = -1
    for i in range(first - 1, -1, -1):
        block = blocks[i]
        if block.role is Role.TITLE or block.tag == "h1":
            return
        source = furniture_from[seg.owner[i]]
        if source >= 0:
            if source == last_source:
                continue  # the same furniture container as the block after it: one part
            last_source = source
            gap += 1
        elif meta_kinds[seg.owner[i]] is not None or _DATELINE_START.match(block.text):
            last_source = -1
            gap += 1  # the article's date or author line between the headline and the text
        elif block.tag != "li" and prose[i]:
            # a list before the text is a key-points box, so list items are never the lead
            inside[i] = 1
            gap = 0
            last_source = -1
            continue
        elif block.link_density > opts.max_prose_link_density and len(block.text.split()) > opts.max_metadata_words:
            return
        else:
            last_source = -1
            gap += 1
        if gap > opts.max_lead_gap:
            return


def _drop_edge_teasers(blocks: list[Block], inside: bytearray, opts: DomLabelOptions, prose: list[bool]) -> None:
    """Teaser list items before the article's first paragraph or after its last one link to other pages; between
    paragraphs, the same shape is the article's own list (a news round-up)."""
    body = Role.BODY
    kept = [i for i, b in enumerate(blocks) if inside[i] and b.role is body]
    paragraphs = [i for i in kept if prose[i] and not is_teaser(blocks[i], opts)]
    if not paragraphs:
        return
    first, last = paragraphs[0], paragraphs[-1]
    for i in kept:
        if (i < first or i > last) and is_teaser(blocks[i], opts):
            where = blocks[i].path.rsplit(">", 2)[-2] if blocks[i].path and ">" in blocks[i].path else "a list"
            blocks[i].remove(Label.RELATED_LINKS, f"teaser: opens with a headline link, in {where} around the article")


def _drop_related_boxes(blocks: list[Block], inside: bytearray) -> None:
    """A "You may also like" heading inside the main content and what follows it, to the next heading of the same
    or a higher level, are a box of links to other pages."""
    box_level = 0
    heading = ""
    for i, block in enumerate(blocks):
        if not inside[i]:
            continue
        level = int(block.tag[1]) if block.tag in HEADING_TAGS else 0
        if box_level and level and level <= box_level:
            box_level = 0
        if box_level:
            if block.role is Role.BODY:
                block.remove(Label.RELATED_LINKS, f"under the heading {heading!r}")
            continue
        if level and block.role is Role.BODY and is_related_heading(block.text):
            block.remove(Label.WIDGET_HEADING, "heads a box of links to other pages")
            box_level, heading = level, block.text[:40]


def _drop_empty_headings(blocks: list[Block], inside: bytearray, opts: DomLabelOptions) -> None:
    """A heading with no body text under it (before the next heading or the end) heads a widget, not a section;
    a sentence-long one is text set large and stays."""
    pending: Block | None = None
    body = Role.BODY
    for i, block in enumerate(blocks):
        if not inside[i]:
            continue
        if block.tag in HEADING_TAGS:
            if pending is not None:
                pending.remove(Label.WIDGET_HEADING, f"{pending.tag} with no body text under it")
            long_heading = len(block.text.split()) >= opts.min_sentence_heading_words
            pending = block if block.role is body and not long_heading else None
        elif block.role is body:
            pending = None
    if pending is not None:
        pending.remove(Label.WIDGET_HEADING, f"{pending.tag} with no body text under it")


# label/_choose.pyx's module when it was built: evidence_of, prose_flags_of, furniture_sources, block_weights,
# best_container and words_apart compiled, the loops over every container and block of the page that choosing the main
# content makes. It reads the tag sets, kinds and record classes above from this module.
_COMPILED_CHOICE = compiled_module("thresher.label._choose")
if _COMPILED_CHOICE is not None:
    _COMPILED_CHOICE.configure(sys.modules[__name__])
_CHOICE = _COMPILED_CHOICE or sys.modules[__name__]
