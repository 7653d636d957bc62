"""Text mode labelling: find the article among the lines, then say what every other line is.

The outline:
1. Score each line for how much it reads like prose (terminal punctuation, length) and against furniture.
2. The main content is the contiguous run of lines with the greatest total score (a maximum-sum segment): prose
   lines pull it wide, menus and widget lists push it back, a subheading between paragraphs costs little.
3. Above the content: the headline, the section label right above it, datelines and bylines; the rest is furniture.
4. Below it: widget headings, menus (runs of short lines), footers, legal notices and injected spam.
5. Inside it: furniture that slipped in (share bars, counters) is still removed.
Every removed line gets a `Label` and a reason naming the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thresher.label.furniture import COMMENT_HEADER_REASON, classify_furniture
from thresher.label.script import count_words, dominant_script
from thresher.label.spam import SpamOptions, foreign_reason, injected_list_reason
from thresher.langid import MAX_CHARS_SCORED_BLOCK, detect_language
from thresher.metadata.text import find_date, parse_byline, parse_dateline
from thresher.model import Block, Document, Label, Role


@dataclass(frozen=True)
class TextLabelOptions:
    # A line ending in terminal punctuation with at least this many words reads as a sentence of prose.
    min_sentence_words: int = 6
    # Without terminal punctuation, a line this long still reads as prose (a paragraph cut by the extractor).
    long_line_words: int = 20
    # Weight of a long unpunctuated line relative to a punctuated one, per word.
    unpunctuated_weight: float = 0.5
    # Cost of a short non-prose line grows with the run of non-prose lines it belongs to: the k-th line of a run
    # costs k times this. A subheading or a recipe's "Lunch" between paragraphs is cheap to cross; a 40-line menu
    # (which costs about 800 times this) is not.
    short_line_cost: float = 3.0
    # A line recognised as furniture counts as this many short lines.
    furniture_weight: float = 2.0
    # A widget heading or comment-section marker announces other content: crossing it costs this much (about a
    # paragraph's worth of words), so related teasers and comments below it stay out of the article.
    barrier_cost: float = 60.0
    # Lines below a headline that repeats the page title within which the article must start to be preferred.
    headline_reach: int = 8
    # The run below the headline is preferred when it weighs at least this share of the heaviest run.
    headline_min_share: float = 0.2
    # The header of a reader's comment ("<name> on <date> said:") is a wall the content never crosses.
    comment_header_cost: float = 1e9
    # A headline has at least this many words and at most this many.
    title_min_words: int = 3
    title_max_words: int = 30
    # The section label right above a headline is a word or three.
    section_max_words: int = 3
    # How many lines above the content the headline, dateline and byline are looked for.
    header_window: int = 12
    # Lines at the top of the content that may still be a dateline or byline.
    lead_metadata_lines: int = 3
    # A menu is a run of at least this many short lines, each at most this many words.
    menu_min_lines: int = 3
    menu_max_words: int = 5
    spam: SpamOptions = field(default_factory=SpamOptions)


# Furniture that announces other content (related stories, comments) rather than decorating the article.
_BARRIERS = frozenset({Label.WIDGET_HEADING, Label.COMMENTS})
# Line endings, checked on the last character once closing quotes and brackets are stripped (a regex anchored at
# the end would scan the whole line).
_CLOSERS = "'\"”’)]»"
_SENTENCE_END_CHARS = frozenset(".!?…。！？")
_TERMINAL_CHARS = _SENTENCE_END_CHARS | {":", ";"}


def _ends_with(text: str, chars: frozenset[str]) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in chars


def _is_terminal(text: str) -> bool:
    """Ends like a sentence or a clause that introduces what follows."""
    return _ends_with(text, _TERMINAL_CHARS)


def _is_sentence_end(text: str) -> bool:
    return _ends_with(text, _SENTENCE_END_CHARS)


@dataclass(slots=True)
class _Line:
    block: Block
    words: float
    terminal: bool
    furniture: tuple[Label, str] | None
    score: float = 0.0
    menu_item: bool = False  # short enough, and not sentence-ended, to be one item of a menu or list


def _features(block: Block, options: TextLabelOptions) -> _Line:
    """A line's own evidence; its score is its prose weight (positive) or 0 for a non-prose line."""
    words = count_words(block.text)
    line = _Line(block, words, _is_terminal(block.text), classify_furniture(block.text))
    line.menu_item = words <= options.menu_max_words and not _is_sentence_end(block.text)
    if line.furniture is None:
        if line.terminal and words >= options.min_sentence_words:
            line.score = words
        elif words >= options.long_line_words:
            line.score = words * options.unpunctuated_weight
    return line


def _score(lines: list[_Line], options: TextLabelOptions) -> list[float]:
    """Prose lines keep their weight; the k-th line of a run of non-prose lines costs k x short_line_cost."""
    scores: list[float] = []
    run = 0.0
    for ln in lines:
        if ln.score > 0:
            run = 0.0
            scores.append(ln.score)
            continue
        step = options.furniture_weight if ln.furniture is not None else 1.0
        run += step
        cost = options.short_line_cost * run * step
        if ln.furniture is not None and ln.furniture[0] in _BARRIERS:
            cost = max(cost, options.barrier_cost)
            if ln.furniture[1].startswith(COMMENT_HEADER_REASON):
                # A reader's comment is never the article's continuation: nothing may cross its header.
                cost = options.comment_header_cost
        scores.append(-cost)
    return scores


def _best_segment(scores: list[float]) -> tuple[int, int] | None:
    """Indices [start, end] of the contiguous run with the largest positive sum (Kadane), or None."""
    best_sum, best = 0.0, None
    run_sum, run_start = 0.0, 0
    for i, s in enumerate(scores):
        if run_sum <= 0:
            run_sum, run_start = s, i
        else:
            run_sum += s
        if run_sum > best_sum:
            best_sum, best = run_sum, (run_start, i)
    return best


_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{1,60}$")


def _normalise_title(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _headline_echo(lines: list[_Line], options: TextLabelOptions) -> int | None:
    """The index of the line that repeats the page's first line (a text record opens with the page's <title>,
    and the headline above the article usually says it again), without the " | Site" suffix titles carry."""
    if len(lines) < 3:
        return None
    first = lines[0].block.text
    wanted = {_normalise_title(first), _normalise_title(_SITE_SUFFIX.sub("", first))}
    wanted.discard("")
    for i in range(1, len(lines)):
        ln = lines[i]
        if ln.words < options.title_min_words or ln.words > options.title_max_words:
            continue
        if _normalise_title(ln.block.text) in wanted:
            return i
    return None


def _prefer_after_headline(
    lines: list[_Line], scores: list[float], segment: tuple[int, int] | None, options: TextLabelOptions
) -> tuple[int, int] | None:
    """If the page repeats its title as a headline, the article is what follows it: take the best run that starts
    right below the headline when it holds at least `headline_min_share` of the best run's weight."""
    echo = _headline_echo(lines, options)
    if echo is None or segment is None:
        return None
    if echo < segment[0] <= echo + options.headline_reach:
        return None  # already right below the headline
    found = _best_segment_starting_in(scores, echo + 1, echo + 1 + options.headline_reach)
    if found is None:
        return None
    start, end = found
    best_weight = sum(scores[segment[0]: segment[1] + 1])
    if sum(scores[start: end + 1]) >= options.headline_min_share * best_weight:
        return start, end
    return None


def _best_segment_starting_in(scores: list[float], lo: int, hi: int) -> tuple[int, int] | None:
    """The heaviest run [start, end] whose start lies in [lo, hi), by prefix sums and a running suffix maximum."""
    n = len(scores)
    if lo >= n:
        return None
    prefix = [0.0]
    for s in scores:
        prefix.append(prefix[-1] + s)
    # best_end[i]: the end e >= i with the largest prefix[e + 1].
    best_end = [0] * n
    best = n - 1
    for i in range(n - 1, lo - 1, -1):
        if prefix[i + 1] > prefix[best + 1]:
            best = i
        best_end[i] = best
    chosen, chosen_sum = None, 0.0
    for start in range(lo, min(hi, n)):
        if scores[start] <= 0:
            continue
        end = best_end[start]
        total = prefix[end + 1] - prefix[start]
        if total > chosen_sum:
            chosen, chosen_sum = (start, end), total
    return chosen


def label_text(doc: Document, options: TextLabelOptions = TextLabelOptions()) -> None:
    """Give every block of a text-mode document its role, label and reason; fill title/date/byline metadata."""
    lines = [_features(b, options) for b in doc.blocks]
    if not lines:
        doc.flag("no_main_content")
        return
    scores = _score(lines, options)
    # Readers' comments follow the article: when a comment header appears, the article is looked for above it
    # first, so a long comment thread cannot outweigh a short article.
    first_comment = next(
        (i for i, ln in enumerate(lines) if ln.furniture and ln.furniture[1].startswith(COMMENT_HEADER_REASON)), None
    )
    limit = first_comment or len(lines)
    segment = _best_segment(scores[:limit]) if first_comment else None
    if segment is None:
        segment = _best_segment(scores)
    segment = _prefer_after_headline(lines, scores[:limit], segment, options) or segment
    if segment is None:
        doc.flag("no_main_content")
        start, end = len(lines), len(lines) - 1
    else:
        start, end = segment
    body_sample = " ".join(ln.block.text for ln in lines[start: end + 1]) or " ".join(b.text for b in doc.blocks)
    page_script = dominant_script(body_sample)
    page_language, page_language_score = detect_language(body_sample)
    doc.language, doc.language_score = page_language, page_language_score

    first_body = _label_header(doc, lines, start, options)
    _label_body(doc, lines, first_body, end, page_script, page_language, options)
    _label_zone(doc, lines[:start], "above the main content", page_script, page_language, options)
    _label_zone(doc, lines[end + 1:], "below the main content", page_script, page_language, options)
    _label_removed_languages(lines)


def _label_removed_languages(lines: list[_Line]) -> None:
    """Each removed block's language, identified once per run of adjacent removed blocks: page furniture next to
    furniture is one piece of the page's chrome in one language (a 50-item menu is one model call, not fifty).
    Spam never shares a run with furniture: its language is the evidence that it is foreign."""
    run: list[Block] = []
    for ln in [*lines, None]:
        block = ln.block if ln is not None else None
        if run and (
            block is None
            or block.role is not Role.REMOVED
            or (block.label is Label.SPAM) != (run[0].label is Label.SPAM)
        ):
            language = detect_language(" ".join(b.text for b in run), MAX_CHARS_SCORED_BLOCK)[0]
            for b in run:
                b.language = language
            run = []
        if block is not None and block.role is Role.REMOVED and block.language is None:
            run.append(block)


def _metadata_line(doc: Document, block: Block) -> bool:
    """Turn a dateline or byline into metadata; True if it was one."""
    dateline = parse_dateline(block.text)
    if dateline is not None:
        doc.published = doc.published or dateline.published
        doc.source = doc.source or dateline.source
        doc.editor = doc.editor or dateline.editor
        doc.author = doc.author or dateline.author
        block.role, block.label, block.reason = Role.METADATA, Label.DATELINE, dateline.reason()
        return True
    author = parse_byline(block.text)
    if author is not None:
        doc.author = doc.author or author
        block.role, block.label, block.reason = Role.METADATA, Label.BYLINE, f"byline: author {author}"
        return True
    return False


def _looks_like_title(ln: _Line, options: TextLabelOptions) -> bool:
    return (
        ln.furniture is None
        and options.title_min_words <= ln.words <= options.title_max_words
        and not _is_sentence_end(ln.block.text.rstrip("?!"))
        and find_date(ln.block.text) is None
    )


def _looks_like_section(ln: _Line, options: TextLabelOptions) -> bool:
    text = ln.block.text
    return (
        ln.furniture is None
        and 0 < ln.words <= options.section_max_words
        and not _is_terminal(text)
        and text[:1].isupper()
        and find_date(text) is None
    )


def _label_header(doc: Document, lines: list[_Line], start: int, options: TextLabelOptions) -> int:
    """Label the lines above the content; return the content's first line (leading metadata moves it down)."""
    # Datelines and bylines at the very top of the content are metadata, not body.
    lead = start
    while lead < len(lines) and lead < start + options.lead_metadata_lines and _metadata_line(doc, lines[lead].block):
        lead += 1
    window_start = max(0, start - options.header_window)
    title_at = None
    for i in range(start - 1, window_start - 1, -1):
        ln = lines[i]
        # A dateline may carry a promotion ("... App Download") that alone would read as furniture.
        if (ln.furniture is None or find_date(ln.block.text)) and _metadata_line(doc, ln.block):
            continue
        if title_at is None and _looks_like_title(ln, options):
            title_at = i
    if title_at is not None:
        block = lines[title_at].block
        block.role, block.label, block.reason = Role.TITLE, None, "the headline: the last title-like line above the body"
        doc.title = block.text
        above = title_at - 1
        if above >= 0 and lines[above].block.role is Role.BODY and _looks_like_section(lines[above], options):
            sec = lines[above].block
            sec.role, sec.label, sec.reason = Role.METADATA, Label.SECTION, "section label right above the headline"
            doc.section = sec.text
    return lead


def _remove_outside(ln: _Line, where: str) -> None:
    if ln.furniture is not None:
        label, reason = ln.furniture
        ln.block.remove(label, f"{reason}, {where}")
    else:
        ln.block.remove(Label.BOILERPLATE, f"{where}, not part of the article")


def _label_body(
    doc: Document,
    lines: list[_Line],
    start: int,
    end: int,
    page_script: str | None,
    page_language: str | None,
    options: TextLabelOptions,
) -> None:
    for i in range(start, end + 1):
        ln = lines[i]
        if ln.block.role is not Role.BODY:
            continue
        if _remove_spam_or_furniture(doc, ln, "inside the main content", page_script, page_language, options):
            continue
        if ln.score <= 0 and not (i + 1 <= end and lines[i + 1].score > 0):
            # A short line that leads a paragraph is a subheading; one that does not is a caption, a name, a
            # label left between blocks.
            ln.block.remove(Label.BOILERPLATE, "a short line inside the content that leads no paragraph")


def _remove_spam_or_furniture(
    doc: Document,
    ln: _Line,
    where: str,
    page_script: str | None,
    page_language: str | None,
    options: TextLabelOptions,
) -> bool:
    """Remove the line if it is injected spam or furniture on its own words; True if it was removed."""
    spam = injected_list_reason(ln.block.text, page_script, page_language, options.spam)
    if spam:
        ln.block.remove(Label.SPAM, spam)
        doc.flag("spam_injection")
        return True
    if ln.furniture is not None:
        label, reason = ln.furniture
        ln.block.remove(label, f"{reason}, {where}")
        return True
    return False


def _label_zone(
    doc: Document,
    zone: list[_Line],
    where: str,
    page_script: str | None,
    page_language: str | None,
    options: TextLabelOptions,
) -> None:
    """Label the still-unlabelled lines above or below the content: spam, furniture, menus, then the rest."""
    _label_spam_runs(doc, zone, page_script, page_language, options)
    for ln in zone:
        if ln.block.role is Role.BODY:
            _remove_spam_or_furniture(doc, ln, where, page_script, page_language, options)
    _label_menus(zone, options)
    for ln in zone:
        if ln.block.role is Role.BODY:
            _remove_outside(ln, where)


def _runs(lines: list[_Line], member) -> list[list[_Line]]:  # type: ignore[no-untyped-def]
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    for ln in lines:
        if member(ln) and (not current or current[-1].block.group == ln.block.group):
            current.append(ln)
        else:
            if current:
                runs.append(current)
            current = [ln] if member(ln) else []
    if current:
        runs.append(current)
    return runs


def _label_menus(zone: list[_Line], options: TextLabelOptions) -> None:
    """A run of short lines in one group, still unlabelled, is a menu."""
    for run in _runs(zone, lambda ln: ln.block.role is Role.BODY and ln.menu_item):
        if len(run) >= options.menu_min_lines:
            for ln in run:
                ln.block.remove(Label.NAVIGATION, f"one of {len(run)} short lines in a row: a menu")


def _label_spam_runs(
    doc: Document, zone: list[_Line], page_script: str | None, page_language: str | None, options: TextLabelOptions
) -> None:
    """Many short lines in a row, all foreign to the page, are an injected list laid out one item a line."""
    for run in _runs(zone, lambda ln: ln.block.role is Role.BODY and ln.menu_item):
        if len(run) < options.spam.min_items:
            continue
        joined = " | ".join(ln.block.text for ln in run)
        foreign = foreign_reason(joined, page_script, page_language, options.spam)
        if foreign:
            for ln in run:
                ln.block.remove(Label.SPAM, f"one of {len(run)} short lines in a row, {foreign}: an injected list")
            doc.flag("spam_injection")
